// Traffic filter rules: protocol, ports, address ranges, App/Id, IPv6 interplay, and routes that
// no filter lets through.
#include "model/net.hpp"

#include "quote.hpp"
#include "route_coverage.hpp"
#include "validate_internal.hpp"

namespace aovpn::validation {
namespace {

constexpr std::uint32_t kTcp = 6;
constexpr std::uint32_t kUdp = 17;

// Field paths are formatted only when something is reported: 10,000 filters are checked on
// every edit.
void checkPorts(const TrafficFilter& f, const std::optional<std::string>& ports, std::size_t i,
                std::string_view child, Sink& sink) {
    if (!ports || trimSpaces(*ports).empty()) return;
    if (f.protocol && *f.protocol > 255) return; // filter.protocol already says so
    if (!f.protocol || (*f.protocol != kTcp && *f.protocol != kUdp)) {
        sink.add("filter.ports-protocol", indexed("TrafficFilter", i, child),
                 f.protocol ? fmt::format("Port ranges need protocol 6 (TCP) or 17 (UDP), not {}.",
                                          *f.protocol)
                            : "Port ranges need a protocol, 6 (TCP) or 17 (UDP).",
                 "Set Protocol to 6 or 17, or remove the ports.");
        return;
    }
    if (portRangesValid(*ports)) return;
    auto parsed = parsePortRanges(*ports);
    if (!parsed.ok)
        sink.add("filter.ports", indexed("TrafficFilter", i, child), parsed.error,
                 "Use ports and ranges separated by commas, e.g. 80,443,52000-52112.");
}

// `cover` (outbound RemoteAddressRanges only) learns what the filter lets through. `ranges` is
// the list every filter's ranges are parsed into, so its memory is reused.
void checkAddresses(const TrafficFilter& f, const std::optional<std::string>& text, std::size_t i,
                    std::string_view child, Sink& sink, std::vector<AddressRange>& ranges,
                    detail::RouteCoverage* cover = nullptr) {
    if (!text || trimSpaces(*text).empty()) {
        if (cover) cover->matchAll();
        return;
    }
    if (std::string error; !parseAddressRanges(*text, ranges, error)) {
        sink.add("filter.addresses", indexed("TrafficFilter", i, child), std::move(error),
                 "Use a.b.c.d, a.b.c.d/nn or a.b.c.d-e.f.g.h, separated by commas.");
        if (cover) cover->unknown();
        return;
    }
    if (cover) cover->add(f, i, ranges);
    for (const AddressRange& r : ranges) {
        if (r.kind != AddressRangeKind::Prefix || isOnBoundary(r.first, r.prefixLength)) continue;
        const IpPrefix network = normalizePrefix({r.first, r.prefixLength});
        sink.add("filter.address-boundary", indexed("TrafficFilter", i, child),
                 fmt::format("{} has host bits set; Windows treats it as {}.",
                             formatAddressRange(r), formatPrefix(network)),
                 fmt::format("Write {}.", formatPrefix(network)));
        return;
    }
}

void checkFilter(const TrafficFilter& f, std::size_t i, Sink& sink, detail::RouteCoverage& cover,
                 std::vector<AddressRange>& ranges) {
    if (f.protocol && *f.protocol > 255)
        sink.add("filter.protocol", indexed("TrafficFilter", i, "Protocol"),
                 fmt::format("Protocol {} is out of range; IP protocol numbers go from 0 to 255.",
                             *f.protocol),
                 "Use 6 for TCP, 17 for UDP, or leave empty for all protocols.");
    if (f.appId && trimSpaces(*f.appId).empty())
        sink.add("filter.app-empty", indexed("TrafficFilter", i, "App/Id"),
                 "The filter names an App with an empty Id.",
                 "Enter a full exe path, a package family name or SYSTEM, or remove the App.");
    checkPorts(f, f.localPortRanges, i, "LocalPortRanges", sink);
    checkPorts(f, f.remotePortRanges, i, "RemotePortRanges", sink);
    checkAddresses(f, f.localAddressRanges, i, "LocalAddressRanges", sink, ranges);
    checkAddresses(f, f.remoteAddressRanges, i, "RemoteAddressRanges", sink, ranges,
                   detail::isOutbound(f) ? &cover : nullptr);
}

void reportOutside(const Profile& p, const RouteOutsideFilters& o, Sink& sink) {
    const std::string text = formatPrefix(o.prefix);
    std::string hint = fmt::format("Add {} to a filter's RemoteAddressRanges", text);
    if (o.filter) {
        const std::string& ranges = *p.trafficFilters[*o.filter].remoteAddressRanges;
        hint += fmt::format(" (TrafficFilter {}: {})", *o.filter + 1,
                            detail::quoted(ranges + "," + text, 120));
    }
    sink.add("route.outside-filters", indexed("Route", o.route, "Address"),
             fmt::format("The route {} sends traffic into the tunnel, but no traffic filter "
                         "matches it: with traffic filters, Windows passes only the traffic they "
                         "match, so {} is unreachable.",
                         text, text),
             hint + ", or remove the route.");
}

} // namespace

void checkFilterRange(const Profile& profile, std::size_t from, std::size_t to, Sink& sink,
                      detail::RouteCoverage& cover) {
    std::vector<AddressRange> ranges;
    for (std::size_t i = from; i < to; ++i)
        checkFilter(profile.trafficFilters[i], i, sink, cover, ranges);
}

void checkFiltersAndRoutes(const Profile& profile, const ParsedRoutes& routes,
                           detail::RouteCoverage& cover, Sink& sink) {
    if (!profile.trafficFilters.empty() && routes.ipv6)
        sink.add("filter.ipv6-routes", "TrafficFilter[0]",
                 "Traffic filters are not compatible with IPv6 in Always On VPN, and this "
                 "profile has IPv6 routes.",
                 "Remove the IPv6 routes, or the traffic filters.");
    if (!profile.trafficFilters.empty())
        for (const RouteOutsideFilters& o : cover.outside(profile, routes.usable))
            reportOutside(profile, o, sink);
}

} // namespace aovpn::validation
