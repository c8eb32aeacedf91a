#pragma once
// What the document knows about the gateway beyond the ProfileXML: a custom IPsec policy the
// admin declared, and the VPN client address pool from an Azure import. Kept beside the profile
// (never written into it) and handed to the validator.
#include "model/gateway_policy.hpp"
#include "model/net.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn {

struct GatewayInfo {
    // Declared by the admin: the gateway accepts only this (Set-AzVpnClientIpsecParameter,
    // RRAS -CustomPolicy). Absent: an Azure server is assumed to run Azure's default policy.
    std::optional<GatewayPolicy> declaredPolicy;
    // VpnClientAddressPool of an imported Azure package: the addresses the gateway gives clients.
    std::vector<IpPrefix> clientAddressPools;
    bool operator==(const GatewayInfo&) const = default;
};

// The policy the profile's suite must fit: the declared one, else Azure's default when a
// server is an Azure gateway, else none (nullptr).
const GatewayPolicy* applicablePolicy(const Profile& profile, const GatewayInfo& gateway);

// The client address pools as the admin types them (the CLI's --client-pool, the UI's field):
// prefixes separated by commas, spaces allowed; empty text is no pool.
ParseResult<std::vector<IpPrefix>> parseClientPools(std::string_view text);
// The same list back as text ("172.16.201.0/24,fd00::/64").
std::string formatClientPools(const std::vector<IpPrefix>& pools);

// Whether two prefixes share an address (same family, one contains the other's network).
bool prefixesOverlap(const IpPrefix& a, const IpPrefix& b);

} // namespace aovpn
