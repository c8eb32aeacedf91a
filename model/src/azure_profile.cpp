// The Azure user tunnel the template and the package import share.
#include "model/azure_package.hpp"
#include "model/crypto_presets.hpp"

namespace aovpn {

Profile azureUserTunnel(std::string server) {
    Profile p;
    p.profileName = "Azure VPN";
    p.alwaysOn = true;
    p.rememberCredentials = true;
    p.registerDns = true;
    NativeProfile np;
    np.servers = {VpnServer{std::move(server), {}}};
    np.nativeProtocolType = NativeProtocol::IKEv2;
    np.routingPolicyType = RoutingPolicy::SplitTunnel;
    np.disableClassBasedDefaultRoute = true;
    // Strong and inside Azure's default P2S policy (the seed had no suite: DH group 2).
    np.cryptographySuite = makeCryptoSuite(CryptoPreset::AzureDefault);
    Authentication auth;
    auth.userMethod = UserMethod::Eap;
    auth.eap = defaultUserTunnelEapTls();
    // The seed switches server validation off; the default has it on, here for the gateway's own
    // name (its certificate carries it). The root comes from the package's VpnServerRoot.cer (the
    // import) or Server validation > Trusted root CA; the certificate filter from the user's pick.
    EapTlsSettings& tls = auth.eap->tls;
    tls.acceptServerName = true;
    tls.serverValidation->serverNames = np.servers.front().fqdn;
    np.authentication = std::move(auth);
    p.nativeProfile = std::move(np);
    return p;
}

} // namespace aovpn
