// The entry point; the checks live in validate_<area>.cpp, the rule catalogue in rules.cpp.
#include "model/validate.hpp"

#include "model/gateway_info.hpp"

#include "cores.hpp"
#include "route_coverage.hpp"
#include "validate_internal.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <optional>
#include <system_error>
#include <thread>

namespace aovpn {
namespace validation {

void Sink::append(Sink&& later) {
    issues_.insert(issues_.end(), std::make_move_iterator(later.issues_.begin()),
                   std::make_move_iterator(later.issues_.end()));
}

// In the order the findings are listed. With many traffic filters, the second half of them is
// checked on another thread meanwhile (its findings and coverage joined in after the first
// half's), since they are most of the work: 10,000 filters on every edit.
std::vector<Issue> validate(const Profile& profile, const GatewayInfo& gateway,
                            std::size_t splitFiltersFrom) {
    const std::size_t filters = profile.trafficFilters.size();
    std::size_t half = filters >= splitFiltersFrom && coreCount() >= 2 ? filters / 2 : filters;
    Sink sink, later;
    detail::RouteCoverage cover, laterCover;
    std::exception_ptr failure;
    std::optional<std::jthread> worker;
    if (half < filters) {
        try {
            worker.emplace([&] {
                try {
                    checkFilterRange(profile, half, filters, later, laterCover);
                } catch (...) {
                    failure = std::current_exception();
                }
            });
        } catch (const std::system_error&) { // no thread to be had: all on this one
            half = filters;
        }
    }
    checkGeneral(profile, sink);
    checkServersAndDns(profile, sink);
    const ParsedRoutes routes = checkRoutes(profile, sink);
    checkClientPool(profile, gateway, sink);
    checkFilterRange(profile, 0, half, sink, cover);
    worker.reset(); // joined
    if (failure) std::rethrow_exception(failure);
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
