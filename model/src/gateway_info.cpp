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

ParseResult<std::vector<IpPrefix>> parseClientPools(std::string_view text) {
    std::vector<IpPrefix> pools;
    if (trimSpaces(text).empty()) return ParseResult<std::vector<IpPrefix>>::success(pools);
    for (std::string_view item : splitList(text, ',')) {
        const ParseResult<IpPrefix> prefix = parsePrefix(item);
        if (!prefix.ok) return ParseResult<std::vector<IpPrefix>>::failure(prefix.error);
        pools.push_back(prefix.value);
    }
    return ParseResult<std::vector<IpPrefix>>::success(std::move(pools));
}

std::string formatClientPools(const std::vector<IpPrefix>& pools) {
    std::string out;
    for (const IpPrefix& p : pools)
        out += (out.empty() ? "" : ",") + formatPrefix(p);
    return out;
}

bool prefixesOverlap(const IpPrefix& a, const IpPrefix& b) {
    if (a.address.family != b.address.family) return false;
    const int shorter = std::min(a.length, b.length);
    return networkAddress(a.address, shorter) == networkAddress(b.address, shorter);
}

} // namespace aovpn
