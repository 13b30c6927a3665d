#!/usr/bin/env bash
# Installs the Debian packages clinic-plan needs, only those missing: apt-get update runs once,
# and not at all when everything is already there. Needs root (or sudo) on Debian/Ubuntu.
set -euo pipefail

packages=(
  libglpk-dev   # GNU GLPK, the MIP solver behind `rebook --solver glpk` (CGLPK target)
  glpk-utils    # glpsol: the baseline solver in benchmarks/
)

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
