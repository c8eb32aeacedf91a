#!/usr/bin/env bash
# docs/screenshot-check-gateway.png: the app's Check gateway report for the widely copied 128-bit
# suite against a loopback strongSwan with Azure's default P2S policy. tests/gateway/services.sh
# starts and stops the responder (loopback, a port from 20000-20999); the app is driven by
# --ui-script, its server set to 127.0.0.2 before anything is checked (nothing leaves the machine).
# Usage: scripts/screenshot-gateway.sh [linux-build-dir]   (needs root for charon, and Xvfb)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$(realpath -m "${1:-$root/build/native}")/app/aovpn-studio"
[ -x "$app" ] || { echo "error: $app not built" >&2; exit 1; }
# shellcheck source=lib/xvfb.sh
. "$root/scripts/lib/xvfb.sh"
start_xvfb
trap stop_xvfb EXIT
export AOVPN_APP="$app" AOVPN_OUT="$root/docs/screenshot-check-gateway.png"
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
screenshot $AOVPN_OUT
UIS
  "$AOVPN_APP" --size 1360x860 --ui-script "$script"'
echo "wrote $AOVPN_OUT"
