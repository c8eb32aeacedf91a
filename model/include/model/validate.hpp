#pragma once
// Checks a Profile against what Windows accepts and what usually goes wrong in the field.
// Each finding names a stable rule id and a field path the UI maps to a widget:
//   "ProfileName", "DnsSuffix", "NativeProfile/Servers[0]",
//   "NativeProfile/CryptographySuite/DHGroup", "Route[3]/Address",
//   "TrafficFilter[1]/RemotePortRanges", "DomainNameInformation[0]/DomainName".
// Indexes in paths are 0-based positions in the Profile's vectors.
#include "model/profile.hpp"
#include "model/rules.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn {

struct GatewayInfo; // model/gateway_info.hpp

struct Issue {
    Severity severity = Severity::Error;
    std::string rule;    // stable id, e.g. "route.boundary"
    std::string field;   // stable path, see above
    std::string message; // what is wrong, one sentence
    std::string hint;    // what to do, may be empty
    bool operator==(const Issue&) const = default;
};

// All findings, in a stable order: general, routes, filters, authentication, device tunnel.
std::vector<Issue> validateProfile(const Profile& profile);
// The same, with what the document knows about the gateway (a declared custom policy, the VPN
// client address pool); the overload above passes an empty GatewayInfo.
std::vector<Issue> validateProfile(const Profile& profile, const GatewayInfo& gateway);

bool hasErrors(const std::vector<Issue>& issues);
std::size_t countIssues(const std::vector<Issue>& issues, Severity severity);

} // namespace aovpn
