#!/usr/bin/env bash
# Install the Debian packages numreg builds, tests and demonstrates with,
# when any is missing. Runs apt-get update first, as a fresh machine needs.
# `deps.sh fuzz` adds clang and its runtimes for the libFuzzer harnesses
# (`make fuzz`); the ordinary build and `make test` need only g++.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config python3 time groff-base
  libsqlite3-dev sqlite3 libpq-dev postgresql libcli11-dev libyaml-cpp-dev libtomlplusplus-dev doctest-dev
  nlohmann-json3-dev libfmt-dev libxlsxwriter-dev libssl-dev libexpected-dev zlib1g-dev
  python3-openpyxl tmux locales man-db
  # numbers as libphonenumber knows them, text normalised and decoded, and
  # the references the differential tests and the printed audit sheet use
  libphonenumber-dev libicu-dev libuchardet-dev python3-stdnum python3-phonenumbers
  libreoffice-calc-nogui fonts-noto-cjk poppler-utils
  # Calibri's metric twin: the printed audit sheet lays out as in Excel
  fonts-crosextra-carlito
)
if [ "${1:-}" = fuzz ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
if [ ${#missing[@]} -gt 0 ]; then
  echo "numreg: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The terminal tests run a shell with LANG=zh_CN.UTF-8, as the clerks do.
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
  echo "numreg: generating the zh_CN.UTF-8 locale" >&2
  $SUDO localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
fi
