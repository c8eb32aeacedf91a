// The entry point; the checks live in validate_<area>.cpp, the rule catalogue in rules.cpp.
#include "model/validate.hpp"

#include "model/gateway_info.hpp"

#include "cores.hpp"
#include "route_coverage.hpp"
#include "second_thread.hpp"
#include "validate_internal.hpp"

#include <algorithm>
#include <iterator>

namespace aovpn {
namespace validation {

void Sink::append(Sink&& later) {
    issues_.insert(issues_.end(), std::make_move_iterator(later.issues_.begin()),
                   std::make_move_iterator(later.issues_.end()));
}

namespace {
// How many of the filters this thread checks when the others go to a second one. It also
// checks everything else, the routes most of all (a route costs about 0.4 of a filter), so it
// takes fewer than half: 10,000 routes + 10,000 filters were checked in 1.5 ms on this thread
// while the other took 0.8 ms for its 5,000 filters.
std::size_t firstThreadFilters(std::size_t filters, std::size_t routes) {
    const std::size_t rest = routes / 5 * 2; // in filters
    return rest >= filters ? 0 : (filters - rest) / 2;
}
} // namespace

// In the order the findings are listed. With many traffic filters, the later ones are checked
// on another thread meanwhile (their findings and coverage joined in after the earlier ones'),
// since they are most of the work: 10,000 filters on every edit.
std::vector<Issue> validate(const Profile& profile, const GatewayInfo& gateway,
                            std::size_t splitFiltersFrom) {
    const std::size_t filters = profile.trafficFilters.size();
    std::size_t here = filters >= splitFiltersFrom && coreCount() >= 2
                           ? firstThreadFilters(filters, profile.routes.size())
                           : filters;
    Sink sink, later;
    detail::RouteCoverage cover, laterCover;
    ParsedRoutes routes;
    const auto mine = [&] {
        checkGeneral(profile, sink);
        checkServersAndDns(profile, sink);
        routes = checkRoutes(profile, sink);
        checkClientPool(profile, gateway, sink);
        checkFilterRange(profile, 0, here, sink, cover);
    };
    const auto theirs = [&] { checkFilterRange(profile, here, filters, later, laterCover); };
    if (here == filters || !alongside(theirs, mine)) { // no second thread: all on this one
        here = filters;
        mine();
    }
    sink.append(std::move(later));
    cover.absorb(std::move(laterCover));
    checkFiltersAndRoutes(profile, routes, cover, sink);
    checkAuthentication(profile, sink);
    checkCryptography(profile, gateway, sink);
    checkDeviceTunnel(profile, sink);
    return sink.take();
}

void Sink::add(std::string_view rule, std::string field, std::string message, std::string hint) {
    // An unknown id is a programming error; report it as an Error so tests catch it.
    const RuleInfo* info = findRule(rule);
    const Severity severity = info ? info->severity : Severity::Error;
    issues_.push_back(
        {severity, std::string(rule), std::move(field), std::move(message), std::move(hint)});
}

} // namespace validation

std::vector<Issue> validateProfile(const Profile& profile) {
    return validateProfile(profile, GatewayInfo{});
}

std::vector<Issue> validateProfile(const Profile& profile, const GatewayInfo& gateway) {
    return validation::validate(profile, gateway, validation::kSplitFiltersFrom);
}

bool hasErrors(const std::vector<Issue>& issues) {
    return countIssues(issues, Severity::Error) > 0;
}

std::size_t countIssues(const std::vector<Issue>& issues, Severity severity) {
    return static_cast<std::size_t>(std::count_if(
        issues.begin(), issues.end(), [&](const Issue& i) { return i.severity == severity; }));
}

} // namespace aovpn
