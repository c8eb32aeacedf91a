// The entry point; the checks live in validate_<area>.cpp, the rule catalogue in rules.cpp.
#include "model/validate.hpp"

#include "model/gateway_info.hpp"

#include "validate_internal.hpp"

#include <algorithm>

namespace aovpn {
namespace validation {

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
    validation::Sink sink;
    validation::checkGeneral(profile, sink);
    validation::checkServersAndDns(profile, sink);
    const validation::ParsedRoutes routes = validation::checkRoutes(profile, sink);
    validation::checkClientPool(profile, gateway, sink);
    validation::checkFilters(profile, routes, sink);
    validation::checkAuthentication(profile, sink);
    validation::checkCryptography(profile, gateway, sink);
    validation::checkDeviceTunnel(profile, sink);
    return sink.take();
}

bool hasErrors(const std::vector<Issue>& issues) {
    return countIssues(issues, Severity::Error) > 0;
}

std::size_t countIssues(const std::vector<Issue>& issues, Severity severity) {
    return static_cast<std::size_t>(std::count_if(
        issues.begin(), issues.end(), [&](const Issue& i) { return i.severity == severity; }));
}

} // namespace aovpn
