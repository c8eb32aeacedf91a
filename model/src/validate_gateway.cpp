// Rules that need what the document knows about the gateway beyond the ProfileXML.
#include "model/gateway_info.hpp"

#include "validate_internal.hpp"

namespace aovpn::validation {

void checkClientPool(const Profile& profile, const GatewayInfo& gateway, Sink& sink) {
    if (gateway.clientAddressPools.empty()) return;
    for (std::size_t i = 0; i < profile.routes.size(); ++i) {
        const Route& r = profile.routes[i];
        if (!r.address || !r.prefixSize) continue;
        const ParseResult<IpAddress> address = parseIp(trimSpaces(*r.address));
        if (!address.ok || static_cast<int>(*r.prefixSize) > address.value.bitCount()) continue;
        const IpPrefix route{address.value, static_cast<int>(*r.prefixSize)};
        for (const IpPrefix& pool : gateway.clientAddressPools) {
            if (!prefixesOverlap(route, pool)) continue;
            sink.add("route.client-pool", indexed("Route", i, "Address"),
                     fmt::format("Route {} overlaps the VPN client address pool {}: those are "
                                 "the addresses the gateway gives VPN clients (this one's own "
                                 "tunnel address among them), not the network behind it.",
                                 formatPrefix(route), formatPrefix(pool)),
                     fmt::format("Narrow the route so it leaves {} out, or check the gateway's "
                                 "address pool (Azure: Point-to-site configuration).",
                                 formatPrefix(pool)));
            break;
        }
    }
}

} // namespace aovpn::validation
