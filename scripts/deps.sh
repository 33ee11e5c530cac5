#!/usr/bin/env bash
# Install the Debian packages numreg builds, tests and demonstrates with,
# when any is missing. Runs apt-get update first, as a fresh machine needs.
# `deps.sh fuzz` adds clang and its runtimes for the libFuzzer harnesses
# (`make fuzz`); the ordinary build and `make test` need only g++.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config python3 time groff-base
  libsqlite3-dev sqlite3 libcli11-dev libyaml-cpp-dev libtomlplusplus-dev doctest-dev
  nlohmann-json3-dev libfmt-dev libxlsxwriter-dev libssl-dev libexpected-dev zlib1g-dev
  python3-openpyxl
)
if [ "${1:-}" = fuzz ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "numreg: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
