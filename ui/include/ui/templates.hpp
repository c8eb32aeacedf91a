#pragma once
// Starting points (File > New) and crypto presets. Built from typed values, so they always match
// what the writer emits.
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

enum class CryptoPreset { WindowsDefault, Recommended, Strong };
struct CryptoPresetInfo {
    CryptoPreset id;
    std::string_view title;
    std::string_view note;
};
std::span<const CryptoPresetInfo> cryptoPresets();
// The suite for a preset; nullopt for the Windows default (no element: Windows proposes
// 3DES/SHA-1/DH2, which the validator flags as weak).
std::optional<CryptographySuite> makeCryptoSuite(CryptoPreset preset);

// Switches between user and device tunnel, fixing what the device tunnel requires (IKEv2,
// machine certificate, split tunnel) and giving user tunnels EAP-TLS back.
void setDeviceTunnel(Profile& profile, bool device);

} // namespace aovpn::ui
