#!/usr/bin/env bash
# Rebooking benchmark: greedy and the exact GLPK solver (decomposition + Benders-style loop) on
# seeded random clinics of 10/20, 200/1,000 and 1,000/5,000 doctors/rescheduled visits, with
# glpsol on the exported monolithic model as the baseline in the same run. Builds in release and
# prints a markdown table. Extra arguments go to the suite, e.g.
# `benchmarks/rebook.sh --sizes 200x1000 --runs 5 --glpsol-limit 60`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-release --product SolverBenchmarks >&2
exec .build-release/release/SolverBenchmarks rebook "$@"
