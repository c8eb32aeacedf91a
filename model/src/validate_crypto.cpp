// IKEv2 CryptographySuite rules: present, complete, and free of weak algorithms.
#include "validate_internal.hpp"

#include <algorithm>
#include <array>

namespace aovpn::validation {
namespace {

const std::string kSuite = "NativeProfile/CryptographySuite";

template <typename E, std::size_t N>
void weakIf(Sink& sink, const std::optional<Known<E>>& k, const std::array<E, N>& weak,
            std::string_view element, std::string_view better) {
    if (!k) return;
    for (E w : weak) {
        if (k->value != w) continue;
        sink.add("crypto.weak", fmt::format("{}/{}", kSuite, element),
                 fmt::format("{} {} is weak and should not be used.", element, toText(*k)),
                 fmt::format("Use {} (the server must match, or the connection fails with "
                             "error 13868).",
                             better));
        return;
    }
}

void checkWeak(const CryptographySuite& c, Sink& sink) {
    weakIf(sink, c.authenticationTransformConstants,
           std::array{AuthTransform::MD596, AuthTransform::SHA196, AuthTransform::None},
           "AuthenticationTransformConstants", "GCMAES128 or SHA256128");
    weakIf(sink, c.cipherTransformConstants,
           std::array{CipherTransform::DES, CipherTransform::DES3, CipherTransform::None},
           "CipherTransformConstants", "GCMAES128 or AES256");
    weakIf(sink, c.pfsGroup, std::array{PfsGroup::PFS1, PfsGroup::PFS2}, "PfsGroup",
           "ECP256 or PFS2048");
    weakIf(sink, c.dhGroup, std::array{DhGroup::None, DhGroup::Group1, DhGroup::Group2}, "DHGroup",
           "Group14 or ECP256");
    weakIf(sink, c.integrityCheckMethod, std::array{IntegrityCheck::MD5, IntegrityCheck::SHA196},
           "IntegrityCheckMethod", "SHA256");
    weakIf(sink, c.encryptionMethod, std::array{EncryptionMethod::DES, EncryptionMethod::DES3},
           "EncryptionMethod", "AES_GCM_128 or AES256");
}

void checkComplete(const CryptographySuite& c, Sink& sink) {
    const std::array<std::pair<bool, std::string_view>, 6> parts{{
        {c.authenticationTransformConstants.has_value(), "AuthenticationTransformConstants"},
        {c.cipherTransformConstants.has_value(), "CipherTransformConstants"},
        {c.pfsGroup.has_value(), "PfsGroup"},
        {c.dhGroup.has_value(), "DHGroup"},
        {c.integrityCheckMethod.has_value(), "IntegrityCheckMethod"},
        {c.encryptionMethod.has_value(), "EncryptionMethod"},
    }};
    for (const auto& [present, name] : parts) {
        if (present) continue;
        sink.add(
            "crypto.incomplete", fmt::format("{}/{}", kSuite, name),
            fmt::format("The CryptographySuite has no {}; a partial suite leaves Windows to fill "
                        "in values the server may not accept.",
                        name),
            "Set all six, matching the server (e.g. GCMAES128 / GCMAES128 / ECP256 / "
            "Group14 / SHA256 / AES_GCM_128).");
        return;
    }
}

bool listsIkev2(const std::optional<ProtocolList>& list) {
    if (!list) return false;
    return std::any_of(
        list->protocols.begin(), list->protocols.end(),
        [](const Known<NativeProtocol>& p) { return p.value == NativeProtocol::IKEv2; });
}

} // namespace

void checkCryptography(const Profile& profile, Sink& sink) {
    if (!profile.nativeProfile) return;
    const NativeProfile& np = *profile.nativeProfile;
    const bool ikev2 =
        is(np.nativeProtocolType, NativeProtocol::IKEv2) ||
        is(np.nativeProtocolType, NativeProtocol::Automatic) ||
        (is(np.nativeProtocolType, NativeProtocol::ProtocolList) && listsIkev2(np.protocolList));
    if (!np.cryptographySuite) {
        if (ikev2)
            sink.add("crypto.missing", kSuite,
                     "IKEv2 without a CryptographySuite: Windows then proposes 3DES, SHA-1 and "
                     "DH group 2, which are weak.",
                     "Add a CryptographySuite matching the server, e.g. GCMAES128 / GCMAES128 "
                     "/ ECP256 / Group14 / SHA256 / AES_GCM_128.");
        return;
    }
    checkComplete(*np.cryptographySuite, sink);
    checkWeak(*np.cryptographySuite, sink);
}

} // namespace aovpn::validation
