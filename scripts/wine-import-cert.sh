#!/usr/bin/env bash
# Puts test certificates into Wine's CurrentUser stores, where the Windows exe's certificate
# picker looks (Wine has no certmgr). Needs the Windows build (build/windows).
#   scripts/wine-import-cert.sh FILE...          import: .pfx/.p12 (password in AOVPN_PFX_PASSWORD),
#                                                a certificate (.cer/.crt/.pem, DER or PEM), or a
#                                                PEM holding a certificate AND its private key
#   scripts/wine-import-cert.sh --list           what the app's picker lists now
#   scripts/wine-import-cert.sh --remove THUMB   take one out again
# The prefix is the app's (build/windows/wineprefix, as scripts/run.sh and test.sh use) unless
# WINEPREFIX is set. A key goes with its certificate into CurrentUser\My; a self-signed CA into
# CurrentUser\Root; another CA into CurrentUser\CA.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tool=${AOVPN_IMPORT_CERT_TOOL:-$root/build/windows/tests/aovpn_import_cert.exe}
export WINEPREFIX="${WINEPREFIX:-$root/build/windows/wineprefix}" WINEDEBUG=-all
[ -f "$tool" ] || { echo "error: $tool is not built (cmake --build --preset windows --target aovpn_import_cert)" >&2; exit 1; }
command -v wine >/dev/null || { echo "error: wine is not installed" >&2; exit 1; }

case "${1:-}" in
  --list) exec wine "$tool" list ;;
  --remove) [ $# = 2 ] || { echo "usage: $0 --remove THUMBPRINT" >&2; exit 2; }
            exec wine "$tool" remove "$2" ;;
  ""|-h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for file in "$@"; do
  [ -f "$file" ] || { echo "error: $file: no such file" >&2; status=1; continue; }
  src=$file
  # A PEM certificate with its key: Windows imports keys from PKCS#12 only, so wrap it first.
  if grep -q -- '-----BEGIN .*PRIVATE KEY-----' "$file" 2>/dev/null; then
    src="$tmp/$(basename "$file").pfx"
    AOVPN_PFX_PASSWORD=${AOVPN_PFX_PASSWORD:-} openssl pkcs12 -export -in "$file" \
      -passout env:AOVPN_PFX_PASSWORD -out "$src" || { status=1; continue; }
  fi
  wine "$tool" import "$(winepath -w "$src")" || status=1
done
exit $status
