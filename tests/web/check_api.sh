#!/usr/bin/env bash
# schemathesis (PyPI, installed by scripts/setup.sh) against /api/v1/openapi.json of a
# `clinic-plan serve` on a copy of the sample, signed in with an admin-issued bearer token.
# Passes when no response is a server error (5xx) and every response fits the schema.
# Usage: tests/web/check_api.sh CLINIC_PLAN_BINARY SAMPLE_FOLDER [MAX_EXAMPLES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$1" sample="$2" examples="${3:-25}"
exec python3 - "$binary" "$sample" "$examples" <<PY
import subprocess, sys
sys.path.insert(0, "$here")
from serve_fixture import Served
from serve_session import bearer_token
served = Served(sys.argv[1], sys.argv[2])
try:
    token = bearer_token(served.url)
    result = subprocess.run(["schemathesis", "run", served.url + "/api/v1/openapi.json", "--url", served.url,
                             "-H", "Authorization: Bearer " + token,
                             "--checks", "not_a_server_error,response_schema_conformance,content_type_conformance",
                             "--phases", "examples,coverage,fuzzing", "-n", sys.argv[3], "--generation-deterministic",
                             "--request-timeout", "30", "--no-color"])
    sys.exit(result.returncode)
finally:
    served.stop()
PY
