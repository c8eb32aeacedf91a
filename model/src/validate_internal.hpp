#pragma once
// Internal to the validator: the sink the per-area checks report into, and small accessors.
#include "model/net.hpp"
#include "model/validate.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

namespace aovpn::detail {
class RouteCoverage; // route_coverage.hpp
}

namespace aovpn::validation {

class Sink {
  public:
    // The severity comes from the rule catalogue, so a rule cannot drift between call sites.
    void add(std::string_view rule, std::string field, std::string message, std::string hint = {});
    std::vector<Issue> take() { return std::move(issues_); }
    // `later`'s findings after these (what another thread found in a later part).
    void append(Sink&& later);

  private:
    std::vector<Issue> issues_;
};

void checkGeneral(const Profile& profile, Sink& sink);
void checkServersAndDns(const Profile& profile, Sink& sink);
// A route whose address and prefix length are usable (the address as written: host bits may be
// set, which checkRoutes reports).
struct ParsedRoute {
    IpPrefix prefix;
    std::size_t index = 0; // into Profile::routes
};
// What checkRoutes parsed, so later checks (traffic filters) do not parse the routes again.
struct ParsedRoutes {
    std::vector<ParsedRoute> usable; // in profile order
    bool ipv6 = false;               // a route that is not an exclusion has an IPv6 address
};

ParsedRoutes checkRoutes(const Profile& profile, Sink& sink);
// The traffic-filter checks in two steps, so the filters can be checked in parts at once: each
// filter of [from, to) on its own (what it lets through goes to `cover`), then, with every
// filter in `cover`, the checks against the routes.
void checkFilterRange(const Profile& profile, std::size_t from, std::size_t to, Sink& sink,
                      detail::RouteCoverage& cover);
void checkFiltersAndRoutes(const Profile& profile, const ParsedRoutes& routes,
                           detail::RouteCoverage& cover, Sink& sink);
// validateProfile, checking the traffic filters of a profile with at least `splitFiltersFrom`
// of them in two halves at once (the second on another thread); the findings are the same.
inline constexpr std::size_t kSplitFiltersFrom = 4096;
std::vector<Issue> validate(const Profile& profile, const GatewayInfo& gateway,
                            std::size_t splitFiltersFrom);
void checkAuthentication(const Profile& profile, Sink& sink);
void checkCryptography(const Profile& profile, const GatewayInfo& gateway, Sink& sink);
void checkClientPool(const Profile& profile, const GatewayInfo& gateway, Sink& sink);
void checkDeviceTunnel(const Profile& profile, Sink& sink);

// A view of an optional text, empty when absent (value_or("") would dangle).
inline std::string_view textOf(const std::optional<std::string>& s) {
    return s ? std::string_view(*s) : std::string_view();
}

inline bool isTrue(const std::optional<bool>& b) {
    return b.value_or(false);
}
inline bool isDeviceTunnel(const Profile& p) {
    return isTrue(p.deviceTunnel);
}

template <typename E> bool is(const std::optional<Known<E>>& k, E value) {
    return k && k->value == value;
}

inline bool isForceTunnel(const Profile& p) {
    return p.nativeProfile && is(p.nativeProfile->routingPolicyType, RoutingPolicy::ForceTunnel);
}

inline std::string indexed(std::string_view base, std::size_t index) {
    return fmt::format("{}[{}]", base, index);
}
inline std::string indexed(std::string_view base, std::size_t index, std::string_view child) {
    return fmt::format("{}[{}]/{}", base, index, child);
}

} // namespace aovpn::validation
