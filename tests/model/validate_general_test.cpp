#include "validate_fixtures.hpp"

#include <algorithm>
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
    p.nativeProfile->servers.push_back({"vpn*2.example.com", "Backup"});
    const Issue i = expectOnly(p, "general.server-name");
    CHECK(i.field == "NativeProfile/Servers[1]");
    CHECK(contains(i.message, "'*'"));
    // '_' is legal in DNS and Windows resolves such names.
    p.nativeProfile->servers[1].fqdn = "vpn_2.example.com";
    CHECK(validateProfile(p).empty());
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
    // Windows compares the entries with the network's DNS suffix as text: single labels and
    // '_' are fine, so are spaces after the commas.
    p.trustedNetworkDetection = "corp, _msdcs.corp.example.net,corp.example.net.";
    CHECK(validateProfile(p).empty());
}

TEST_CASE("DNS suffixes may be single labels and hold '_'") {
    Profile p = userTunnel();
    p.dnsSuffix = "corp,_sites.corp.example.net";
    CHECK(validateProfile(p).empty());
}

TEST_CASE("rule general.server-spaces") {
    Profile p = userTunnel();
    p.nativeProfile->servers = {{" vpn.example.com ", std::nullopt}};
    const Issue i = expectOnly(p, "general.server-spaces");
    CHECK(i.field == "NativeProfile/Servers[0]");
    CHECK(contains(i.hint, "'vpn.example.com'"));
}

TEST_CASE("rule general.name-length") {
    Profile p = userTunnel();
    p.profileName = std::string(256, 'a');
    CHECK(validateProfile(p).empty());
    p.profileName = std::string(257, 'a');
    const Issue i = expectOnly(p, "general.name-length");
    CHECK(contains(i.message, "257 characters"));
    CHECK(contains(i.message, "InstanceID would be 257"));
    // Counted in UTF-16 units, as Windows stores it: 200 x "\u00e9" (2 bytes each in UTF-8) fit.
    std::string accented;
    for (int k = 0; k < 200; ++k)
        accented += "\xC3\xA9";
    p.profileName = accented;
    CHECK(validateProfile(p).empty());
    p.profileName = accented + std::string(57, ' ') + "x"; // 258 units
    const std::vector<Issue> issues = validateProfile(p);
    CHECK(std::any_of(issues.begin(), issues.end(),
                      [](const Issue& x) { return x.rule == "general.name-length"; }));
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

TEST_CASE("deliberate exact-host NRPT rules give one note, not one per rule") {
    Profile p = userTunnel();
    for (int k = 0; k < 23; ++k) {
        DomainNameInformation d;
        d.domainName = "host" + std::to_string(k) + ".corp.example.net";
        d.dnsServers = "10.0.0.10";
        p.domainNameInformation.push_back(d);
    }
    const Issue i = expectOnly(p, "general.nrpt-no-dot");
    CHECK(i.field == "DomainNameInformation[1]/DomainName");
    CHECK(contains(i.message, "23 NRPT rules ('host0.corp.example.net', "));
    CHECK(contains(i.message, "and 20 more"));
}

TEST_CASE("SRV-style NRPT names with '_' are valid") {
    Profile p = userTunnel();
    for (const char* name : {"_sip._tls.corp.example", ".sipfederationtls._tcp.corp.example"}) {
        p.domainNameInformation[0].domainName = name;
        const std::vector<Issue> issues = validateProfile(p);
        INFO(describe(issues));
        CHECK(std::none_of(issues.begin(), issues.end(),
                           [](const Issue& x) { return x.severity != Severity::Info; }));
    }
}

TEST_CASE("rule general.nrpt-duplicate") {
    Profile p = userTunnel();
    p.domainNameInformation.push_back(p.domainNameInformation[0]);
    p.domainNameInformation[1].domainName = ".CORP.example.net.";
    const Issue i = expectOnly(p, "general.nrpt-duplicate");
    CHECK(i.field == "DomainNameInformation[1]/DomainName");
    CHECK(contains(i.message, "position 1"));
}

TEST_CASE("rule plugin.server-url") {
    Profile p = userTunnel();
    p.nativeProfile.reset();
    PluginProfile plugin;
    plugin.pluginPackageFamilyName = "JuniperNetworks.JunosPulseVpn_cw5n1h2txyewy";
    plugin.serverUrlList = "testserver1.contoso.com;https://vpn2.contoso.com:443/x;10.1.1.1;";
    p.pluginProfile = plugin;
    CHECK(validateProfile(p).empty());
    p.pluginProfile->serverUrlList = "testserver1.contoso.com;testserver2.contoso..com";
    const Issue i = expectOnly(p, "plugin.server-url");
    CHECK(i.field == "PluginProfile/ServerUrlList[1]");
    CHECK(contains(i.message, "testserver2.contoso..com"));
    p.pluginProfile->serverUrlList = "a.example.com;;b.example.com";
    CHECK(contains(expectOnly(p, "plugin.server-url").message, "Entry 2"));
}

TEST_CASE("rule general.nrpt-dns-servers") {
    Profile p = userTunnel();
    p.domainNameInformation[0].dnsServers = "10.0.0.10,dns1.corp.example.net";
    CHECK(expectOnly(p, "general.nrpt-dns-servers").field == "DomainNameInformation[0]/DnsServers");
}
