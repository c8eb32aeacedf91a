#include "ui/templates.hpp"

#include <array>

namespace aovpn::ui {

namespace {

constexpr std::array kTemplates{
    TemplateInfo{Template::AzureUserTunnel, "Azure VPN gateway - user tunnel"},
    TemplateInfo{Template::UserTunnel, "User tunnel (EAP-TLS)"},
    TemplateInfo{Template::DeviceTunnel, "Device tunnel (machine certificate)"},
};

constexpr std::array kPresets{
    CryptoPresetInfo{CryptoPreset::WindowsDefault, "Windows default",
                     "weak: Windows proposes 3DES / SHA-1 / DH group 2"},
    CryptoPresetInfo{CryptoPreset::Recommended, "Recommended baseline",
                     "GCMAES128 / GCMAES128 / ECP256 / Group14 / SHA256 / AES_GCM_128"},
    CryptoPresetInfo{CryptoPreset::Strong, "Strong",
                     "GCMAES256 / GCMAES256 / ECP384 / ECP384 / SHA384 / AES_GCM_256"},
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

// The seed's Azure P2S user tunnel (reference/profiles/seed_azure_user_tunnel.xml).
Profile azureUserTunnel() {
    Profile p;
    p.profileName = "Azure VPN";
    p.alwaysOn = true;
    p.rememberCredentials = true;
    p.registerDns = true;
    NativeProfile np = ikev2SplitTunnel(
        "azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.com");
    np.authentication = userEapTls();
    p.nativeProfile = std::move(np);
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
    np.cryptographySuite = makeCryptoSuite(CryptoPreset::Recommended);
    Authentication auth = userEapTls();
    auth.eap->tls.performServerValidation = true;
    np.authentication = std::move(auth);
    p.nativeProfile = std::move(np);
    return p;
}

Profile deviceTunnel() {
    Profile p;
    p.profileName = "Contoso Device Tunnel";
    p.alwaysOn = true;
    p.deviceTunnel = true;
    NativeProfile np = ikev2SplitTunnel("vpn.contoso.com");
    np.cryptographySuite = makeCryptoSuite(CryptoPreset::Recommended);
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

std::span<const CryptoPresetInfo> cryptoPresets() {
    return kPresets;
}

std::optional<CryptographySuite> makeCryptoSuite(CryptoPreset preset) {
    CryptographySuite s;
    switch (preset) {
    case CryptoPreset::WindowsDefault:
        return std::nullopt;
    case CryptoPreset::Recommended:
        s.authenticationTransformConstants = AuthTransform::GCMAES128;
        s.cipherTransformConstants = CipherTransform::GCMAES128;
        s.pfsGroup = PfsGroup::ECP256;
        s.dhGroup = DhGroup::Group14;
        s.integrityCheckMethod = IntegrityCheck::SHA256;
        s.encryptionMethod = EncryptionMethod::AES_GCM_128;
        return s;
    case CryptoPreset::Strong:
        break;
    }
    s.authenticationTransformConstants = AuthTransform::GCMAES256;
    s.cipherTransformConstants = CipherTransform::GCMAES256;
    s.pfsGroup = PfsGroup::ECP384;
    s.dhGroup = DhGroup::ECP384;
    s.integrityCheckMethod = IntegrityCheck::SHA384;
    s.encryptionMethod = EncryptionMethod::AES_GCM_256;
    return s;
}

void setDeviceTunnel(Profile& profile, bool device) {
    NativeProfile& np =
        profile.nativeProfile ? *profile.nativeProfile : profile.nativeProfile.emplace();
    Authentication& auth = np.authentication ? *np.authentication : np.authentication.emplace();
    if (device) {
        profile.deviceTunnel = true;
        np.nativeProtocolType = NativeProtocol::IKEv2;
        np.routingPolicyType = RoutingPolicy::SplitTunnel;
        auth.userMethod.reset();
        auth.eap.reset();
        auth.machineMethod = MachineMethod::Certificate;
        // Remember credentials is a user-tunnel notion.
        profile.rememberCredentials.reset();
    } else {
        profile.deviceTunnel.reset();
        auth.machineMethod.reset();
        auth.userMethod = UserMethod::Eap;
        if (!auth.eap) auth.eap = defaultUserTunnelEapTls();
    }
}

} // namespace aovpn::ui
