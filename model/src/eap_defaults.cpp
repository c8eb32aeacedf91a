#include "model/eap.hpp"

namespace aovpn {

EapConfig defaultUserTunnelEapTls() {
    EapConfig config;
    config.kind = EapKind::Tls;
    config.tls.simpleCertSelection = true;
    config.tls.serverValidation = ServerValidation{
        .disableUserPromptForServerValidation = false, .serverNames = "", .trustedRootCAs = {}};
    config.tls.differentUsername = false;
    config.tls.performServerValidation = true; // the seed's false trusts any server (DOMAIN.md)
    config.tls.acceptServerName = false;
    return config;
}

} // namespace aovpn
