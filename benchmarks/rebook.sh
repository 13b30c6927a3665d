#!/usr/bin/env bash
# The rebooking benchmark matrix (benchmarks/rebook_matrix.py): clinic-plan's greedy and exact
# (glpk) solvers at --time-limit 10 and 60 on generated clinics of every `generate --shape`, at
# 30, 200 and 1,000 doctors, 4 seeds (2 at 1,000), with --grid 15 and --days 28 variations, and
# HiGHS and CP-SAT on each exported monolithic model. Builds the release binary first (under
# /tmp/clinic-build.lock, so that builds on a shared machine run one at a time). Writes
# benchmarks/results-rebook.md and benchmarks/results-rebook.jsonl. Arguments go to the driver:
#
#   benchmarks/rebook.sh --quick        # smoke run, 5 cells, 2-3 minutes
#   benchmarks/rebook.sh --dry-run      # the cells and their worst-case time
#   benchmarks/rebook.sh --sizes 200 --seeds 1,2 --shapes near-cap,overfull --limits 10 --baseline-limit 30
set -euo pipefail
cd "$(dirname "$0")/.."
build=(swift build -c release --scratch-path .build-release --product clinic-plan)
if [ "${REBOOK_SKIP_BUILD:-}" != 1 ]; then
  if command -v flock >/dev/null; then
    flock /tmp/clinic-build.lock "${build[@]}" >&2
  else
    "${build[@]}" >&2
  fi
fi
exec python3 benchmarks/rebook_matrix.py "$@"
