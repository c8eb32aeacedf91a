#!/usr/bin/env bash
# Fetches the Debian SOURCE packages our build compiles itself (Dear ImGui on both OSes; GLFW,
# pugixml, fmt and doctest for the Windows cross build) into a cache, and unpacks each once.
# A second run finds the unpacked folders and does nothing.
#   usage: scripts/fetch-sources.sh [CACHE_DIR]   (default: .deps/ in the repo)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-${AOVPN_DEPS_DIR:-$root/.deps}}
mkdir -p "$cache/src"
cd "$cache/src"

# binary package name (apt-get source resolves its source; plain "doctest" would pick a Haskell
# package) -> folder we unpack it to
declare -A PKG=([libimgui-dev]=imgui [libglfw3-dev]=glfw3 [libpugixml-dev]=pugixml
                [libfmt-dev]=fmtlib [doctest-dev]=doctest)

need=()
for p in "${!PKG[@]}"; do [ -d "${PKG[$p]}" ] || need+=("$p"); done
if [ ${#need[@]} -eq 0 ]; then echo "sources cached in $cache/src"; exit 0; fi

# deb-src entries: the machine's own Debian sources with Types changed, so no mirror host is
# written down anywhere in this repository.
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
srcfile=/etc/apt/sources.list.d/aovpn-deb-src.sources
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | $SUDO tee "$srcfile" >/dev/null
  $SUDO apt-get update -q
fi
for p in "${need[@]}"; do
  echo "fetching source package $p"
  rm -rf "dl-$p" && mkdir "dl-$p"
  (cd "dl-$p" && apt-get source --download-only -q "$p" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  dsc=$(ls "dl-$p"/*.dsc | head -n1)
  [ -n "$dsc" ] || { echo "error: no .dsc for $p" >&2; exit 1; }
  dpkg-source --no-check -x "$dsc" "tmp-$p" >/dev/null
  mv "tmp-$p" "${PKG[$p]}"
  rm -rf "dl-$p" ./*.orig.tar.* ./*.debian.tar.* ./*.diff.gz

done
echo "sources cached in $cache/src"
