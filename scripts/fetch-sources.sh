#!/usr/bin/env bash
# Fetches the Debian SOURCE packages our build compiles itself (Dear ImGui and pugixml on both
# OSes; GLFW, fmt, doctest and zlib with its contrib/minizip for the Windows cross build) into a
# cache, and unpacks each once.
# A second run finds the unpacked folders and does nothing.
#   usage: scripts/fetch-sources.sh [CACHE_DIR]   (default: .deps/ in the repo)
#
# Dear ImGui 1.90 comes from Debian 13 (trixie)'s source package `imgui` 1.90.1+ds-1: bookworm
# has only 1.86. For it the machine gets a deb-src entry for trixie: SOURCE indexes only, so no
# trixie binary can ever be installed from it (and a pin at -1 makes sure of that).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-${AOVPN_DEPS_DIR:-$root/.deps}}
mkdir -p "$cache/src"
cd "$cache/src"

# what `apt-get source` is asked for -> folder we unpack it to. Binary names resolve to their
# source (plain "doctest" would pick a Haskell package); imgui is a source name at a version.
# The folder names carry what changed (imgui-1.90), so a cache of the older set stays usable.
# The bookworm ones are asked for at /bookworm: with the trixie deb-src entry present, a bare name
# would resolve to trixie's (newer) source.
declare -A PKG=([imgui=1.90.1+ds-1]=imgui-1.90 [libglfw3-dev/bookworm]=glfw3
                [libpugixml-dev/bookworm]=pugixml [libfmt-dev/bookworm]=fmtlib
                [doctest-dev/bookworm]=doctest [zlib/bookworm]=zlib)

need=()
for p in "${!PKG[@]}"; do [ -d "${PKG[$p]}" ] || need+=("$p"); done
if [ ${#need[@]} -eq 0 ]; then echo "sources cached in $cache/src"; exit 0; fi

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
base=/etc/apt/sources.list.d/debian.sources
updated=0
# deb-src entries: the machine's own Debian sources with Types changed, so no mirror host is
# written down anywhere in this repository.
srcfile=/etc/apt/sources.list.d/aovpn-deb-src.sources
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  sed 's/^Types: deb$/Types: deb-src/' "$base" | $SUDO tee "$srcfile" >/dev/null
  updated=1
fi
# trixie, sources only: the first stanza (the main archive) of the machine's file.
trixie=/etc/apt/sources.list.d/aovpn-trixie-src.sources
if [ ! -f "$trixie" ]; then
  awk 'BEGIN { RS = ""; ORS = "\n" } NR == 1' "$base" | grep -v '^#' \
    | sed -e 's/^Types: .*/Types: deb-src/' -e 's/^Suites: .*/Suites: trixie/' \
    | $SUDO tee "$trixie" >/dev/null
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: -1\n' \
    | $SUDO tee /etc/apt/preferences.d/aovpn-no-trixie-binaries >/dev/null
  updated=1
fi
if grep -q '^Types:.*\bdeb\b\([^-]\|$\)' "$trixie"; then
  echo "error: $trixie must hold deb-src entries only" >&2; exit 1
fi
[ "$updated" = 0 ] || $SUDO apt-get update -q

for p in "${need[@]}"; do
  echo "fetching source package $p"
  dl="dl-${PKG[$p]}"
  rm -rf "$dl" && mkdir "$dl"
  (cd "$dl" && apt-get source --download-only -q "$p" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  dsc=$(ls "$dl"/*.dsc | head -n1)
  [ -n "$dsc" ] || { echo "error: no .dsc for $p" >&2; exit 1; }
  dpkg-source --no-check -x "$dsc" "tmp-${PKG[$p]}" >/dev/null
  mv "tmp-${PKG[$p]}" "${PKG[$p]}"
  rm -rf "$dl" ./*.orig.tar.* ./*.debian.tar.* ./*.diff.gz
done
echo "sources cached in $cache/src"
