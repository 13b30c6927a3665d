#!/usr/bin/env bash
# `report --all` benchmark: builds clinic-plan in release, generates the 1,000-doctor clinic once
# (1,000 doctors, 500 reps, 20,000 patients, 4 weeks of bookings) and times `report --all` on it,
# in every format, as a user runs it (loading and validating the folder included; `validate` alone
# shows that part). Prints a
# markdown table of the best and median wall-clock seconds over --runs runs (default 5).
# Usage: benchmarks/reports.sh [--runs N] [--folder DIR] [--scratch-path PATH]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
folder="${TMPDIR:-/tmp}/clinic-plan-bench-d1000"
scratch=".build-release"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --folder) folder="$2"; shift 2 ;;
    --scratch-path) scratch="$2"; shift 2 ;;
    *) echo "usage: benchmarks/reports.sh [--runs N] [--folder DIR] [--scratch-path PATH]" >&2; exit 2 ;;
  esac
done

swift build -c release --scratch-path "$scratch" --product clinic-plan >&2
tool="$scratch/release/clinic-plan"
if [ ! -f "$folder/users.json" ]; then
  "$tool" generate --doctors 1000 --reps 500 --patients 20000 --rescheduled 100 --seed 3 --from 2026-11-29 \
    -o "$folder" >&2
fi

# Wall-clock seconds of one run of the tool, output discarded.
seconds() {
  local start=$EPOCHREALTIME
  "$tool" "$@" >/dev/null 2>&1 || [ $? -eq 1 ]
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f\n", b - a }'
}

echo "| command (1,000 doctors, 104k appointments, 30k rep visits) | best s | median s |"
echo "| --- | ---: | ---: |"
week="--from 2026-11-29"
for args in "validate" "report --all $week --format table" "report --all $week --format json" \
            "report --all $week --format csv" "report --all $week --days 28 --format table" \
            "report --all $week --format html"; do
  times=()
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    times+=("$(seconds $args --data "$folder")")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -g)
  best=$(echo "$sorted" | head -1)
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  printf '| `%s` | %.3f | %.3f |\n' "$args" "$best" "$median"
done
