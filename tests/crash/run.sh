#!/usr/bin/env bash
# Long crash run: the suite's CrashCommitTests with many random kills per writing command
# (rebook --apply, book, cancel, close, users add), on top of a kill after every commit step.
# Usage: tests/crash/run.sh [TRIALS_PER_COMMAND]   (default 100: about 500 killed writers)
set -euo pipefail
cd "$(dirname "$0")/../.."
flock /tmp/clinic-build.lock swift build --build-tests
CLINIC_PLAN_CRASH_TRIALS="${1:-100}" swift test --skip-build --filter CrashCommitTests
