#include "model/crypto_presets.hpp"

#include <array>

namespace aovpn {
namespace {

// The Azure preset takes, in each of Azure's "A (or B)" choices (DOMAIN.md), the value every
// Windows 10/11 build and both Azure and RRAS accept: IKE AES256 + SHA256 is the pair an Azure
// gateway picks itself from Windows' no-suite offer, here with Group14 (MODP-2048) instead of
// DH group 2; ESP GCMAES256 is the only AEAD cipher Azure's default accepts; PFS2048 renews
// child keys with the same group. Nothing 128-bit: Azure's default refuses it (13868).
constexpr std::array kPresets{
    CryptoPresetInfo{CryptoPreset::AzureDefault, "Azure VPN Gateway (default policy)",
                     "GCMAES256 / GCMAES256 / PFS2048 / Group14 / SHA256 / AES256",
                     "inside Azure's default P2S policy in both phases (IKE: AES256, SHA256, "
                     "Group14; ESP: GCMAES256, PFS2048) and accepted by RRAS; no 128-bit value, "
                     "which Azure's default refuses with 13868"},
    CryptoPresetInfo{CryptoPreset::RrasBaseline, "RRAS / Windows Server baseline",
                     "GCMAES128 / GCMAES128 / ECP256 / Group14 / SHA256 / AES_GCM_128",
                     "the widely copied baseline, for an RRAS server configured with the same "
                     "custom policy (Set-VpnServerConfiguration -CustomPolicy); FAILS against "
                     "Azure's default policy (128-bit, error 13868)"},
    CryptoPresetInfo{CryptoPreset::Strong, "Strong (AES-256-GCM, P-384)",
                     "GCMAES256 / GCMAES256 / ECP384 / ECP384 / SHA384 / AES_GCM_256",
                     "256-bit AES-GCM in both phases with NIST P-384; inside Azure's default "
                     "policy, and for RRAS or other gateways configured to match"},
    CryptoPresetInfo{CryptoPreset::WindowsDefault, "Windows default (not set)",
                     "no CryptographySuite",
                     "Windows offers 3DES and AES (AES-GCM on Windows 11) with SHA-1/SHA-256/"
                     "SHA-384 but only DH group 2 (MODP-1024); the server picks (RRAS: 3DES/SHA-1, "
                     "Azure: AES256/SHA256): weak"},
};

CryptographySuite suite(AuthTransform auth, CipherTransform cipher, PfsGroup pfs, DhGroup dh,
                        IntegrityCheck integrity, EncryptionMethod encryption) {
    CryptographySuite s;
    s.authenticationTransformConstants = auth;
    s.cipherTransformConstants = cipher;
    s.pfsGroup = pfs;
    s.dhGroup = dh;
    s.integrityCheckMethod = integrity;
    s.encryptionMethod = encryption;
    return s;
}

} // namespace

std::span<const CryptoPresetInfo> cryptoPresets() {
    return kPresets;
}

const CryptoPresetInfo& cryptoPresetInfo(CryptoPreset preset) {
    for (const CryptoPresetInfo& info : kPresets)
        if (info.id == preset) return info;
    return kPresets.back();
}

std::optional<CryptographySuite> makeCryptoSuite(CryptoPreset preset) {
    switch (preset) {
    case CryptoPreset::AzureDefault:
        return suite(AuthTransform::GCMAES256, CipherTransform::GCMAES256, PfsGroup::PFS2048,
                     DhGroup::Group14, IntegrityCheck::SHA256, EncryptionMethod::AES256);
    case CryptoPreset::RrasBaseline:
        return suite(AuthTransform::GCMAES128, CipherTransform::GCMAES128, PfsGroup::ECP256,
                     DhGroup::Group14, IntegrityCheck::SHA256, EncryptionMethod::AES_GCM_128);
    case CryptoPreset::Strong:
        return suite(AuthTransform::GCMAES256, CipherTransform::GCMAES256, PfsGroup::ECP384,
                     DhGroup::ECP384, IntegrityCheck::SHA384, EncryptionMethod::AES_GCM_256);
    case CryptoPreset::WindowsDefault:
        break;
    }
    return std::nullopt;
}

std::optional<CryptoPreset> matchingPreset(const std::optional<CryptographySuite>& s) {
    if (!s) return CryptoPreset::WindowsDefault;
    for (const CryptoPresetInfo& info : kPresets) {
        const std::optional<CryptographySuite> candidate = makeCryptoSuite(info.id);
        if (candidate && *candidate == *s) return info.id;
    }
    return std::nullopt;
}

} // namespace aovpn
