# aovpn check-gateway end to end against the loopback services of tests/gateway/services.sh
# (which runs this script): exit codes 0/1/2/3, the text report and --json. Few runs: each is a
# Wine start for the Windows exe.
#   -DAOVPN=exe -DEMULATOR=wine|"" -DDRIVE=Z:|"" -DDATA=tests/data/gateway
include("${CMAKE_CURRENT_LIST_DIR}/expect.cmake")

set(D "${DRIVE}${DATA}")
set(ike $ENV{AOVPN_GW_IKE_PORT})
expect("accepted: exit 0" 0 "\\[pass\\] ike: The gateway accepted the profile's IKE SA proposal: AES-CBC-256"
  check-gateway "${D}/azure_preset.xml" --server 127.0.0.2 --port ${ike})
expect("128-bit against Azure: exit 1" 1 "\\[fail\\] ike: [^\n]*NO_PROPOSAL_CHOSEN, Windows would fail with 13868"
  check-gateway "${D}/azure_128bit.xml" --server 127.0.0.2 --port ${ike})
expect("json: INVALID_KE_PAYLOAD" 1 "\"check\": \"ike\", \"status\": \"fail\", \"summary\": \"[^\"]*INVALID_KE_PAYLOAD[^\"]*\".*\"exitCode\": 1|\"exitCode\": 1.*INVALID_KE_PAYLOAD"
  check-gateway "${D}/azure_preset.xml" --server 127.0.0.4 --port ${ike} --json)
# Exit 3: the check itself cannot run. Linux and Winsock both refuse to connect a UDP socket to
# the broadcast address without SO_BROADCAST (WSAEACCES on Windows), so nothing is ever sent.
expect("could not run: exit 3" 3 "\\[could-not-run\\] ike: The IKEv2 check could not run: [^\n]*255.255.255.255"
  check-gateway "${D}/azure_preset.xml" --server 255.255.255.255 --port ${ike} --timeout 1)
expect("bad port: exit 2" 2 "--port must be a port number 1-65535, not '70000'"
  check-gateway "${D}/azure_preset.xml" --port 70000)
