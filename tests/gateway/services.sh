#!/usr/bin/env bash
# Runs a command with the Check gateway test services on loopback, then stops them:
#   tests/gateway/services.sh COMMAND...
# - two strongSwan charon responders (Debian strongswan-charon + swanctl), each in a mount
#   namespace of its own (a private /run: its own pid file), with their own strongswan.conf,
#   swanctl.conf and vici socket in a scratch folder - never the system's /etc config or systemd:
#     A (dos protection off): 127.0.0.2 Azure's default P2S policy, 127.0.0.3 AES-GCM-256 only,
#       127.0.0.4 DH group 24 only;
#     B (cookies from the first half-open SA of an address): 127.0.0.5 Azure's default policy;
# - openssl s_server on 127.0.0.1 with a good, an expired, a wrong-name and a client-auth-only
#   certificate.
# Ports come from 20000-20999 (issue 10's range), picked free at run time. The command sees them
# as AOVPN_GW_* variables (also under Wine) and the test CA as SSL_CERT_FILE.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 COMMAND..." >&2; exit 2; }
charon=/usr/lib/ipsec/charon
command -v swanctl >/dev/null && [ -x "$charon" ] ||
  { echo "gateway tests: strongswan-charon and strongswan-swanctl are not installed" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "gateway tests: charon needs root (CAP_NET_ADMIN)" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/aovpn-gw.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]+"${pids[@]}"}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]+"${pids[@]}"}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
# A ctest timeout or Ctrl-C: exit through the EXIT trap, so no responder outlives the run.
trap 'exit 143' TERM INT HUP

# A base port with base..base+29 free for UDP and TCP.
in_use=$(ss -Htuan 2>/dev/null | awk '{print $5}' | sed 's/.*://' | sort -u)
base=""
for _ in $(seq 1 50); do
  b=$((20000 + (RANDOM % 32) * 30))
  busy=0
  for p in $(seq "$b" $((b + 29))); do grep -qx "$p" <<<"$in_use" && { busy=1; break; }; done
  [ "$busy" = 0 ] && { base=$b; break; }
done
[ -n "$base" ] || { echo "gateway tests: no free ports in 20000-20999" >&2; exit 1; }

source "$(dirname "$0")/services_certs.sh"
make_certs "$dir"

# start_charon NAME PORT DOS_SETTINGS CONNECTIONS
start_charon() {
  local name=$1 port=$2 dos=$3 conns=$4 d="$dir/$1"
  mkdir -p "$d/swanctl/x509ca"
  cp "$dir/ca.pem" "$d/swanctl/x509ca/"
  cat >"$d/strongswan.conf" <<CONF
charon {
  port = $port
  port_nat_t = $((port + 1))
  $dos
  install_routes = no
  install_virtual_ip = no
  routing_table = 0
  load_modular = no
  load = random nonce openssl pem pkcs1 pkcs8 x509 pubkey revocation constraints kernel-netlink socket-default vici
  plugins { vici { socket = unix://$d/charon.vici } }
  filelog { main { path = $d/charon.log
    flush_line = yes
    default = 1
    cfg = 2 } }
}
swanctl { load = pem pkcs1 pkcs8 x509 openssl random nonce }
CONF
  printf '%s\n' "connections {" "$conns" "}" >"$d/swanctl/swanctl.conf"
  STRONGSWAN_CONF="$d/strongswan.conf" unshare -m --propagation private \
    sh -c 'mount -t tmpfs tmpfs /run && exec "$0"' "$charon" >"$d/charon.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 50); do [ -S "$d/charon.vici" ] && break; sleep 0.1; done
  (cd "$d/swanctl" && STRONGSWAN_CONF="$d/strongswan.conf" swanctl --load-all --noprompt \
    --uri "unix://$d/charon.vici" --file "$d/swanctl/swanctl.conf" >"$d/swanctl.out" 2>&1) ||
    { echo "gateway tests: charon $name did not start" >&2; cat "$d/charon.out" "$d/swanctl.out" "$d/charon.log" >&2; exit 1; }
}

# conn NAME ADDRESS PROPOSALS: a responder config for IKE_SA_INIT (auth never reached).
conn() {
  cat <<CONN
  $1 {
    version = 2
    local_addrs = $2
    remote_addrs = 127.0.0.0/8
    proposals = $3
    local { auth = pubkey }
    remote { auth = pubkey
      cacerts = ca.pem }
    children { c { local_ts = 10.0.0.0/24 } }
  }
CONN
}

# Azure's default P2S policy (azure-docs point-to-site-about.md), in strongSwan's words:
# GCM_AES256 with PRF SHA384/SHA256, AES256+SHA384, AES256+SHA256; DH 24, 14, ECP384, ECP256,
# and DH 2 only with AES256+SHA256.
azure="aes256gcm16-prfsha384-prfsha256-modp2048s256-modp2048-ecp384-ecp256, aes256-sha384-modp2048s256-modp2048-ecp384-ecp256, aes256-sha256-modp2048s256-modp2048-ecp384-ecp256-modp1024"
gcm256="aes256gcm16-prfsha256-prfsha384-modp2048-ecp256-ecp384-modp2048s256"
dh24="aes256-aes128-sha256-sha384-modp2048s256, aes256gcm16-aes128gcm16-prfsha256-prfsha384-modp2048s256"
start_charon policies "$base" "dos_protection = no" \
  "$(conn azure 127.0.0.2 "$azure")$(conn gcm256 127.0.0.3 "$gcm256")$(conn dh24 127.0.0.4 "$dh24")"
start_charon busy $((base + 2)) "cookie_threshold_ip = 1
  block_threshold = 100" "$(conn azure 127.0.0.5 "$azure")"

# start_tls NAME PORT
start_tls() {
  openssl s_server -quiet -accept "127.0.0.1:$2" -cert "$dir/$1.pem" -key "$dir/$1.key" \
    -cert_chain "$dir/ca.pem" </dev/null >"$dir/tls-$1.out" 2>&1 &
  pids+=($!)
}
start_tls good $((base + 10))
start_tls expired $((base + 11))
start_tls wrongname $((base + 12))
start_tls clientonly $((base + 13))
for p in 10 11 12 13; do
  for _ in $(seq 1 50); do ss -Htln | grep -q ":$((base + p)) " && break; sleep 0.1; done
done

export AOVPN_GW_IKE_PORT=$base AOVPN_GW_BUSY_PORT=$((base + 2)) AOVPN_GW_CLOSED_PORT=$((base + 20))
export AOVPN_GW_TLS_GOOD=$((base + 10)) AOVPN_GW_TLS_EXPIRED=$((base + 11))
export AOVPN_GW_TLS_WRONGNAME=$((base + 12)) AOVPN_GW_TLS_CLIENTONLY=$((base + 13))
export AOVPN_GW_CERTS="$dir" SSL_CERT_FILE="$dir/ca.pem" AOVPN_GW_SSTP_NAME=sstp.aovpn.test
# SHA-1 thumbprints, as a picked certificate's chain lists them (the app's CERTREQ path).
thumb() { openssl x509 -in "$dir/$1" -noout -fingerprint -sha1 | sed 's/.*=//; s/://g'; }
export AOVPN_GW_CA_THUMB=$(thumb ca.pem) AOVPN_GW_OTHER_CA_THUMB=$(thumb other-ca.pem)
# Under Wine the CA path must be a Windows path (drive Z: is /).
export AOVPN_GW_CA_WINDOWS="Z:${dir//\//\\}\\ca.pem"
status=0
"$@" || status=$?
if [ "$status" != 0 ]; then
  echo "---- charon logs (gateway tests failed)" >&2
  tail -n 40 "$dir"/policies/charon.log "$dir"/busy/charon.log >&2 || true
fi
exit "$status"
