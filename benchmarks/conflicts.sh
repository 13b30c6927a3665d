#!/usr/bin/env bash
# Conflict detection benchmark: sort + sweep against the O(n²) pairwise baseline on seeded random
# clinics of 1k to 1M occurrences. Builds in release and prints a markdown table.
# Extra arguments go to the suite, e.g. `benchmarks/conflicts.sh --sizes 10000,100000 --runs 5`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-release --product SolverBenchmarks >&2
exec .build-release/release/SolverBenchmarks conflicts "$@"
