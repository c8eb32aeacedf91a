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
    if (const auto pools = args.value("--client-pool")) {
        for (std::string_view item : splitList(*pools, ',')) {
            const ParseResult<IpPrefix> prefix = parsePrefix(item);
            if (!prefix.ok) {
                fmt::print(stderr, "aovpn: --client-pool: {}\n", prefix.error);
                return std::nullopt;
            }
            gw.clientAddressPools.push_back(prefix.value);
        }
    }
    return gw;
}

} // namespace aovpn::cli
