#include "validate_fixtures.hpp"

#include <algorithm>

using namespace aovpn;
using namespace aovpn::test;

namespace {
bool reports(const Profile& p, std::string_view rule) {
    const auto issues = validateProfile(p);
    return std::any_of(issues.begin(), issues.end(),
                       [&](const Issue& i) { return i.rule == rule; });
}
} // namespace

TEST_CASE("rule device.user-auth") {
    Profile p = deviceTunnel();
    p.nativeProfile->authentication->eap = strictEapTls();
    CHECK(expectOnly(p, "device.user-auth").severity == Severity::Error);
    p = deviceTunnel();
    p.nativeProfile->authentication->userMethod = UserMethod::Eap;
    CHECK(reports(p, "device.user-auth"));
    p = deviceTunnel();
    p.nativeProfile->authentication->machineMethod = MachineMethod::Eap;
    CHECK(reports(p, "device.user-auth"));
}

TEST_CASE("rule device.protocol") {
    Profile p = deviceTunnel();
    p.nativeProfile->nativeProtocolType = NativeProtocol::SSTP;
    CHECK(contains(expectOnly(p, "device.protocol").message, "SSTP"));
    p.nativeProfile->nativeProtocolType.reset();
    expectOnly(p, "device.protocol");
}

TEST_CASE("rule device.force-tunnel") {
    Profile p = deviceTunnel();
    p.nativeProfile->routingPolicyType = RoutingPolicy::ForceTunnel;
    CHECK(expectOnly(p, "device.force-tunnel").field == "NativeProfile/RoutingPolicyType");
}

TEST_CASE("rule device.plugin") {
    Profile p = deviceTunnel();
    p.nativeProfile.reset();
    PluginProfile plugin;
    plugin.serverUrlList = "vpn.example.net";
    p.pluginProfile = plugin;
    expectOnly(p, "device.plugin");
}

TEST_CASE("rule device.not-always-on") {
    Profile p = deviceTunnel();
    p.alwaysOn = false;
    CHECK(expectOnly(p, "device.not-always-on").field == "AlwaysOn");
}

TEST_CASE("rule device.traffic-filters") {
    Profile p = deviceTunnel();
    TrafficFilter f = rdpFilter();
    f.remoteAddressRanges = "10.21.12.0/24";
    p.trafficFilters.push_back(f);
    CHECK(contains(expectOnly(p, "device.traffic-filters").message, "inbound management"));
}

TEST_CASE("rule device.host-routes") {
    Profile p = deviceTunnel();
    p.routes.push_back(route("2001:db8:2112:a867:5309:1843:6572:adfe", 128));
    CHECK(validateProfile(p).empty());
    p.routes.push_back(route("10.21.0.0", 16));
    const Issue i = expectOnly(p, "device.host-routes");
    CHECK(i.field == "Route[3]/PrefixSize");
    CHECK(i.severity == Severity::Info);
}

TEST_CASE("rule device.nrpt") {
    Profile p = deviceTunnel();
    DomainNameInformation d;
    d.domainName = ".corp.example.net";
    d.dnsServers = "10.0.0.10";
    p.domainNameInformation.push_back(d);
    const Issue i = expectOnly(p, "device.nrpt");
    CHECK(i.field == "DomainNameInformation[0]");
    CHECK(contains(i.message, "not supported on a device tunnel"));
}
