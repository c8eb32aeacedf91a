#include "validate_fixtures.hpp"

using namespace aovpn;
using namespace aovpn::test;

TEST_CASE("rule route.address") {
    Profile p = userTunnel();
    p.routes[1].address = "172.16.0.300";
    const Issue i = expectOnly(p, "route.address");
    CHECK(i.field == "Route[1]/Address");
    CHECK(contains(i.message, "above 255"));
    p.routes[1].address.reset();
    CHECK(contains(expectOnly(p, "route.address").message, "no address"));
    p.routes[1].address = "2001:db8:::1";
    expectOnly(p, "route.address");
}

TEST_CASE("rule route.prefix") {
    Profile p = userTunnel();
    p.routes[0].prefixSize = 33;
    CHECK(expectOnly(p, "route.prefix").field == "Route[0]/PrefixSize");
    p.routes[0].prefixSize.reset();
    expectOnly(p, "route.prefix");
    p.routes[0] = route("2001:db8::", 129);
    expectOnly(p, "route.prefix");
}

TEST_CASE("rule route.boundary") {
    Profile p = userTunnel();
    p.routes.push_back(route("172.21.12.0", 21));
    const Issue i = expectOnly(p, "route.boundary");
    CHECK(i.field == "Route[4]/Address");
    CHECK(i.severity == Severity::Error);
    CHECK(contains(i.hint, "172.21.8.0/21"));
    p.routes.back() = route("2001:db8:2112:1::", 48);
    CHECK(contains(expectOnly(p, "route.boundary").hint, "2001:db8:2112::/48"));
}

TEST_CASE("rule route.duplicate") {
    Profile p = userTunnel();
    p.routes.push_back(p.routes[0]);
    const Issue i = expectOnly(p, "route.duplicate");
    CHECK(i.field == "Route[4]");
    CHECK(contains(i.message, "10.0.0.0/8"));
    // The same address with another prefix is a different route.
    p.routes.back().prefixSize = 9;
    CHECK(validateProfile(p).empty());
}

TEST_CASE("rule route.metric") {
    Profile p = userTunnel();
    p.routes[2].metric = 9999;
    CHECK(validateProfile(p).empty());
    p.routes[2].metric = 10000;
    CHECK(expectOnly(p, "route.metric").field == "Route[2]/Metric");
}

TEST_CASE("rule route.force-tunnel-routes") {
    Profile p = userTunnel();
    p.nativeProfile->routingPolicyType = RoutingPolicy::ForceTunnel;
    const Issue i = expectOnly(p, "route.force-tunnel-routes");
    CHECK(i.field == "Route[0]");
    CHECK(contains(i.message, "3 non-exclusion"));
    // Exclusion routes alone are the normal force-tunnel setup.
    p.routes = {route("203.0.113.83", 32, true)};
    CHECK(validateProfile(p).empty());
}

TEST_CASE("rule route.no-routes") {
    Profile p = userTunnel();
    p.routes.clear();
    CHECK(expectOnly(p, "route.no-routes").field == "NativeProfile/DisableClassBasedDefaultRoute");
    p.nativeProfile->disableClassBasedDefaultRoute = false;
    CHECK(validateProfile(p).empty());
}

TEST_CASE("rule route.default-in-split") {
    Profile p = userTunnel();
    p.routes.push_back(route("0.0.0.0", 0));
    CHECK(expectOnly(p, "route.default-in-split").severity == Severity::Info);
}

TEST_CASE("routes: 10,000 valid routes validate without findings") {
    Profile p = userTunnel();
    p.routes.clear();
    for (int i = 0; i < 10000; ++i)
        p.routes.push_back(
            route("10." + std::to_string(i / 256) + "." + std::to_string(i % 256) + ".0", 24));
    CHECK(validateProfile(p).empty());
}
