#!/usr/bin/env bash
# docs/screenshot-check-gateway.png: the app's Check gateway report for the widely copied 128-bit
# suite against a loopback strongSwan with Azure's default P2S policy. tests/gateway/services.sh
# starts and stops the responder (loopback, a port from 20000-20999); the app is driven by
# --ui-script, its server set to 127.0.0.2 before anything is checked (nothing leaves the machine).
# Usage: scripts/screenshot-gateway.sh [BUILD_DIR [OUT.png]]   (needs root for charon, and Xvfb)
#   BUILD_DIR defaults to build/native; a Windows build dir (build/windows) runs the exe under Wine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(realpath -m "${1:-$root/build/native}")"
out="$(realpath -m "${2:-$root/docs/screenshot-check-gateway.png}")"
drive=""
if [ -x "$build/app/aovpn-studio" ]; then
  app=("$build/app/aovpn-studio")
elif [ -f "$build/app/aovpn-studio.exe" ]; then
  app=(wine "$build/app/aovpn-studio.exe") drive="Z:"
  export WINEPREFIX="${WINEPREFIX:-$build/wineprefix}" WINEDEBUG=-all
else
  echo "error: no aovpn-studio in $build/app" >&2
  exit 1
fi
# shellcheck source=lib/xvfb.sh
. "$root/scripts/lib/xvfb.sh"
start_xvfb
trap stop_xvfb EXIT
export AOVPN_DRIVE="$drive" AOVPN_OUT="$out"
bash "$root/tests/gateway/services.sh" bash -c '
  script="$AOVPN_GW_CERTS/check-gateway.uis"
  cat >"$script" <<UIS
menu File > New from template > Azure VPN gateway - user tunnel
click Server FQDN
key Ctrl+A
type 127.0.0.2
key Tab
click RRAS / Windows Server baseline
click Check gateway
click IKE port
key Ctrl+A
type $AOVPN_GW_IKE_PORT
key Tab
click Check again
frames 4
screenshot $AOVPN_DRIVE$AOVPN_OUT
UIS
  "$@" --size 1360x860 --ui-script "$AOVPN_DRIVE$script"' screenshot "${app[@]}"
[ -z "$drive" ] || wineserver -k 2>/dev/null || true # our prefix only: its helpers hold the display
echo "wrote $out"
