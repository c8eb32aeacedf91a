// Traffic filter rules: protocol, ports, address ranges, App/Id, IPv6 interplay, and routes that
// no filter lets through.
#include "model/net.hpp"

#include "ip_key.hpp"
#include "quote.hpp"
#include "validate_internal.hpp"

#include <algorithm>

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
    auto parsed = parsePortRanges(*ports);
    if (!parsed.ok)
        sink.add("filter.ports", indexed("TrafficFilter", i, child), parsed.error,
                 "Use ports and ranges separated by commas, e.g. 80,443,52000-52112.");
}

// The address spans the outbound filters let through; `all` once one matches every address.
struct Coverage {
    std::vector<std::pair<detail::IpKey, detail::IpKey>> spans;
    bool all = false;
    bool unknown = false; // a filter's ranges do not parse: no conclusion
    std::size_t outbound = 0;
    std::optional<std::size_t> suggest; // the filter to extend in the hint
};

void checkAddresses(const std::optional<std::string>& text, std::size_t i, std::string_view child,
                    Sink& sink, Coverage* cover = nullptr) {
    if (!text || trimSpaces(*text).empty()) {
        if (cover) cover->all = true;
        return;
    }
    auto parsed = parseAddressRanges(*text);
    if (!parsed.ok) {
        sink.add("filter.addresses", indexed("TrafficFilter", i, child), parsed.error,
                 "Use a.b.c.d, a.b.c.d/nn or a.b.c.d-e.f.g.h, separated by commas.");
        if (cover) cover->unknown = true;
        return;
    }
    if (cover) {
        for (const AddressRange& r : parsed.value) {
            const bool prefix = r.kind == AddressRangeKind::Prefix;
            cover->spans.emplace_back(
                detail::ipKey(prefix ? networkAddress(r.first, r.prefixLength) : r.first),
                detail::ipKey(r.last));
        }
        if (!cover->suggest) cover->suggest = i;
    }
    for (const AddressRange& r : parsed.value) {
        if (r.kind != AddressRangeKind::Prefix || isOnBoundary(r.first, r.prefixLength)) continue;
        const IpPrefix network = normalizePrefix({r.first, r.prefixLength});
        sink.add("filter.address-boundary", indexed("TrafficFilter", i, child),
                 fmt::format("{} has host bits set; Windows treats it as {}.",
                             formatAddressRange(r), formatPrefix(network)),
                 fmt::format("Write {}.", formatPrefix(network)));
        return;
    }
}

void checkFilter(const TrafficFilter& f, std::size_t i, Sink& sink, Coverage& cover) {
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
    checkAddresses(f.localAddressRanges, i, "LocalAddressRanges", sink);
    const bool outbound = !f.direction || f.direction->value != FilterDirection::Inbound;
    cover.outbound += outbound ? 1 : 0;
    checkAddresses(f.remoteAddressRanges, i, "RemoteAddressRanges", sink,
                   outbound ? &cover : nullptr);
}

// Sorted, overlapping and adjacent spans merged, so one binary search answers "does anything
// cover part of this route".
void merge(std::vector<std::pair<detail::IpKey, detail::IpKey>>& spans) {
    if (!std::is_sorted(spans.begin(), spans.end())) std::sort(spans.begin(), spans.end());
    std::size_t out = 0;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        if (out > 0 && spans[k].first.family == spans[out - 1].second.family &&
            spans[k].first <= spans[out - 1].second) {
            spans[out - 1].second = std::max(spans[out - 1].second, spans[k].second);
            continue;
        }
        spans[out++] = spans[k];
    }
    spans.resize(out);
}

bool touches(const std::vector<std::pair<detail::IpKey, detail::IpKey>>& spans,
             const detail::IpKey& first, const detail::IpKey& last) {
    // The last span starting at or before `last`, if it reaches `first`.
    auto it =
        std::upper_bound(spans.begin(), spans.end(), last,
                         [](const detail::IpKey& a, const auto& span) { return a < span.first; });
    return it != spans.begin() && !(std::prev(it)->second < first);
}

void reportOutside(const Profile& p, std::size_t i, const IpPrefix& route, const Coverage& c,
                   Sink& sink) {
    const std::string text = formatPrefix(route);
    std::string hint = fmt::format("Add {} to a filter's RemoteAddressRanges", text);
    if (c.suggest) {
        const std::string& ranges = *p.trafficFilters[*c.suggest].remoteAddressRanges;
        hint += fmt::format(" (TrafficFilter {}: {})", *c.suggest + 1,
                            detail::quoted(ranges + "," + text, 120));
    }
    sink.add("route.outside-filters", indexed("Route", i, "Address"),
             fmt::format("The route {} sends traffic into the tunnel, but no traffic filter "
                         "matches it: with traffic filters, Windows passes only the traffic they "
                         "match, so {} is unreachable.",
                         text, text),
             hint + ", or remove the route.");
}

void checkRouteCoverage(const Profile& p, Coverage& c, Sink& sink) {
    if (c.all || c.unknown || c.outbound == 0) return;
    merge(c.spans);
    for (std::size_t i = 0; i < p.routes.size(); ++i) {
        const Route& r = p.routes[i];
        if (isTrue(r.exclusionRoute) || !r.prefixSize) continue;
        const auto ip = parseIp(trimSpaces(textOf(r.address)));
        if (!ip.ok || *r.prefixSize > static_cast<std::uint32_t>(ip.value.bitCount())) continue;
        const int length = static_cast<int>(*r.prefixSize);
        const IpAddress first = networkAddress(ip.value, length);
        if (!touches(c.spans, detail::ipKey(first), detail::ipKey(lastAddress(ip.value, length))))
            reportOutside(p, i, {first, length}, c, sink);
    }
}

bool hasIpv6Route(const Profile& p) {
    for (const Route& r : p.routes) {
        if (isTrue(r.exclusionRoute)) continue;
        auto ip = parseIp(trimSpaces(textOf(r.address)));
        if (ip.ok && !ip.value.isV4()) return true;
    }
    return false;
}

} // namespace

void checkFilters(const Profile& profile, Sink& sink) {
    Coverage cover;
    for (std::size_t i = 0; i < profile.trafficFilters.size(); ++i)
        checkFilter(profile.trafficFilters[i], i, sink, cover);
    if (!profile.trafficFilters.empty() && hasIpv6Route(profile))
        sink.add("filter.ipv6-routes", "TrafficFilter[0]",
                 "Traffic filters are not compatible with IPv6 in Always On VPN, and this "
                 "profile has IPv6 routes.",
                 "Remove the IPv6 routes, or the traffic filters.");
    if (!profile.trafficFilters.empty()) checkRouteCoverage(profile, cover, sink);
}

} // namespace aovpn::validation
