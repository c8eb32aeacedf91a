// routesOutsideFilters / addRouteToFilters: the filter change rule route.outside-filters offers
// (the UI's button beside the route, `normalize --fix`).
#include "model/route_filters.hpp"
#include "model/validate.hpp"

#include "validate_fixtures.hpp"

#include <doctest/doctest.h>

using namespace aovpn;
using namespace aovpn::test;

namespace {
std::size_t countRule(const Profile& p, std::string_view rule) {
    std::size_t n = 0;
    for (const Issue& i : validateProfile(p))
        n += i.rule == rule ? 1 : 0;
    return n;
}
} // namespace

TEST_CASE("the routes outside the filters are the ones the rule names") {
    // userTunnel routes 10.0.0.0/8, 172.16.0.0/12 and 192.168.10.0/24; the RDP filter covers
    // only parts of 172.16.0.0/12.
    Profile p = userTunnel();
    p.trafficFilters.push_back(rdpFilter());
    const std::vector<RouteOutsideFilters> out = routesOutsideFilters(p);
    REQUIRE(out.size() == 2);
    CHECK(out[0].route == 0);
    CHECK(formatPrefix(out[0].prefix) == "10.0.0.0/8");
    CHECK(out[0].filter == 0);
    CHECK(out[1].route == 2);
    CHECK(countRule(p, "route.outside-filters") == 2);
    // No filters, or one without remote ranges: nothing is outside.
    Profile none = userTunnel();
    CHECK(routesOutsideFilters(none).empty());
    p.trafficFilters.push_back(TrafficFilter{});
    CHECK(routesOutsideFilters(p).empty());
}

TEST_CASE("addRouteToFilters extends the offered filter and clears the rule for that route") {
    Profile p = userTunnel();
    p.trafficFilters.push_back(rdpFilter());
    // A filter restricted by its remote addresses only is offered before the RDP one, which
    // would let only mstsc on TCP 3389 reach the route.
    TrafficFilter open;
    open.remoteAddressRanges = "172.16.2.0/24";
    p.trafficFilters.push_back(open);
    REQUIRE(routesOutsideFilters(p).size() == 2);
    CHECK(routesOutsideFilters(p)[0].filter == 1);
    // Route 1 (172.16.0.0/12) is inside the filters: nothing to do.
    CHECK_FALSE(addRouteToFilters(p, 1));
    const std::optional<std::string> change = addRouteToFilters(p, 0);
    REQUIRE(change);
    CHECK(*change == "Added 10.0.0.0/8 (route 1) to TrafficFilter 2's RemoteAddressRanges: with "
                     "traffic filters, Windows passes only the traffic they match.");
    CHECK(p.trafficFilters[1].remoteAddressRanges == "172.16.2.0/24,10.0.0.0/8");
    CHECK(p.trafficFilters[0].remoteAddressRanges == "172.16.0.0/24, 172.16.1.5");
    CHECK(countRule(p, "route.outside-filters") == 1);
    CHECK_FALSE(addRouteToFilters(p, 0)); // done once
    CHECK(addRoutesToFilters(p).size() == 1);
    CHECK(p.trafficFilters[1].remoteAddressRanges == "172.16.2.0/24,10.0.0.0/8,192.168.10.0/24");
    CHECK(validateProfile(p).empty());
}

TEST_CASE("the offered change uses the network, and skips what cannot be concluded") {
    Profile p = userTunnel();
    p.routes = {route("10.1.2.3", 16), route("10.9.0.0", 16, true), route("not an ip", 32)};
    p.trafficFilters.push_back(rdpFilter());
    // Host bits cleared (Windows routes 10.1.0.0/16); the exclusion route and the unparsable
    // one carry no traffic into the tunnel.
    REQUIRE(addRoutesToFilters(p).size() == 1);
    CHECK(p.trafficFilters[0].remoteAddressRanges == "172.16.0.0/24, 172.16.1.5,10.1.0.0/16");
    CHECK(countRule(p, "route.outside-filters") == 0);
    // An outbound filter whose ranges do not parse: no conclusion, no change.
    p.routes.push_back(route("192.0.2.0", 24));
    TrafficFilter broken;
    broken.remoteAddressRanges = "10.0.0.0/99";
    p.trafficFilters.push_back(broken);
    CHECK(routesOutsideFilters(p).empty());
    CHECK_FALSE(addRouteToFilters(p, 3));
    // Inbound filters let nothing out: the outbound one is extended.
    p.trafficFilters[1].direction = FilterDirection::Inbound;
    REQUIRE(addRouteToFilters(p, 3));
    CHECK(p.trafficFilters[0].remoteAddressRanges ==
          "172.16.0.0/24, 172.16.1.5,10.1.0.0/16,192.0.2.0/24");
    CHECK(p.trafficFilters[1].remoteAddressRanges == "10.0.0.0/99");
}

TEST_CASE("neighbouring filter ranges are one span, a gap between them is not covered") {
    // Filter ranges that touch (10.0.0.0/24 and 10.0.1.0/24, the last IPv4 address, and IPv6
    // across a 64-bit boundary) are merged; the /24 between two that do not touch stays outside.
    auto withFilters = [](std::string ranges, std::vector<std::string> routes) {
        Profile p = userTunnel();
        p.routes.clear();
        for (const std::string& a : routes) {
            const auto slash = a.find('/');
            Route r;
            r.address = a.substr(0, slash);
            r.prefixSize = static_cast<std::uint32_t>(std::stoul(a.substr(slash + 1)));
            p.routes.push_back(r);
        }
        TrafficFilter f;
        f.remoteAddressRanges = std::move(ranges);
        p.trafficFilters = {f};
        return routesOutsideFilters(p);
    };
    CHECK(withFilters("10.0.0.0/24,10.0.1.0/24", {"10.0.0.0/23"}).empty());
    const auto gap = withFilters("10.0.0.0/24,10.0.2.0/24", {"10.0.1.0/24", "10.0.2.0/24"});
    REQUIRE(gap.size() == 1);
    CHECK(formatPrefix(gap[0].prefix) == "10.0.1.0/24");
    CHECK(
        withFilters("255.255.255.0/24,10.0.0.0/8", {"255.255.255.255/32", "10.1.0.0/16"}).empty());
    CHECK(withFilters("2001:db8::/64,2001:db8:0:1::/64", {"2001:db8::/63"}).empty());
    CHECK(withFilters("2001:db8::/64,2001:db8:0:2::/64", {"2001:db8:0:1::/64"}).size() == 1);
}
