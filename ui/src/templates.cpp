#include "ui/templates.hpp"

#include "model/azure_package.hpp"

#include <array>

namespace aovpn::ui {

namespace {

constexpr std::array kTemplates{
    TemplateInfo{Template::AzureUserTunnel, "Azure VPN gateway - user tunnel"},
    TemplateInfo{Template::UserTunnel, "User tunnel (EAP-TLS)"},
    TemplateInfo{Template::DeviceTunnel, "Device tunnel (machine certificate)"},
};

Route hostRoute(std::string address) {
    Route r;
    r.address = std::move(address);
    r.prefixSize = 32;
    return r;
}

// What every template starts from: one server, IKEv2, split tunnel, no class-based route.
NativeProfile ikev2SplitTunnel(std::string server) {
    NativeProfile np;
    np.servers = {VpnServer{std::move(server), {}}};
    np.nativeProtocolType = NativeProtocol::IKEv2;
    np.routingPolicyType = RoutingPolicy::SplitTunnel;
    np.disableClassBasedDefaultRoute = true;
    return np;
}

Authentication userEapTls() {
    Authentication auth;
    auth.userMethod = UserMethod::Eap;
    auth.eap = defaultUserTunnelEapTls();
    return auth;
}

// The seed's Azure P2S user tunnel (reference/profiles/seed_azure_user_tunnel.xml), made safe:
// the model's Azure user tunnel (the package import's too) with the seed's sample routes.
Profile azureUserTunnel() {
    Profile p = aovpn::azureUserTunnel(
        "azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.com");
    p.routes = {hostRoute("192.168.3.5"), hostRoute("192.168.3.4")};
    TrafficFilter f;
    f.remoteAddressRanges = "192.168.3.4, 192.168.3.5";
    p.trafficFilters = {f};
    return p;
}

Profile userTunnel() {
    Profile p;
    p.profileName = "Contoso VPN";
    p.alwaysOn = true;
    p.rememberCredentials = true;
    p.registerDns = true;
    NativeProfile np = ikev2SplitTunnel("vpn.contoso.com");
    np.cryptographySuite = makeCryptoSuite(CryptoPreset::RrasBaseline);
    np.authentication = userEapTls(); // server validation on (defaultUserTunnelEapTls)
    p.nativeProfile = std::move(np);
    return p;
}

Profile deviceTunnel() {
    Profile p;
    p.profileName = "Contoso Device Tunnel";
    p.alwaysOn = true;
    p.deviceTunnel = true;
    NativeProfile np = ikev2SplitTunnel("vpn.contoso.com");
    np.cryptographySuite = makeCryptoSuite(CryptoPreset::RrasBaseline);
    Authentication auth;
    auth.machineMethod = MachineMethod::Certificate;
    np.authentication = std::move(auth);
    p.nativeProfile = std::move(np);
    return p;
}

} // namespace

std::span<const TemplateInfo> templates() {
    return kTemplates;
}

Profile makeTemplate(Template id) {
    switch (id) {
    case Template::AzureUserTunnel:
        return azureUserTunnel();
    case Template::UserTunnel:
        return userTunnel();
    case Template::DeviceTunnel:
        break;
    }
    return deviceTunnel();
}

void setDeviceTunnel(Profile& profile, bool device, std::optional<UserTunnelAside>* aside) {
    NativeProfile& np =
        profile.nativeProfile ? *profile.nativeProfile : profile.nativeProfile.emplace();
    Authentication& auth = np.authentication ? *np.authentication : np.authentication.emplace();
    if (device) {
        if (aside)
            *aside = UserTunnelAside{auth, profile.rememberCredentials, np.nativeProtocolType,
                                     np.routingPolicyType};
        profile.deviceTunnel = true;
        np.nativeProtocolType = NativeProtocol::IKEv2;
        np.routingPolicyType = RoutingPolicy::SplitTunnel;
        auth.userMethod.reset();
        auth.eap.reset();
        auth.machineMethod = MachineMethod::Certificate;
        // Remember credentials is a user-tunnel notion.
        profile.rememberCredentials.reset();
    } else if (aside && *aside) {
        profile.deviceTunnel.reset();
        UserTunnelAside& kept = **aside;
        auth = kept.authentication.value_or(Authentication{});
        profile.rememberCredentials = kept.rememberCredentials;
        np.nativeProtocolType = kept.nativeProtocolType;
        np.routingPolicyType = kept.routingPolicyType;
        aside->reset();
    } else {
        profile.deviceTunnel.reset();
        auth.machineMethod.reset();
        auth.userMethod = UserMethod::Eap;
        if (!auth.eap) auth.eap = defaultUserTunnelEapTls();
    }
}

} // namespace aovpn::ui
