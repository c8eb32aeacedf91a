#pragma once
// Starting points (File > New). Built from typed values, so they always match what the writer
// emits. The crypto presets are model data (model/crypto_presets.hpp).
#include "model/crypto_presets.hpp"
#include "model/profile.hpp"

#include <span>
#include <string_view>

namespace aovpn::ui {

enum class Template { AzureUserTunnel, UserTunnel, DeviceTunnel };

struct TemplateInfo {
    Template id;
    std::string_view title;
};
std::span<const TemplateInfo> templates();
Profile makeTemplate(Template id);

// What a user tunnel has that a device tunnel may not: kept aside while a device tunnel is shown
// and put back on the way back, so the switch loses nothing the user typed (issue 8 §2).
struct UserTunnelAside {
    std::optional<Authentication> authentication;
    std::optional<bool> rememberCredentials;
    std::optional<Known<NativeProtocol>> nativeProtocolType;
    std::optional<Known<RoutingPolicy>> routingPolicyType;
};

// Switches between user and device tunnel, fixing what the device tunnel requires (IKEv2,
// machine certificate, split tunnel). With `aside`, the user-tunnel settings go there on the way
// to a device tunnel and come back from there; without it (or with nothing kept) a user tunnel
// gets EAP-TLS defaults.
void setDeviceTunnel(Profile& profile, bool device,
                     std::optional<UserTunnelAside>* aside = nullptr);

} // namespace aovpn::ui
