// Routes outside the traffic filters: RouteCoverage (route_coverage.hpp) and the change that
// lets them through (model/route_filters.hpp).
#include "route_coverage.hpp"

#include "validate_internal.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace aovpn {
namespace detail {
namespace {

using Span = std::pair<IpKey, IpKey>;

// Whether `a` is the address right after `b` (same family). An IPv4 address sits in the top
// four bytes of `hi`.
bool follows(const IpKey& a, const IpKey& b) {
    constexpr std::uint64_t kMax = ~std::uint64_t{0};
    if (a.family != b.family) return false;
    if (b.family == static_cast<std::uint8_t>(IpFamily::V4))
        return b.hi < (kMax << 32) && a.hi == b.hi + (std::uint64_t{1} << 32);
    if (b.lo != kMax) return a.hi == b.hi && a.lo == b.lo + 1;
    return b.hi != kMax && a.hi == b.hi + 1 && a.lo == 0;
}

// Sorted, overlapping and adjacent spans merged, so one binary search (over few spans: filters
// often list neighbouring networks) answers "does anything cover part of this route".
void merge(std::vector<Span>& spans) {
    if (!std::is_sorted(spans.begin(), spans.end())) std::sort(spans.begin(), spans.end());
    std::size_t out = 0;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        if (out > 0 && spans[k].first.family == spans[out - 1].second.family &&
            (spans[k].first <= spans[out - 1].second ||
             follows(spans[k].first, spans[out - 1].second))) {
            spans[out - 1].second = std::max(spans[out - 1].second, spans[k].second);
            continue;
        }
        spans[out++] = spans[k];
    }
    spans.resize(out);
}

bool touches(const std::vector<Span>& spans, const IpKey& first, const IpKey& last) {
    // The last span starting at or before `last`, if it reaches `first`.
    auto it = std::upper_bound(spans.begin(), spans.end(), last,
                               [](const IpKey& a, const Span& span) { return a < span.first; });
    return it != spans.begin() && !(std::prev(it)->second < first);
}

bool restrictedOnlyByRemote(const TrafficFilter& f) {
    auto set = [](const std::optional<std::string>& s) { return s && !trimSpaces(*s).empty(); };
    return !f.appId && !set(f.claims) && !f.protocol && !set(f.localPortRanges) &&
           !set(f.remotePortRanges) && !set(f.localAddressRanges);
}

} // namespace

bool isOutbound(const TrafficFilter& filter) {
    return !filter.direction || filter.direction->value != FilterDirection::Inbound;
}

void RouteCoverage::add(const TrafficFilter& filter, std::size_t index,
                        const std::vector<AddressRange>& remote) {
    ++outbound_;
    for (const AddressRange& r : remote) {
        const bool prefix = r.kind == AddressRangeKind::Prefix;
        spans_.emplace_back(ipKey(prefix ? networkAddress(r.first, r.prefixLength) : r.first),
                            ipKey(r.last));
    }
    if (!first_) first_ = index;
    if (!open_ && restrictedOnlyByRemote(filter)) open_ = index;
}

void RouteCoverage::absorb(RouteCoverage&& later) {
    spans_.insert(spans_.end(), later.spans_.begin(), later.spans_.end()); // outside() sorts
    all_ = all_ || later.all_;
    unknown_ = unknown_ || later.unknown_;
    outbound_ += later.outbound_;
    if (!first_) first_ = later.first_;
    if (!open_) open_ = later.open_;
}

std::vector<RouteOutsideFilters>
RouteCoverage::outside(const Profile& p, const std::vector<validation::ParsedRoute>& routes) {
    std::vector<RouteOutsideFilters> out;
    if (all_ || unknown_ || outbound_ == 0) return out;
    merge(spans_);
    const std::optional<std::size_t> offer = open_ ? open_ : first_;
    for (const validation::ParsedRoute& r : routes) {
        if (validation::isTrue(p.routes[r.index].exclusionRoute)) continue;
        const int length = r.prefix.length;
        const IpAddress first = networkAddress(r.prefix.address, length);
        if (!touches(spans_, ipKey(first), ipKey(lastAddress(r.prefix.address, length))))
            out.push_back({r.index, {first, length}, offer});
    }
    return out;
}

} // namespace detail

std::vector<RouteOutsideFilters> routesOutsideFilters(const Profile& profile) {
    detail::RouteCoverage cover;
    for (std::size_t i = 0; i < profile.trafficFilters.size(); ++i) {
        const TrafficFilter& f = profile.trafficFilters[i];
        if (!detail::isOutbound(f)) continue;
        const std::string_view text = validation::textOf(f.remoteAddressRanges);
        if (trimSpaces(text).empty()) {
            cover.matchAll();
            continue;
        }
        auto parsed = parseAddressRanges(text);
        if (parsed.ok)
            cover.add(f, i, parsed.value);
        else
            cover.unknown();
    }
    // The routes as the validator parses them (its findings are not wanted here).
    validation::Sink ignored;
    return cover.outside(profile, validation::checkRoutes(profile, ignored).usable);
}

namespace {

std::string extend(Profile& profile, const RouteOutsideFilters& o) {
    std::string& ranges = *profile.trafficFilters[*o.filter].remoteAddressRanges;
    const std::string prefix = formatPrefix(o.prefix);
    ranges += "," + prefix;
    return fmt::format("Added {} (route {}) to TrafficFilter {}'s RemoteAddressRanges: with "
                       "traffic filters, Windows passes only the traffic they match.",
                       prefix, o.route + 1, *o.filter + 1);
}

} // namespace

std::optional<std::string> addRouteToFilters(Profile& profile, std::size_t route) {
    for (const RouteOutsideFilters& o : routesOutsideFilters(profile))
        if (o.route == route && o.filter) return extend(profile, o);
    return std::nullopt;
}

std::vector<std::string> addRoutesToFilters(Profile& profile) {
    std::vector<std::string> changes;
    for (const RouteOutsideFilters& o : routesOutsideFilters(profile))
        if (o.filter) changes.push_back(extend(profile, o));
    return changes;
}

} // namespace aovpn
