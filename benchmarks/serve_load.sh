#!/usr/bin/env bash
# The load test of `clinic-plan serve` (loopback only, bounded: 20 s per instance), on a release
# build: the sample and a generated 500-doctor instance. Prints the Markdown rows of
# benchmarks/results.md's "serve" table; exits 1 when a run had an error, a lost or doubled
# booking, or changed conflicts. Needs wrk (scripts/setup.sh). Not run by the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
flock /tmp/clinic-build.lock swift build -c release --scratch-path .build-release --product clinic-plan >&2
binary=.build-release/release/clinic-plan
large=$(mktemp -d)
trap 'rm -rf "$large"' EXIT
"$binary" generate --doctors 500 --reps 300 --patients 6000 --seed 1 --from 2026-12-06 -o "$large/clinic" >&2
echo "| instance | duration | reads | errors | week page p99 | API plan p99 | writes | lost | not cancelled | conflicts after |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
status=0
python3 benchmarks/serve_load.py "$binary" instances/sample sample 20 2>/dev/null || status=1
python3 benchmarks/serve_load.py "$binary" "$large/clinic" "500 doctors" 20 2>/dev/null || status=1
exit $status
