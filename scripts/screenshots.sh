#!/usr/bin/env bash
# Screenshots of the app with the seed's Azure user tunnel loaded: the Linux build into
# docs/screenshot.png and the Windows exe under Wine into docs/screenshot-wine.png.
# Usage: scripts/screenshots.sh [linux-build-dir] [windows-build-dir]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
linux_build="$(realpath -m "${1:-$root/build/native}")"
windows_build="$(realpath -m "${2:-$root/build/windows}")"
profile="$root/../shared/reference/profiles/seed_azure_user_tunnel.xml"
[ -f "$profile" ] || { echo "error: $profile not found" >&2; exit 1; }
# shellcheck source=lib/xvfb.sh
. "$root/scripts/lib/xvfb.sh"
start_xvfb
trap stop_xvfb EXIT

status=0
if [ -x "$linux_build/app/aovpn-studio" ]; then
  "$linux_build/app/aovpn-studio" --open "$profile" --size 1360x860 --frames 8 \
    --screenshot "$root/docs/screenshot.png" || status=1
else
  echo "skipped Linux: $linux_build/app/aovpn-studio not built" >&2; status=1
fi
exe="$windows_build/app/aovpn-studio.exe"
if [ -f "$exe" ] && command -v wine >/dev/null; then
  # Wine sees the Linux root as drive Z:.
  WINEPREFIX="$windows_build/wineprefix" WINEDEBUG=-all wine "$exe" --open "Z:$profile" \
    --size 1360x860 --frames 8 --screenshot "Z:$root/docs/screenshot-wine.png" || status=1
  # Wine's helper processes of this prefix hold the display open: end them before Xvfb goes.
  WINEPREFIX="$windows_build/wineprefix" wineserver -k 2>/dev/null || true
else
  echo "skipped Wine: $exe not built or wine missing" >&2; status=1
fi
exit "$status"
