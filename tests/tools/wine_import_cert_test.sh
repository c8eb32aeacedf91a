#!/usr/bin/env bash
# scripts/wine-import-cert.sh end to end under Wine: test certificates made with openssl land
# where the app's picker (the product's Win32CertificateStore) finds them, key and chain included.
# Usage: wine_import_cert_test.sh TOOL.exe SCRATCH   (WINEPREFIX set by CTest)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
script="$here/../../scripts/wine-import-cert.sh"
export AOVPN_IMPORT_CERT_TOOL=$1
scratch=$2
rm -rf "$scratch" && mkdir -p "$scratch" && cd "$scratch" || exit 1
ok=1
fail() { echo "FAIL: $*"; ok=0; }
thumb() { openssl x509 -in "$1" -noout -fingerprint -sha1 | sed 's/.*=//; s/://g'; }

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem \
  -days 30 -subj "/CN=AOVPN Import Test Root" -addext basicConstraints=critical,CA:true 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout user.key -out user.csr -subj "/CN=alice import test" 2>/dev/null
printf 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:false\n' >ext.cnf
openssl x509 -req -in user.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 \
  -extfile ext.cnf -out user.pem 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout plain.key -out plain.pem -days 30 \
  -subj "/CN=bob pem with key" 2>/dev/null
cat plain.pem plain.key >plain-with-key.pem
# Windows 10 before 1709 reads only 3DES/SHA-1 PKCS#12; openssl 3 writes AES by default.
openssl pkcs12 -export -in user.pem -inkey user.key -passout 'pass:p w' -out user.pfx \
  -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1
ca=$(thumb ca.pem) user=$(thumb user.pem) plain=$(thumb plain.pem)

out=$("$script" ca.pem 2>&1) || fail "import of the CA certificate: $out"
grep -q "CurrentUser\\\\Root" <<<"$out" || fail "the self-signed CA did not go to Root: $out"
out=$(AOVPN_PFX_PASSWORD=wrong "$script" user.pfx 2>&1) && fail "a wrong PFX password was accepted"
grep -q "wrong password" <<<"$out" || fail "a wrong password is not named: $out"
out=$(AOVPN_PFX_PASSWORD='p w' "$script" user.pfx 2>&1) || fail "PFX import: $out"
out=$("$script" plain-with-key.pem 2>&1) || fail "PEM certificate+key import: $out"
out=$("$script" no-such-file.pfx 2>&1) && fail "a missing file was accepted"

list=$("$script" --list 2>&1) || fail "--list: $list"
echo "$list"
grep -q "^$user .*key=yes clientAuth=yes eku=listed chain=complete" <<<"$list" \
  || fail "the picker does not list the PFX certificate with key, client EKU and chain"
grep -q "^$plain .*key=yes clientAuth=no eku=none" <<<"$list" \
  || fail "the picker does not list the PEM+key certificate with its key"
grep -q "^$ca " <<<"$list" && fail "the root CA shows in the personal store"

for t in "$user" "$plain" "$ca"; do "$script" --remove "$t" >/dev/null || fail "remove $t"; done
list=$("$script" --list 2>&1)
grep -q -e "^$user " -e "^$plain " <<<"$list" && fail "removed certificates are still listed"
[ $ok = 1 ] && echo "wine-import-cert: all checks passed"
[ $ok = 1 ]
