// Route rules: address, prefix, boundary, metric, duplicates, and the routing-policy interplay.
#include "model/net.hpp"

#include "ip_key.hpp"
#include "quote.hpp"
#include "validate_internal.hpp"

#include <algorithm>

namespace aovpn::validation {
namespace {

constexpr std::uint32_t kMaxMetric = 9999; // DPC rejects >= 10000; Windows misbehaves above

// Checks one route; returns true (and fills `out`) when address and prefix are usable. `ipv6`
// learns whether a route that is not an exclusion has an IPv6 address.
bool checkRoute(const Route& r, std::size_t i, Sink& sink, ParsedRoute& out, bool& ipv6) {
    const std::string_view text = trimSpaces(textOf(r.address));
    auto address = parseIp(text);
    if (address.ok && !address.value.isV4() && !isTrue(r.exclusionRoute)) ipv6 = true;
    if (!address.ok) {
        sink.add("route.address", indexed("Route", i, "Address"),
                 text.empty() ? "The route has no address." : address.error,
                 "Enter a network address such as 10.0.0.0 or 2001:db8::.");
        return false;
    }
    const std::uint32_t maxLength = address.value.isV4() ? 32 : 128;
    if (!r.prefixSize || *r.prefixSize > maxLength) {
        sink.add("route.prefix", indexed("Route", i, "PrefixSize"),
                 r.prefixSize
                     ? fmt::format("Prefix length {} is out of range for {}.", *r.prefixSize,
                                   formatIp(address.value))
                     : fmt::format("The route {} has no prefix length.", formatIp(address.value)),
                 fmt::format("Use 0 to {} (32 or 128 for a single host).", maxLength));
        return false;
    }
    const int length = static_cast<int>(*r.prefixSize);
    if (!isOnBoundary(address.value, length)) {
        const IpPrefix network = normalizePrefix({address.value, length});
        sink.add("route.boundary", indexed("Route", i, "Address"),
                 fmt::format("{}/{} is not a network address, so Windows silently drops this "
                             "route.",
                             formatIp(address.value), length),
                 fmt::format("Use {} (or a longer prefix).", formatPrefix(network)));
    }
    if (r.metric && *r.metric > kMaxMetric)
        sink.add(
            "route.metric", indexed("Route", i, "Metric"),
            fmt::format("Metric {} is too high; route metrics must be below 10000.", *r.metric),
            "Use a small metric such as 1.");
    out = {{address.value, length}, i};
    return true;
}

void checkDuplicates(const std::vector<ParsedRoute>& routes, Sink& sink) {
    // Sort by prefix then position (integer keys: 10,000 routes take some 150,000 compares), so
    // each repeat is reported once, at its later position.
    struct Keyed {
        detail::IpKey address;
        int length;
        std::size_t at; // into `routes`
        auto operator<=>(const Keyed&) const = default;
    };
    std::vector<Keyed> keys;
    keys.reserve(routes.size());
    for (std::size_t k = 0; k < routes.size(); ++k)
        keys.push_back({detail::ipKey(routes[k].prefix.address), routes[k].prefix.length, k});
    if (!std::is_sorted(keys.begin(), keys.end())) std::sort(keys.begin(), keys.end());
    std::size_t first = 0; // the first of the current run of equal prefixes
    for (std::size_t k = 1; k < keys.size(); ++k) {
        const bool same =
            keys[k].address == keys[k - 1].address && keys[k].length == keys[k - 1].length;
        if (!same) {
            first = k;
            continue;
        }
        const ParsedRoute& r = routes[keys[k].at];
        sink.add("route.duplicate", indexed("Route", r.index),
                 fmt::format("The route {} is listed twice (also at position {}).",
                             formatPrefix(r.prefix), routes[keys[first].at].index + 1),
                 "Remove one of them.");
    }
}

void checkPolicyInterplay(const Profile& p, const std::vector<ParsedRoute>& parsed, Sink& sink) {
    if (!p.nativeProfile) return;
    std::size_t included = 0, firstIncluded = 0;
    bool defaultRoute = false;
    for (const ParsedRoute& pr : parsed) {
        if (isTrue(p.routes[pr.index].exclusionRoute)) continue;
        if (included++ == 0) firstIncluded = pr.index;
        if (pr.prefix.length == 0) defaultRoute = true;
    }
    // A device tunnel with force tunnel is reported once, as device.force-tunnel.
    if (isForceTunnel(p) && included > 0 && !isDeviceTunnel(p))
        sink.add("route.force-tunnel-routes", indexed("Route", firstIncluded),
                 fmt::format("ForceTunnel sends all traffic through the tunnel, so the {} "
                             "non-exclusion route(s) have no effect.",
                             included),
                 "Remove them, or mark them as exclusion routes.");
    if (!isForceTunnel(p) && defaultRoute)
        sink.add("route.default-in-split", "NativeProfile/RoutingPolicyType",
                 "A /0 route sends all traffic through the tunnel despite SplitTunnel.",
                 "Use ForceTunnel if that is intended.");
    if (!isForceTunnel(p) && isTrue(p.nativeProfile->disableClassBasedDefaultRoute) &&
        included == 0 && parsed.size() == p.routes.size())
        sink.add("route.no-routes", "NativeProfile/DisableClassBasedDefaultRoute",
                 "DisableClassBasedDefaultRoute is on but there are no routes, so no traffic "
                 "goes through the tunnel.",
                 "Add routes for the internal networks.");
}

} // namespace

ParsedRoutes checkRoutes(const Profile& profile, Sink& sink) {
    ParsedRoutes out;
    std::vector<ParsedRoute>& parsed = out.usable;
    parsed.reserve(profile.routes.size());
    for (std::size_t i = 0; i < profile.routes.size(); ++i) {
        ParsedRoute pr;
        if (checkRoute(profile.routes[i], i, sink, pr, out.ipv6)) parsed.push_back(pr);
    }
    checkDuplicates(parsed, sink);
    checkPolicyInterplay(profile, parsed, sink);
    return out;
}

} // namespace aovpn::validation
