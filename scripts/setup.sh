#!/usr/bin/env bash
# Installs the Debian packages clinic-plan needs, only those missing: apt-get update runs once,
# and not at all when everything is already there. Needs root (or sudo) on Debian/Ubuntu.
set -euo pipefail

packages=(
  libglpk-dev   # GNU GLPK, the MIP solver behind `rebook --solver glpk` (CGLPK target)
  glpk-utils    # glpsol: the baseline solver in benchmarks/
  libcrypt-dev  # libxcrypt headers: password hashing (CCrypt target)
  libsimdjson-dev  # simdjson, the JSON parser under the data-folder loader (CSimdjson target)
  python3-icalendar  # a real iCalendar parser for tests/ics/check_ics.py (run by ReportTests)
  chromium      # headless browser that renders the HTML pages in tests/html/check_html.py (ReportTests)
  python3-bcrypt   # tests/auth: bcrypt hashes made by another implementation (pyca/bcrypt)
  python3-passlib  # tests/auth: SHA-512 crypt hashes made by passlib's pure-Python code
  whois            # tests/auth: mkpasswd, which makes and checks yescrypt hashes
  chromium-driver  # tests/web/check_browser.py: selenium drives chromium through it (ServeTests)
  wrk              # benchmarks/serve_load.py: the load test of `clinic-plan serve` (loopback only)
)

# Node.js runs the mongosh scripts clinic-plan writes against a mock database in the tests
# (tests/mongosh); the machine usually has it already.
command -v node >/dev/null 2>&1 || packages+=(nodejs)

# Python test helpers from PyPI: selenium (tests/web/check_browser.py) and schemathesis
# (tests/web/check_api.sh), both run by ServeTests.
python_missing=()
python3 -c "import selenium" 2>/dev/null || python_missing+=("selenium<4.52")
command -v schemathesis >/dev/null 2>&1 || python_missing+=("schemathesis==4.32.5")
if [ ${#python_missing[@]} -gt 0 ]; then
  echo "setup: pip installing ${python_missing[*]}" >&2
  python3 -m pip install -q "${python_missing[@]}"
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
