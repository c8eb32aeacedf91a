#pragma once
// The address spans the outbound traffic filters let through, and the routes outside them. The
// validator feeds it the ranges it parsed anyway (10,000 filters on every edit);
// routesOutsideFilters (model/route_filters.hpp) parses them itself.
#include "model/route_filters.hpp"

#include "ip_key.hpp"
#include "validate_internal.hpp"

#include <utility>
#include <vector>

namespace aovpn::detail {

class RouteCoverage {
  public:
    // Outbound filter `index` matches `remote` (its parsed, non-empty RemoteAddressRanges).
    void add(const TrafficFilter& filter, std::size_t index,
             const std::vector<AddressRange>& remote);
    void matchAll() { ++outbound_, all_ = true; }    // an outbound filter without remote ranges
    void unknown() { ++outbound_, unknown_ = true; } // one whose ranges do not parse
    // What `later` learnt of filters after this one's (another thread's part), added to this.
    void absorb(RouteCoverage&& later);
    // Which of `routes` (what the validator's checkRoutes parsed) are outside; empty when nothing
    // can be concluded (see routesOutsideFilters).
    std::vector<RouteOutsideFilters> outside(const Profile& profile,
                                             const std::vector<validation::ParsedRoute>& routes);

  private:
    std::vector<std::pair<IpKey, IpKey>> spans_;
    bool all_ = false, unknown_ = false;
    std::size_t outbound_ = 0;
    std::optional<std::size_t> first_, open_; // first with ranges; first restricted by them only
};

bool isOutbound(const TrafficFilter& filter);

} // namespace aovpn::detail
