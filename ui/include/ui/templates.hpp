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

// Switches between user and device tunnel, fixing what the device tunnel requires (IKEv2,
// machine certificate, split tunnel) and giving user tunnels EAP-TLS back.
void setDeviceTunnel(Profile& profile, bool device);

} // namespace aovpn::ui
