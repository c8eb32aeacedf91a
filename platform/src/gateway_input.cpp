// What Check gateway asks before any packet is sent (OS-independent, so ui sees it through
// platform_core; the probe itself is platform_probe).
#include "model/ike_offer.hpp"
#include "model/net.hpp"
#include "platform/gateway_check.hpp"

#include <algorithm>

namespace aovpn::platform {
namespace {

bool listHas(const NativeProfile& np, NativeProtocol p) {
    if (!np.protocolList) return false;
    const auto& l = np.protocolList->protocols;
    return std::any_of(l.begin(), l.end(),
                       [&](const Known<NativeProtocol>& k) { return k.value == p; });
}

bool protocolIs(const Profile& profile, NativeProtocol p) {
    if (!profile.nativeProfile) return false;
    const NativeProfile& np = *profile.nativeProfile;
    const auto& t = np.nativeProtocolType;
    return (t && (t->value == p || t->value == NativeProtocol::Automatic)) || listHas(np, p);
}

} // namespace

std::vector<std::string> gatewayServers(const Profile& profile, const GatewayCheckOptions& o) {
    if (o.server) return {*o.server};
    std::vector<std::string> out;
    if (!profile.nativeProfile) return out;
    for (const VpnServer& s : profile.nativeProfile->servers) {
        std::string fqdn(trimSpaces(s.fqdn));
        if (!fqdn.empty() && std::find(out.begin(), out.end(), fqdn) == out.end())
            out.push_back(std::move(fqdn));
    }
    return out;
}

bool usesIkev2(const Profile& profile) {
    return protocolIs(profile, NativeProtocol::IKEv2);
}

bool usesSstp(const Profile& profile) {
    return protocolIs(profile, NativeProtocol::SSTP);
}

std::string checkGatewayInput(const Profile& profile, const GatewayCheckOptions& o) {
    if (!profile.nativeProfile)
        return "The profile has no NativeProfile (a plug-in profile): there is no gateway to ask.";
    if (gatewayServers(profile, o).empty())
        return "The profile names no server (NativeProfile/Servers).";
    if (!usesIkev2(profile) && !usesSstp(profile))
        return "The profile uses neither IKEv2 nor SSTP (NativeProtocolType): nothing to check.";
    if (o.ikePort == 0 || o.sstpPort == 0) return "A port must be 1-65535.";
    if (o.timeout.count() < 100 || o.timeout > std::chrono::minutes(2))
        return "The timeout must be between 0.1 and 120 seconds.";
    if (usesIkev2(profile)) {
        const auto offer = ike::offerFor(profile.nativeProfile->cryptographySuite);
        if (!offer.ok) return offer.error;
    }
    return {};
}

} // namespace aovpn::platform
