// --gateway-policy and --client-pool: what the admin knows about the gateway, for the validator.
#include "model/gateway_info.hpp"

#include "cli.hpp"

#include <fmt/format.h>

namespace aovpn::cli {

std::optional<GatewayInfo> gatewayFromArgs(const Args& args) {
    GatewayInfo gw;
    if (const auto text = args.value("--gateway-policy")) {
        ParseResult<GatewayPolicy> policy = parseAzureIpsecParameters(*text);
        if (!policy.ok) {
            fmt::print(stderr, "aovpn: --gateway-policy: {}\n", policy.error);
            return std::nullopt;
        }
        gw.declaredPolicy = std::move(policy.value);
    }
    if (const auto text = args.value("--client-pool")) {
        ParseResult<std::vector<IpPrefix>> pools = parseClientPools(*text);
        if (!pools.ok) {
            fmt::print(stderr, "aovpn: --client-pool: {}\n", pools.error);
            return std::nullopt;
        }
        gw.clientAddressPools = std::move(pools.value);
    }
    return gw;
}

} // namespace aovpn::cli
