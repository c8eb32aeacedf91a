#!/usr/bin/env bash
# Installs every Debian package the build, the tests and the screenshots need.
# Safe to run again: apt skips what is already there.
set -euo pipefail
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
PKGS=(
  # native build
  cmake ninja-build g++ pkg-config git
  libglfw3-dev libfmt-dev doctest-dev libssl-dev libstb-dev libminizip-dev
  openssl # test certificates (scripts/wine-import-cert.sh and its test)
  fonts-dejavu-core
  # Windows cross build and its test run
  g++-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 dpkg-dev wine wine64
  # screenshots, schema checks, fuzzing, formatting
  xvfb xauth x11-utils libgl1-mesa-dri imagemagick libxml2-utils clang libclang-rt-14-dev clang-format
  # Check gateway tests: strongSwan responders (openssl/gcm plugins for ECP and AES-GCM) and
  # openssl s_server on loopback (tests/gateway/services.sh)
  strongswan-charon strongswan-swanctl libstrongswan-standard-plugins openssl iproute2
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "all packages present"
fi
