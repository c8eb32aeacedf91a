#include "validate_fixtures.hpp"

#include <set>

using namespace aovpn;
using namespace aovpn::test;

TEST_CASE("validator: the clean user and device tunnels have no findings") {
    INFO(describe(validateProfile(userTunnel())));
    CHECK(validateProfile(userTunnel()).empty());
    INFO(describe(validateProfile(deviceTunnel())));
    CHECK(validateProfile(deviceTunnel()).empty());
}

TEST_CASE("validator: the rule catalogue has unique ids and at least 25 rules") {
    std::set<std::string_view> ids;
    for (const RuleInfo& r : validationRules()) {
        CHECK(ids.insert(r.id).second);
        CHECK_FALSE(r.summary.empty());
    }
    CHECK(ids.size() >= 25);
}

TEST_CASE("rule general.name-missing") {
    Profile p = userTunnel();
    p.profileName.reset();
    CHECK(expectOnly(p, "general.name-missing").field == "ProfileName");
    p.profileName = "  ";
    expectOnly(p, "general.name-missing");
}

TEST_CASE("rule general.name-slash") {
    Profile p = userTunnel();
    p.profileName = "Contoso/AOVPN";
    const Issue i = expectOnly(p, "general.name-slash");
    CHECK(i.severity == Severity::Error);
    CHECK(i.field == "ProfileName");
}

TEST_CASE("rule general.name-whitespace") {
    Profile p = userTunnel();
    p.profileName = "Contoso AOVPN ";
    expectOnly(p, "general.name-whitespace");
}

TEST_CASE("rule general.no-connection") {
    Profile p = userTunnel();
    p.nativeProfile.reset();
    expectOnly(p, "general.no-connection");
}

TEST_CASE("rule general.native-and-plugin") {
    Profile p = userTunnel();
    PluginProfile plugin;
    plugin.serverUrlList = "vpn.example.net";
    plugin.pluginPackageFamilyName = "FortinetInc.FortiClient_sq9g7krz3c65j";
    p.pluginProfile = plugin;
    expectOnly(p, "general.native-and-plugin");
}

TEST_CASE("rule general.unknown-value") {
    Profile p = userTunnel();
    p.nativeProfile->nativeProtocolType = parseKnown<NativeProtocol>("IKEv3");
    const Issue i = expectOnly(p, "general.unknown-value");
    CHECK(i.field == "NativeProfile/NativeProtocolType");
    CHECK(contains(i.message, "'IKEv3'"));
    CHECK(contains(i.hint, "IKEv2"));
    p = userTunnel();
    p.nativeProfile->cryptographySuite->dhGroup = parseKnown<DhGroup>("Group99");
    CHECK(expectOnly(p, "general.unknown-value").field ==
          "NativeProfile/CryptographySuite/DHGroup");
}

TEST_CASE("rule general.weak-protocol") {
    Profile p = userTunnel();
    p.nativeProfile->nativeProtocolType = NativeProtocol::PPTP;
    CHECK(contains(expectOnly(p, "general.weak-protocol").message, "PPTP"));
    p.nativeProfile->nativeProtocolType = NativeProtocol::L2TP;
    expectOnly(p, "general.weak-protocol");
}

TEST_CASE("rule general.l2tp-psk") {
    Profile p = userTunnel();
    p.nativeProfile->l2tpPsk = "s3cret";
    CHECK(expectOnly(p, "general.l2tp-psk").field == "NativeProfile/L2tpPsk");
}

TEST_CASE("rule general.automatic-protocol") {
    Profile p = userTunnel();
    p.nativeProfile->nativeProtocolType = NativeProtocol::Automatic;
    CHECK(expectOnly(p, "general.automatic-protocol").severity == Severity::Info);
}

TEST_CASE("rule general.always-on-no-tnd") {
    Profile p = userTunnel();
    p.trustedNetworkDetection.reset();
    CHECK(expectOnly(p, "general.always-on-no-tnd").field == "TrustedNetworkDetection");
    p.alwaysOn = false;
    CHECK(validateProfile(p).empty());
}

TEST_CASE("rule general.proxy-split-tunnel") {
    Profile p = userTunnel();
    Proxy proxy;
    proxy.manualServer = "proxy.corp.example.net:8080";
    p.proxy = proxy;
    expectOnly(p, "general.proxy-split-tunnel");
}

TEST_CASE("rule general.servers-empty") {
    Profile p = userTunnel();
    p.nativeProfile->servers.clear();
    CHECK(expectOnly(p, "general.servers-empty").field == "NativeProfile/Servers");
    p.nativeProfile->servers = {{"  ", std::nullopt}};
    expectOnly(p, "general.servers-empty");
}

TEST_CASE("rule general.server-name") {
    Profile p = userTunnel();
    p.nativeProfile->servers.push_back({"vpn_2.example.com", "Backup"});
    const Issue i = expectOnly(p, "general.server-name");
    CHECK(i.field == "NativeProfile/Servers[1]");
    CHECK(contains(i.message, "'_'"));
    // Labels up to 63 characters pass (Azure gateways use 62), 64 do not.
    p.nativeProfile->servers[1].fqdn =
        "azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.com";
    CHECK(validateProfile(p).empty());
    p.nativeProfile->servers[1].fqdn = std::string(64, 'a') + ".example.com";
    CHECK(contains(expectOnly(p, "general.server-name").message, "at most 63"));
    p.nativeProfile->servers[1].fqdn = "203.0.113.10"; // an IP address is allowed
    CHECK(validateProfile(p).empty());
}

TEST_CASE("rule general.dns-suffix") {
    Profile p = userTunnel();
    p.dnsSuffix = "corp..example.net";
    CHECK(expectOnly(p, "general.dns-suffix").field == "DnsSuffix");
    p.dnsSuffix = "corp.example.net,";
    expectOnly(p, "general.dns-suffix");
}

TEST_CASE("rule general.tnd") {
    Profile p = userTunnel();
    p.trustedNetworkDetection = "corp example.net";
    expectOnly(p, "general.tnd");
}

TEST_CASE("rule general.nrpt-name") {
    Profile p = userTunnel();
    p.domainNameInformation[0].domainName = ".-corp.example.net";
    CHECK(expectOnly(p, "general.nrpt-name").field == "DomainNameInformation[0]/DomainName");
    p.domainNameInformation[0].domainName = "";
    expectOnly(p, "general.nrpt-name");
    // "." (everything) and a single-label namespace are valid.
    p.domainNameInformation[0].domainName = ".";
    CHECK(validateProfile(p).empty());
    p.domainNameInformation[0].domainName = ".corp";
    CHECK(validateProfile(p).empty());
}

TEST_CASE("rule general.nrpt-no-dot") {
    Profile p = userTunnel();
    p.domainNameInformation[0].domainName = "corp.example.net";
    const Issue i = expectOnly(p, "general.nrpt-no-dot");
    CHECK(i.severity == Severity::Info);
    CHECK(contains(i.hint, ".corp.example.net"));
}

TEST_CASE("rule general.nrpt-dns-servers") {
    Profile p = userTunnel();
    p.domainNameInformation[0].dnsServers = "10.0.0.10,dns1.corp.example.net";
    CHECK(expectOnly(p, "general.nrpt-dns-servers").field == "DomainNameInformation[0]/DnsServers");
}
