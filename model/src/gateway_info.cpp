#include "model/gateway_info.hpp"

#include <algorithm>

namespace aovpn {

const GatewayPolicy* applicablePolicy(const Profile& profile, const GatewayInfo& gateway) {
    if (gateway.declaredPolicy) return &*gateway.declaredPolicy;
    if (!profile.nativeProfile) return nullptr;
    const auto& servers = profile.nativeProfile->servers;
    const bool azure = std::any_of(servers.begin(), servers.end(), [](const VpnServer& s) {
        return isAzureHost(trimSpaces(s.fqdn));
    });
    return azure ? &azureDefaultPolicy() : nullptr;
}

bool prefixesOverlap(const IpPrefix& a, const IpPrefix& b) {
    if (a.address.family != b.address.family) return false;
    const int shorter = std::min(a.length, b.length);
    return networkAddress(a.address, shorter) == networkAddress(b.address, shorter);
}

} // namespace aovpn
