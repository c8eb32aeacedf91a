#include "model/net.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace aovpn;

namespace {
const char* kAzure = "azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.com";

std::string fqdnError(const std::string& name) {
    auto r = checkFqdn(name);
    CHECK_FALSE(r.ok);
    return r.error;
}
} // namespace

TEST_CASE("valid FQDNs pass") {
    for (const char* name : {"vpn.example.com", "VPN.Example.NET", "a.b", "vpn-1.corp.example.net",
                             "xn--bcher-kva.example", "vpn.example.com.", "1password.example",
                             "vpn_1.example.com", "_sip._tls.corp.example"}) {
        CAPTURE(name);
        auto r = checkFqdn(name);
        CHECK_MESSAGE(r.ok, r.error);
        CHECK(r.value == HostNameKind::Fqdn);
    }
}

TEST_CASE("label and name lengths are limited to 63 and 253") {
    const std::string l63(63, 'a');
    CHECK(checkFqdn(l63 + ".example.com").ok);
    CHECK(fqdnError(std::string(64, 'a') + ".example.com").find("at most 63") != std::string::npos);
    std::string name;
    while (name.size() < 253)
        name += "abcdefghi.";
    name = name.substr(0, 249) + ".com"; // 253
    CHECK(checkFqdn(name).ok);
    CHECK(fqdnError("a" + name).find("at most 253") != std::string::npos);
}

TEST_CASE("bad characters, hyphens, empty labels and single labels are refused") {
    CHECK(fqdnError("vpn .example.com").find("a space") != std::string::npos);
    CHECK(fqdnError("vpn.ex\xC3\xA4mple.com").find("non-ASCII") != std::string::npos);
    CHECK(fqdnError("vpn.\x01.com").find("control character") != std::string::npos);
    CHECK(fqdnError("-vpn.example.com").find("hyphen") != std::string::npos);
    CHECK(fqdnError("vpn-.example.com").find("hyphen") != std::string::npos);
    CHECK(fqdnError("vpn..example.com").find("empty label") != std::string::npos);
    CHECK(fqdnError(".example.com").find("empty label") != std::string::npos);
    CHECK(fqdnError("vpn").find("single label") != std::string::npos);
    CHECK(fqdnError("").find("required") != std::string::npos);
    CHECK(fqdnError("10.0.0.1").find("IP address") != std::string::npos);
    CHECK(fqdnError("vpn.example.123").find("all-digit") != std::string::npos);
    CHECK(fqdnError("vpn.example.com/x").find("'/'") != std::string::npos);
}

TEST_CASE("Azure P2S gateways are recognised") {
    auto r = checkFqdn(kAzure);
    REQUIRE(r.ok);
    CHECK(r.value == HostNameKind::AzureGateway);
    CHECK(isAzureGateway(kAzure));
    std::string upper = kAzure;
    for (char& c : upper)
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    CHECK(isAzureGateway(upper));
    CHECK(isAzureGateway(std::string(kAzure) + "."));
    CHECK_FALSE(isAzureGateway("vpn.example.com"));
    // One hex digit short, a non-hex digit, a dash moved, another domain.
    CHECK_FALSE(isAzureGateway(
        "azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e694689233.vpn.azure.com"));
    CHECK_FALSE(isAzureGateway(
        "azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e694689233g.vpn.azure.com"));
    CHECK_FALSE(isAzureGateway(
        "azuregateway-b115055e0-882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.com"));
    CHECK_FALSE(isAzureGateway(
        "azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.net"));
}
