#!/usr/bin/env bash
# Long fuzz run: the suite's FuzzTests over many more seeded mutated folders (validate plus
# one of conflicts, plan, report --all, rebook --solver greedy, book on each).
# Usage: tests/fuzz/run.sh [FOLDERS] [SEED]   (default 2000 folders, seed 11)
set -euo pipefail
cd "$(dirname "$0")/../.."
flock /tmp/clinic-build.lock swift build --build-tests
CLINIC_PLAN_FUZZ_FOLDERS="${1:-2000}" CLINIC_PLAN_FUZZ_SEED="${2:-11}" swift test --skip-build --filter FuzzTests
