#pragma once
// Named CryptographySuite presets, as data the UI, the templates and the CLI share.
// Each preset says which gateways accept it; see reference/DOMAIN.md ("CryptographySuite values",
// "Azure VPN Gateway default P2S policy").
#include "model/profile.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace aovpn {

enum class CryptoPreset { AzureDefault, RrasBaseline, Strong, WindowsDefault };

struct CryptoPresetInfo {
    CryptoPreset id;
    std::string_view title;  // shown on the button
    std::string_view values; // the six values, or what Windows does without them
    std::string_view note;   // which gateways accept it, and why it is built so
};

// In the order the UI offers them (Azure first: most profiles point at an Azure gateway).
std::span<const CryptoPresetInfo> cryptoPresets();
const CryptoPresetInfo& cryptoPresetInfo(CryptoPreset preset);

// The suite for a preset; nullopt for the Windows default (no CryptographySuite element).
std::optional<CryptographySuite> makeCryptoSuite(CryptoPreset preset);

// The preset a profile's suite is: WindowsDefault for no suite, nullopt for a suite that
// matches no preset exactly.
std::optional<CryptoPreset> matchingPreset(const std::optional<CryptographySuite>& suite);

} // namespace aovpn
