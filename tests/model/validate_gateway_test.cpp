// The gateway-aware rules: a suite outside Azure's default P2S policy (or the declared custom
// policy) is the 13868 it will cause, per phase and field; routes over the client pool.
#include "model/crypto_presets.hpp"
#include "model/gateway_info.hpp"

#include "validate_fixtures.hpp"

using namespace aovpn;
using namespace aovpn::test;

namespace {
constexpr const char* kAzure =
    "azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.com";

Profile azureTunnel(CryptoPreset preset) {
    Profile p = userTunnel();
    p.nativeProfile->servers = {{kAzure, std::nullopt}};
    p.nativeProfile->cryptographySuite = makeCryptoSuite(preset);
    return p;
}

std::vector<Issue> withRule(const std::vector<Issue>& issues, std::string_view rule) {
    std::vector<Issue> out;
    for (const Issue& i : issues)
        if (i.rule == rule) out.push_back(i);
    return out;
}

IpPrefix prefix(const char* text) {
    return parsePrefix(text).value;
}
} // namespace

TEST_CASE("rule crypto.azure-policy: the 128-bit baseline against an Azure server is an error") {
    const Profile p = azureTunnel(CryptoPreset::RrasBaseline);
    const std::vector<Issue> issues = validateProfile(p);
    INFO(describe(issues));
    REQUIRE(issues.size() == 3);
    CHECK(hasErrors(issues));
    CHECK(issues[0].rule == "crypto.azure-policy");
    CHECK(issues[0].severity == Severity::Error);
    CHECK(issues[0].field == "NativeProfile/CryptographySuite/EncryptionMethod");
    CHECK(contains(issues[0].message, "EncryptionMethod AES_GCM_128 (IKE SA phase) will fail "
                                      "with 13868 against Azure's default policy"));
    CHECK(contains(issues[0].message, "AES_GCM_256 or AES256"));
    CHECK(contains(issues[0].hint, "Azure VPN Gateway (default policy)"));
    CHECK(contains(issues[0].hint, "Set-AzVpnClientIpsecParameter"));
    CHECK(issues[1].field == "NativeProfile/CryptographySuite/CipherTransformConstants");
    CHECK(contains(issues[1].message, "(ESP phase)"));
    CHECK(issues[2].field == "NativeProfile/CryptographySuite/AuthenticationTransformConstants");
}

TEST_CASE("rule crypto.azure-policy: the Azure and Strong presets pass; cloudapp.net counts") {
    CHECK(validateProfile(azureTunnel(CryptoPreset::AzureDefault)).empty());
    CHECK(validateProfile(azureTunnel(CryptoPreset::Strong)).empty());
    Profile p = azureTunnel(CryptoPreset::RrasBaseline);
    p.nativeProfile->servers = {{"azuregateway-1234-56-78dc.cloudapp.net", std::nullopt}};
    CHECK(withRule(validateProfile(p), "crypto.azure-policy").size() == 3);
    // Not an Azure server, or not IKEv2: nothing to predict.
    CHECK(validateProfile(userTunnel()).empty());
    p = azureTunnel(CryptoPreset::RrasBaseline);
    p.nativeProfile->nativeProtocolType = NativeProtocol::SSTP;
    CHECK(withRule(validateProfile(p), "crypto.azure-policy").empty());
    // A mismatch that one change fixes names it, with the alternative.
    p = azureTunnel(CryptoPreset::AzureDefault);
    p.nativeProfile->cryptographySuite->dhGroup = DhGroup::Group2;
    p.nativeProfile->cryptographySuite->integrityCheckMethod = IntegrityCheck::SHA384;
    p.nativeProfile->cryptographySuite->pfsGroup = PfsGroup::None;
    const auto issues = withRule(validateProfile(p), "crypto.azure-policy");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == "NativeProfile/CryptographySuite/IntegrityCheckMethod");
    CHECK(contains(issues[0].hint, "set IntegrityCheckMethod to SHA256 (or change DHGroup "
                                   "instead)"));
}

TEST_CASE("rule crypto.custom-policy: a declared policy replaces Azure's default") {
    GatewayInfo gw;
    gw.declaredPolicy = parseAzureIpsecParameters(
                            "-IpsecEncryption GCMAES128 -IpsecIntegrity GCMAES128 "
                            "-IkeEncryption GCMAES128 -IkeIntegrity SHA256 -DhGroup DHGroup14 "
                            "-PfsGroup ECP256")
                            .value;
    // The 128-bit baseline is exactly that policy: no finding, even on an Azure server.
    CHECK(validateProfile(azureTunnel(CryptoPreset::RrasBaseline), gw).empty());
    // The Azure preset is not.
    auto issues = validateProfile(azureTunnel(CryptoPreset::AzureDefault), gw);
    INFO(describe(issues));
    CHECK(withRule(issues, "crypto.azure-policy").empty());
    issues = withRule(issues, "crypto.custom-policy");
    REQUIRE(issues.size() == 4);
    CHECK(issues[0].field == "NativeProfile/CryptographySuite/EncryptionMethod");
    CHECK(contains(issues[0].message, "against the gateway's declared custom policy"));
    CHECK(contains(issues[0].hint,
                   "GCMAES128 / GCMAES128 / ECP256 / Group14 / SHA256 / AES_GCM_128"));
    // Any server: a declared policy is the admin's word about this gateway.
    Profile p = userTunnel();
    p.nativeProfile->cryptographySuite = makeCryptoSuite(CryptoPreset::Strong);
    CHECK_FALSE(withRule(validateProfile(p, gw), "crypto.custom-policy").empty());
}

TEST_CASE("no suite: Windows offers only DH group 2, which a declared policy may refuse") {
    Profile p = azureTunnel(CryptoPreset::WindowsDefault);
    auto issues = validateProfile(p);
    REQUIRE(issues.size() == 1); // Azure takes AES256/SHA256/DH2: weak, but it connects
    CHECK(issues[0].rule == "crypto.missing");
    CHECK(contains(issues[0].message, "only DH group 2"));
    CHECK(contains(issues[0].message, "the server picks"));
    CHECK(contains(issues[0].message, "RRAS's defaults pick 3DES/SHA-1"));
    CHECK(contains(issues[0].message, "an Azure gateway AES256/SHA256"));
    GatewayInfo gw;
    gw.declaredPolicy = customPolicyFromSuite(*makeCryptoSuite(CryptoPreset::Strong)).value;
    issues = withRule(validateProfile(p, gw), "crypto.custom-policy");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == "NativeProfile/CryptographySuite");
    CHECK(contains(issues[0].message, "only DH group 2"));
    CHECK(contains(issues[0].message, "ECP384"));
}

TEST_CASE("rule route.client-pool: a route over the VPN client address pool") {
    Profile p = userTunnel(); // 10.0.0.0/8, 172.16.0.0/12, 192.168.10.0/24, 203.0.113.83/32
    GatewayInfo gw;
    gw.clientAddressPools = {prefix("172.16.201.0/24")};
    auto issues = validateProfile(p, gw);
    INFO(describe(issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].rule == "route.client-pool");
    CHECK(issues[0].severity == Severity::Warning);
    CHECK(issues[0].field == "Route[1]/Address");
    CHECK(contains(issues[0].message, "172.16.0.0/12 overlaps the VPN client address pool "
                                      "172.16.201.0/24"));
    gw.clientAddressPools = {prefix("192.168.10.128/25"), prefix("10.1.2.0/24")};
    issues = validateProfile(p, gw);
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].field == "Route[0]/Address");
    CHECK(issues[1].field == "Route[2]/Address");
    gw.clientAddressPools = {prefix("192.168.11.0/24"), prefix("fd00::/64")};
    CHECK(validateProfile(p, gw).empty());
    CHECK(validateProfile(p).empty()); // no pool known
}

TEST_CASE("prefixesOverlap: containment either way, families apart") {
    CHECK(prefixesOverlap(prefix("10.0.0.0/8"), prefix("10.200.0.0/16")));
    CHECK(prefixesOverlap(prefix("10.200.0.0/16"), prefix("10.0.0.0/8")));
    CHECK(prefixesOverlap(prefix("10.0.0.5/32"), prefix("10.0.0.5/32")));
    CHECK_FALSE(prefixesOverlap(prefix("10.0.0.0/9"), prefix("10.128.0.0/9")));
    CHECK_FALSE(prefixesOverlap(prefix("0.0.0.0/0"), prefix("::/0")));
    CHECK(prefixesOverlap(prefix("::/0"), prefix("2001:db8::/32")));
}

TEST_CASE("client pools as text: parsed and formatted like the CLI's --client-pool") {
    const auto pools = parseClientPools(" 172.16.201.0/24 ,fd00::/64");
    REQUIRE_MESSAGE(pools.ok, pools.error);
    CHECK(formatClientPools(pools.value) == "172.16.201.0/24,fd00::/64");
    CHECK(parseClientPools("  ").value.empty());
    CHECK_FALSE(parseClientPools("172.16.201.0/24,").ok);
    CHECK_FALSE(parseClientPools("10.0.0.0/33").ok);
}
