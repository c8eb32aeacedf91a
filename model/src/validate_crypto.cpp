// IKEv2 CryptographySuite rules: present, complete, free of weak algorithms, and inside the
// gateway's policy (Azure's default for an Azure server, or the policy the admin declared).
#include "model/crypto_presets.hpp"
#include "model/gateway_info.hpp"

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
           "AuthenticationTransformConstants", "GCMAES256 or SHA256128");
    weakIf(sink, c.cipherTransformConstants,
           std::array{CipherTransform::DES, CipherTransform::DES3, CipherTransform::None},
           "CipherTransformConstants", "GCMAES256 or AES256");
    weakIf(sink, c.pfsGroup, std::array{PfsGroup::PFS1, PfsGroup::PFS2}, "PfsGroup",
           "PFS2048 or ECP384");
    weakIf(sink, c.dhGroup, std::array{DhGroup::None, DhGroup::Group1, DhGroup::Group2}, "DHGroup",
           "Group14 or ECP384");
    weakIf(sink, c.integrityCheckMethod, std::array{IntegrityCheck::MD5, IntegrityCheck::SHA196},
           "IntegrityCheckMethod", "SHA256 or SHA384");
    weakIf(sink, c.encryptionMethod, std::array{EncryptionMethod::DES, EncryptionMethod::DES3},
           "EncryptionMethod", "AES256 or AES_GCM_256");
}

std::string azurePresetHint() {
    const CryptoPresetInfo& azure = cryptoPresetInfo(CryptoPreset::AzureDefault);
    return fmt::format("the \"{}\" preset ({})", azure.title, azure.values);
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
            fmt::format("Set all six, matching the server (for an Azure gateway {}).",
                        azurePresetHint()));
        return;
    }
}

std::string orList(const std::vector<std::string>& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
        out += values[i];
    }
    return out;
}

std::string mismatchHint(const SuiteMismatch& m, const GatewayPolicy& policy) {
    std::string change = fmt::format("set {} to {}", m.element, orList(m.accepted));
    for (std::string_view alt : m.alternatives)
        change += fmt::format(" (or change {} instead)", alt);
    if (policy.kind == GatewayPolicyKind::Custom)
        return fmt::format("Match the declared policy ({}): {}.", describePolicy(policy), change);
    return fmt::format("Apply {}, or {}. If the gateway has a custom IPsec policy "
                       "(Set-AzVpnClientIpsecParameter), declare it instead (Gateway policy in "
                       "the app, --gateway-policy in the CLI).",
                       azurePresetHint(), change);
}

void checkPolicy(const CryptographySuite& suite, const GatewayPolicy& policy, Sink& sink) {
    const bool azure = policy.kind == GatewayPolicyKind::AzureDefault;
    for (const SuiteMismatch& m : compareSuite(suite, policy)) {
        const std::string against = azure ? "against Azure's default policy"
                                          : "against the gateway's declared custom policy";
        const std::string context =
            m.alternatives.empty() ? std::string(phaseName(m.phase))
                                   : fmt::format("with the other {} values", phaseName(m.phase));
        sink.add(azure ? "crypto.azure-policy" : "crypto.custom-policy",
                 fmt::format("{}/{}", kSuite, m.element),
                 fmt::format("{} {} ({} phase) will fail with 13868 {}: it takes {} there.",
                             m.element, m.value, context, against, orList(m.accepted)),
                 mismatchHint(m, policy));
    }
}

// Without a suite Windows offers only DH group 2 for the IKE SA.
void checkDefaultAgainstDeclared(const GatewayPolicy& policy, Sink& sink) {
    const bool group2 =
        std::any_of(policy.ikeSa.begin(), policy.ikeSa.end(),
                    [](const IkeSaCombo& c) { return c.dhGroup == DhGroup::Group2; });
    if (group2 || policy.ikeSa.empty()) return;
    sink.add("crypto.custom-policy", kSuite,
             fmt::format("Without a CryptographySuite Windows offers only DH group 2, which the "
                         "gateway's declared custom policy does not take ({}): the connection "
                         "will fail with 13868.",
                         toText(policy.ikeSa.front().dhGroup)),
             fmt::format("Add a CryptographySuite matching the declared policy: {}.",
                         describePolicy(policy)));
}

bool usesIkev2(const NativeProfile& np) {
    if (is(np.nativeProtocolType, NativeProtocol::IKEv2) ||
        is(np.nativeProtocolType, NativeProtocol::Automatic))
        return true;
    if (!np.protocolList) return false;
    const auto& list = np.protocolList->protocols;
    return std::any_of(list.begin(), list.end(), [](const Known<NativeProtocol>& k) {
        return k.value == NativeProtocol::IKEv2;
    });
}

} // namespace

void checkCryptography(const Profile& profile, const GatewayInfo& gateway, Sink& sink) {
    if (!profile.nativeProfile) return;
    const NativeProfile& np = *profile.nativeProfile;
    const bool ikev2 = usesIkev2(np);
    const GatewayPolicy* policy = usesIkev2(np) ? applicablePolicy(profile, gateway) : nullptr;
    if (!np.cryptographySuite) {
        if (ikev2)
            sink.add("crypto.missing", kSuite,
                     "IKEv2 without a CryptographySuite: Windows offers several ciphers (3DES, "
                     "AES-128/192/256, and AES-GCM on Windows 11) with SHA-1, SHA-256 or SHA-384 "
                     "but only DH group 2 (MODP-1024), and the server picks: RRAS's defaults "
                     "pick 3DES/SHA-1, an Azure gateway AES256/SHA256.",
                     fmt::format("Add a CryptographySuite matching the server: {} for an "
                                 "Azure gateway, or the values of the server's policy.",
                                 azurePresetHint()));
        if (policy && policy->kind == GatewayPolicyKind::Custom)
            checkDefaultAgainstDeclared(*policy, sink);
        return;
    }
    checkComplete(*np.cryptographySuite, sink);
    checkWeak(*np.cryptographySuite, sink);
    if (policy) checkPolicy(*np.cryptographySuite, *policy, sink);
}

} // namespace aovpn::validation
