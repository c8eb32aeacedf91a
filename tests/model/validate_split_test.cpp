// With many traffic filters, validation checks the later ones on another thread
// (model/src/validate.cpp; this thread, which checks the routes too, takes fewer filters the more
// routes there are): the findings must be the one-thread findings, in the same order.
#include "model/gateway_info.hpp"

#include "no_new_threads.hpp"
#include "route_coverage.hpp"
#include "validate_fixtures.hpp"
#include "validate_internal.hpp"

#include <fmt/format.h>

#include <algorithm>

using namespace aovpn;
using namespace aovpn::test;

namespace {

std::vector<Issue> oneThread(const Profile& p) {
    return validation::validate(p, GatewayInfo{}, SIZE_MAX);
}
std::vector<Issue> twoThreads(const Profile& p) {
    return validation::validate(p, GatewayInfo{}, 0);
}

TrafficFilter filterTo(std::string ranges, bool inbound = false) {
    TrafficFilter f;
    f.remoteAddressRanges = std::move(ranges);
    if (inbound) f.direction = FilterDirection::Inbound;
    return f;
}

// Routes some filters let through and one none does, behind `filters`.
Profile withFilters(std::vector<TrafficFilter> filters) {
    Profile p = userTunnel();
    p.routes = {route("10.1.0.0", 16), route("192.168.50.0", 24)};
    p.trafficFilters = std::move(filters);
    return p;
}

} // namespace

TEST_CASE("5,000 traffic filters checked in two halves give the one-thread findings in order") {
    Profile p = userTunnel();
    for (int i = 0; i < 5000; ++i) {
        const std::string net = fmt::format("10.{}.{}.0", i / 256, i % 256);
        if (i % 3 == 0) p.routes.push_back(route(net, 24));
        TrafficFilter f = filterTo(net + (i % 83 == 0 ? ".1/24" : "/24"));
        f.protocol = i % 97 == 0 ? 300 : 6;
        if (i % 89 != 0) f.remotePortRanges = i % 71 == 0 ? "80-" : "443";
        if (i % 79 == 0) f.direction = FilterDirection::Inbound;
        p.trafficFilters.push_back(f);
    }
    p.routes.push_back(route("192.168.7.0", 24)); // outside every filter
    const std::vector<Issue> one = oneThread(p);
    INFO(describe(one).substr(0, 2000));
    REQUIRE(one.size() > 100);
    CHECK(twoThreads(p) == one);
    CHECK(validateProfile(p) == one); // 5,000 filters: the default checks them in two halves
    REQUIRE(p.trafficFilters.size() >= validation::kSplitFiltersFrom);
}

TEST_CASE("what the second half's filters let through counts as if one thread had seen it") {
    struct Case {
        const char* what;
        std::vector<TrafficFilter> filters;
    };
    const Case cases[] = {
        {"the first outbound filter is in the second half",
         [] {
             std::vector<TrafficFilter> f = {filterTo("10.1.0.0/16", true),
                                             filterTo("10.9.0.0/16", true), filterTo("10.1.0.0/16"),
                                             filterTo("10.2.0.0/16")};
             f[2].protocol = 6;
             f[3].protocol = 6;
             return f;
         }()},
        {"a filter of the second half matches everything",
         {filterTo("10.1.0.0/16"), filterTo("10.2.0.0/16"), filterTo(""), filterTo("10.3.0.0/16")}},
        {"a filter of the second half does not parse",
         {filterTo("10.1.0.0/16"), filterTo("10.2.0.0/16"), filterTo("10.x"),
          filterTo("10.3.0.0/16")}},
        {"the only filter restricted by its addresses alone is in the second half",
         [] {
             std::vector<TrafficFilter> f = {filterTo("10.1.0.0/16"), filterTo("10.2.0.0/16"),
                                             filterTo("10.3.0.0/16"), filterTo("10.4.0.0/16")};
             f[0].protocol = 6;
             f[1].protocol = 17;
             return f;
         }()},
        {"the second half covers the route the first half misses",
         {filterTo("10.5.0.0/16"), filterTo("10.6.0.0/16"), filterTo("192.168.0.0/16"),
          filterTo("10.1.0.0/16")}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const Profile p = withFilters(c.filters);
        const std::vector<Issue> one = oneThread(p);
        INFO(describe(one));
        CHECK(twoThreads(p) == one);
    }
    // The offer names the first filter restricted by its addresses alone, else the first
    // outbound one: here both from the second half.
    for (const std::size_t c : {std::size_t{0}, std::size_t{3}}) {
        CAPTURE(cases[c].what);
        const std::vector<Issue> offered = twoThreads(withFilters(cases[c].filters));
        const auto outside = std::find_if(offered.begin(), offered.end(), [](const Issue& i) {
            return i.rule == "route.outside-filters";
        });
        REQUIRE(outside != offered.end());
        CHECK(outside->hint.find("TrafficFilter 3:") != std::string::npos);
    }
}

TEST_CASE("however many filters each thread takes, the findings are the one-thread findings") {
    // 0 routes: this thread takes half the filters; 5: two of six; 15 and more: none.
    for (const int routes : {0, 5, 8, 15, 40}) {
        CAPTURE(routes);
        std::vector<TrafficFilter> filters;
        for (int i = 0; i < 6; ++i)
            filters.push_back(filterTo(fmt::format("10.{}.0.{}/16", i, i % 2)));
        filters[4].protocol = 300;
        Profile p = withFilters(filters);
        for (int i = 0; i < routes; ++i)
            p.routes.push_back(route(fmt::format("10.{}.1.0", i % 9), 24));
        const std::vector<Issue> one = oneThread(p);
        INFO(describe(one));
        REQUIRE(one.size() >= 5);
        CHECK(twoThreads(p) == one);
    }
}

#if defined(AOVPN_HAVE_NO_NEW_THREADS)
TEST_CASE("when no second thread can be started, the filters are checked on one") {
    std::vector<TrafficFilter> filters;
    for (int i = 0; i < 10; ++i)
        filters.push_back(filterTo(i % 3 == 0 ? "10.1.0.1/16" : "10.1.0.0/16"));
    const Profile p = withFilters(filters);
    std::vector<Issue> split;
    std::string thrown;
    {
        const test::NoNewThreads noThreads;
        try {
            split = twoThreads(p);
        } catch (const std::exception& e) {
            thrown = e.what();
        }
    }
    CHECK(thrown == "");
    CHECK(split == oneThread(p));
    CHECK_FALSE(split.empty());
}
#endif
