#!/usr/bin/env bash
# README command (a): set up, build and run the app. With a display, the window opens; without
# one, the app runs under Xvfb, saves a screenshot and prints where it is.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-packages.sh
bash scripts/fetch-sources.sh
cmake --preset native >/dev/null
cmake --build --preset native
app="$root/build/native/app/aovpn-studio"
if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
  exec "$app" "$@"
fi
source scripts/lib/xvfb.sh
start_xvfb
trap stop_xvfb EXIT
mkdir -p build/screenshots
echo "No display: running under Xvfb ($DISPLAY) and saving a screenshot."
"$app" --screenshot "$root/build/screenshots/aovpn-studio.png" "$@"
