#!/usr/bin/env bash
# docs/gallery/: the screens a helpdesk meets first, taken from the real app driven by
# --ui-script (scripts/gallery.uis, gallery-error.uis), at 1360x860 and 800x600, from the Linux build and
# from the Windows exe under Wine: the start page, the Azure template with a certificate picked,
# an error dialog (a file that is not XML opened), and the traffic-filter table with two filters.
# Each run gets its own home folder (no recent files, no saved layout) and a test CA with a client
# certificate for alice@contoso.com, made here with openssl: in the Linux store folder, and
# imported into a Wine prefix of its own (scripts/wine-import-cert.sh), not the build's.
# Usage: scripts/gallery.sh [linux-build-dir] [windows-build-dir]   (Xvfb, openssl, wine)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
linux_build="$(realpath -m "${1:-$root/build/native}")"
windows_build="$(realpath -m "${2:-$root/build/windows}")"
out="$root/docs/gallery"
work="$(mktemp -d)"
# shellcheck source=lib/xvfb.sh
. "$root/scripts/lib/xvfb.sh"
cleanup() {
  [ -z "${WINEPREFIX:-}" ] || wineserver -k 2>/dev/null || true # this run's prefix only
  stop_xvfb
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out"

make_certs() {
  local d="$work/certs"
  mkdir -p "$d"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$d/ca.key" -out "$d/ca.pem" -days 3650 \
    -subj "/CN=Contoso Root CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -keyout "$d/alice.key" -out "$d/alice.csr" \
    -subj "/CN=alice@contoso.com" 2>/dev/null
  printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=clientAuth" "subjectAltName=email:alice@contoso.com" >"$d/ext.cnf"
  openssl x509 -req -in "$d/alice.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial \
    -out "$d/alice.pem" -days 365 -extfile "$d/ext.cnf" 2>/dev/null
  cat "$d/alice.pem" "$d/alice.key" >"$d/alice-with-key.pem"
  echo "This is a note, not a VPN profile." >"$work/notes.txt"
}

# fill SCRIPT NAME DRIVE SIZE: the script with @OUT@ filled in, written to the work folder.
fill() {
  local uis="$work/$2-$4-$(basename "$1")"
  sed -e "s|@OUT@|$3$out/$2-$4|g" "$1" >"$uis"
  echo "$3$uis"
}

# run NAME DRIVE SIZE APP...: the gallery's two runs, one size: the screens from a first start,
# then the error dialog of a text file opened as a profile.
run() {
  local name="$1" drive="$2" size="$3"
  shift 3
  "$@" --size "$size" --ui-script "$(fill "$root/scripts/gallery.uis" "$name" "$drive" "$size")" &&
    "$@" --size "$size" --open "$drive$work/notes.txt" \
      --ui-script "$(fill "$root/scripts/gallery-error.uis" "$name" "$drive" "$size")"
}

make_certs
start_xvfb
status=0
if [ -x "$linux_build/app/aovpn-studio" ]; then
  for size in 1360x860 800x600; do
    home="$work/home-linux-$size"
    mkdir -p "$home/data/aovpn-studio/certificates"
    cp "$work/certs/ca.pem" "$work/certs/alice-with-key.pem" "$home/data/aovpn-studio/certificates/"
    HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
      run linux "" "$size" "$linux_build/app/aovpn-studio" || status=1
  done
else
  echo "skipped Linux: $linux_build/app/aovpn-studio not built" >&2
  status=1
fi
exe="$windows_build/app/aovpn-studio.exe"
if [ -f "$exe" ] && command -v wine >/dev/null; then
  export WINEPREFIX="$work/wineprefix" WINEDEBUG=-all
  AOVPN_IMPORT_CERT_TOOL="$windows_build/tests/aovpn_import_cert.exe" \
    bash "$root/scripts/wine-import-cert.sh" "$work/certs/ca.pem" "$work/certs/alice-with-key.pem" \
    >/dev/null || status=1
  for size in 1360x860 800x600; do
    run wine "Z:" "$size" wine "$exe" || status=1
  done
else
  echo "skipped Wine: $exe not built or wine missing" >&2
  status=1
fi
ls "$out"
exit "$status"
