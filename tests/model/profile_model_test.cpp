#include "model/describe.hpp"
#include "model/profile.hpp"

#include <doctest/doctest.h>

using namespace aovpn;

TEST_CASE("absent and false stay distinct") {
    Profile a, b;
    b.alwaysOn = false;
    CHECK(a != b);
    a.alwaysOn = false;
    CHECK(a == b);
}

TEST_CASE("closed value sets keep unknown text") {
    const auto ike = parseKnown<NativeProtocol>("ikev2");
    CHECK(ike == NativeProtocol::IKEv2);
    CHECK(toText(ike) == "IKEv2");
    const auto odd = parseKnown<NativeProtocol>(" WireGuard ");
    CHECK(odd.value == NativeProtocol::Other);
    CHECK(toText(odd) == " WireGuard ");
    CHECK(parseKnown<UserMethod>("EAP") == UserMethod::Eap);
}

TEST_CASE("servers split into fqdn and friendly name and join back exactly") {
    for (const char* text : {"vpn.example.com;vpn.example.com", "a.example;A,b.example", "a,,b",
                             "x; spaced name ", "single"}) {
        CHECK(formatServers(parseServers(text)) == text);
    }
    CHECK(parseServers("").empty());
    const auto two = parseServers("a.example;A,b.example");
    REQUIRE(two.size() == 2);
    CHECK(two[0].fqdn == "a.example");
    CHECK(two[0].friendlyName == "A");
    CHECK_FALSE(two[1].friendlyName.has_value());
}

TEST_CASE("schema order table") {
    const schema::Element& root = schema::vpnProfile();
    CHECK(root.rank("ProfileName") == 0);
    CHECK(root.rank("Route") < root.rank("DataEncryption"));
    CHECK(root.rank("Nope") == root.fields.size());
}

TEST_CASE("default user tunnel EAP-TLS: the seed's choices, with server validation on") {
    const EapConfig eap = defaultUserTunnelEapTls();
    CHECK(eap.kind == EapKind::Tls);
    CHECK(eap.tls.simpleCertSelection == true);
    CHECK(eap.tls.performServerValidation == true); // the seed has false: any server is trusted
}
