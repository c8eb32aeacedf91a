#pragma once
// Routes that no outbound traffic filter lets through (rule route.outside-filters: with traffic
// filters, Windows passes only the traffic they match, so such a route leads nowhere), and the
// change the rule offers: the route's prefix added to a filter's RemoteAddressRanges. The UI
// offers it beside the route; `aovpn normalize --fix` applies it to every such route.
#include "model/net.hpp"
#include "model/profile.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace aovpn {

struct RouteOutsideFilters {
    std::size_t route = 0;             // index into Profile::routes
    IpPrefix prefix;                   // the route's network (host bits cleared)
    std::optional<std::size_t> filter; // the filter to extend (index into trafficFilters)
};

// Empty when there are no traffic filters, an outbound filter matches every address (no
// RemoteAddressRanges) or one's ranges do not parse (no conclusion). Exclusion routes and routes
// that do not parse are never listed. The filter offered is the first outbound one restricted
// only by its remote addresses (no App, Claims, protocol, ports or local addresses), else the
// first outbound one with RemoteAddressRanges.
std::vector<RouteOutsideFilters> routesOutsideFilters(const Profile& profile);

// Adds route `route`'s prefix to the offered filter's RemoteAddressRanges; returns the sentence
// saying what changed, or nothing when that route is not outside the filters.
std::optional<std::string> addRouteToFilters(Profile& profile, std::size_t route);
// The same for every route outside the filters (one sentence each).
std::vector<std::string> addRoutesToFilters(Profile& profile);

} // namespace aovpn
