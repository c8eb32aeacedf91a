#!/usr/bin/env bash
# make_certs DIR: the test PKI of the Check gateway tests (sourced by services.sh).
#   ca.pem          the root the gateways trust (charon's CERTREQ, the TLS chains)
#   other-ca.pem    a root nobody trusts (a client chain the gateway does not ask for)
#   good/expired/wrongname/clientonly.pem+.key   SSTP server certificates for sstp.aovpn.test
make_certs() {
  local d=$1
  local ec=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)
  openssl req -x509 "${ec[@]}" -keyout "$d/ca.key" -out "$d/ca.pem" -days 30 \
    -subj "/CN=AOVPN Test Gateway Root" -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
  openssl req -x509 "${ec[@]}" -keyout "$d/other-ca.key" -out "$d/other-ca.pem" -days 30 \
    -subj "/CN=AOVPN Unrelated Root" -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
  # openssl ca signs with explicit dates (an expired certificate needs a past notAfter).
  mkdir -p "$d/ca-db"
  : >"$d/ca-db/index.txt"
  echo 1000 >"$d/ca-db/serial"
  cat >"$d/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
database = $d/ca-db/index.txt
serial = $d/ca-db/serial
new_certs_dir = $d/ca-db
certificate = $d/ca.pem
private_key = $d/ca.key
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
[server]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:\${ENV::SAN}
[client]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
extendedKeyUsage = clientAuth
subjectAltName = DNS:\${ENV::SAN}
CNF
  # leaf NAME SAN EXTENSIONS START END
  leaf() {
    openssl req "${ec[@]}" -keyout "$d/$1.key" -out "$d/$1.csr" -subj "/CN=$2" 2>/dev/null
    SAN=$2 openssl ca -batch -config "$d/ca.cnf" -extensions "$3" -startdate "$4" -enddate "$5" \
      -in "$d/$1.csr" -out "$d/$1.pem" -notext >/dev/null 2>&1
  }
  local from now_plus
  from=$(date -u -d '-1 day' +%Y%m%d%H%M%SZ)
  now_plus=$(date -u -d '+30 days' +%Y%m%d%H%M%SZ)
  leaf good sstp.aovpn.test server "$from" "$now_plus"
  leaf expired sstp.aovpn.test server 20200101000000Z 20210101000000Z
  leaf wrongname other.aovpn.test server "$from" "$now_plus"
  leaf clientonly sstp.aovpn.test client "$from" "$now_plus"
  for f in good expired wrongname clientonly; do
    [ -s "$d/$f.pem" ] || { echo "gateway tests: could not make $f.pem" >&2; return 1; }
  done
}
