#include "validate_fixtures.hpp"

using namespace aovpn;
using namespace aovpn::test;

namespace {
// With traffic filters Windows passes only what they match: keep to routes they cover.
Profile filteredTunnel() {
    Profile p = userTunnel();
    p.routes = {route("172.16.0.0", 12), route("203.0.113.83", 32, true)};
    return p;
}

Profile withFilter(const TrafficFilter& f) {
    Profile p = filteredTunnel();
    p.trafficFilters.push_back(rdpFilter());
    p.trafficFilters.push_back(f);
    return p;
}
} // namespace

TEST_CASE("filters: hicks-style filters pass") {
    Profile p = filteredTunnel();
    p.trafficFilters.push_back(rdpFilter());
    TrafficFilter udp;
    udp.protocol = 17;
    udp.remotePortRanges = "52000-52112";
    udp.remoteAddressRanges = "172.16.0.201";
    p.trafficFilters.push_back(udp);
    TrafficFilter system;
    system.appId = "SYSTEM";
    system.protocol = 6;
    system.remotePortRanges = "80,443";
    system.remoteAddressRanges = "172.16.0.204,172.16.0.205,172.16.0.10-172.16.0.20";
    p.trafficFilters.push_back(system);
    INFO(describe(validateProfile(p)));
    CHECK(validateProfile(p).empty());
}

TEST_CASE("rule filter.protocol") {
    TrafficFilter f = rdpFilter();
    f.protocol = 256;
    const Issue i = expectOnly(withFilter(f), "filter.protocol");
    CHECK(i.field == "TrafficFilter[1]/Protocol");
    f.protocol = 255;
    f.remotePortRanges.reset();
    CHECK(validateProfile(withFilter(f)).empty());
}

TEST_CASE("rule filter.ports-protocol") {
    TrafficFilter f = rdpFilter();
    f.protocol.reset();
    CHECK(expectOnly(withFilter(f), "filter.ports-protocol").field ==
          "TrafficFilter[1]/RemotePortRanges");
    f = rdpFilter();
    f.protocol = 1; // ICMP has no ports
    f.remotePortRanges.reset();
    f.localPortRanges = "3389";
    const Issue i = expectOnly(withFilter(f), "filter.ports-protocol");
    CHECK(i.field == "TrafficFilter[1]/LocalPortRanges");
    CHECK(contains(i.message, "not 1"));
}

TEST_CASE("rule filter.ports") {
    TrafficFilter f = rdpFilter();
    f.remotePortRanges = "443-80";
    CHECK(contains(expectOnly(withFilter(f), "filter.ports").message, "80-443"));
    f.remotePortRanges = "70000";
    expectOnly(withFilter(f), "filter.ports");
}

TEST_CASE("rule filter.addresses") {
    TrafficFilter f = rdpFilter();
    f.remoteAddressRanges = "172.16.0.1-172.16.0";
    CHECK(expectOnly(withFilter(f), "filter.addresses").field ==
          "TrafficFilter[1]/RemoteAddressRanges");
    f = rdpFilter();
    f.localAddressRanges = "10.0.0.9-10.0.0.1";
    CHECK(expectOnly(withFilter(f), "filter.addresses").field ==
          "TrafficFilter[1]/LocalAddressRanges");
}

TEST_CASE("rule filter.address-boundary") {
    TrafficFilter f = rdpFilter();
    f.remoteAddressRanges = "172.16.0.1/24";
    CHECK(contains(expectOnly(withFilter(f), "filter.address-boundary").hint, "172.16.0.0/24"));
}

TEST_CASE("rule filter.app-empty") {
    TrafficFilter f = rdpFilter();
    f.appId = " ";
    CHECK(expectOnly(withFilter(f), "filter.app-empty").field == "TrafficFilter[1]/App/Id");
}

TEST_CASE("rule filter.ipv6-routes") {
    Profile p = withFilter(rdpFilter());
    p.routes.push_back(route("2001:db8:2112::", 48));
    *p.trafficFilters[0].remoteAddressRanges += ",2001:db8:2112::/48"; // not outside the filters
    CHECK(expectOnly(p, "filter.ipv6-routes").severity == Severity::Warning);
    // An IPv6 exclusion route does not carry traffic into the tunnel.
    p.routes.back().exclusionRoute = true;
    CHECK(validateProfile(p).empty());
}

TEST_CASE("rule route.outside-filters") {
    // userTunnel routes 10.0.0.0/8, 172.16.0.0/12 and 192.168.10.0/24; the RDP filter covers
    // only 172.16.0.0/24 and 172.16.1.5, so two routes lead nowhere.
    Profile p = userTunnel();
    p.trafficFilters.push_back(rdpFilter());
    std::vector<Issue> issues = validateProfile(p);
    INFO(describe(issues));
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].rule == "route.outside-filters");
    CHECK(issues[0].field == "Route[0]/Address");
    CHECK(contains(issues[0].message, "10.0.0.0/8"));
    CHECK(contains(issues[0].hint, "'172.16.0.0/24, 172.16.1.5,10.0.0.0/8'"));
    CHECK(issues[1].field == "Route[2]/Address");
    // Applying the offered change clears it; a range (a-b) that reaches in counts too.
    *p.trafficFilters[0].remoteAddressRanges += ",10.0.0.0/8,192.168.9.250-192.168.10.3";
    CHECK(validateProfile(p).empty());
    // A filter without RemoteAddressRanges matches every address; an inbound one none.
    p.trafficFilters[0].remoteAddressRanges = "172.16.0.0/24";
    TrafficFilter all;
    all.appId = "SYSTEM";
    p.trafficFilters.push_back(all);
    CHECK(validateProfile(p).empty());
    p.trafficFilters[1].direction = FilterDirection::Inbound;
    CHECK(validateProfile(p).size() == 2);
}
