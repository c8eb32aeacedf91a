// Gateway policies as data: Azure's default P2S policy and one-combination custom policies.
#include "model/gateway_policy.hpp"

#include <fmt/format.h>

#include <array>

namespace aovpn {
namespace {

GatewayPolicy makeAzureDefault() {
    GatewayPolicy p;
    p.kind = GatewayPolicyKind::AzureDefault;
    p.name = "Azure's default P2S policy";
    using E = EncryptionMethod;
    using I = IntegrityCheck;
    using D = DhGroup;
    constexpr std::array strongGroups{D::Group24, D::Group14, D::ECP384, D::ECP256};
    // IKEv2 table: GCM_AES256 (PRF SHA384 or SHA256), AES256+SHA384, AES256+SHA256 with the four
    // strong groups; DH group 2 only with AES256+SHA256.
    for (const auto& [enc, integ] : std::array<std::pair<E, I>, 4>{{{E::AES_GCM_256, I::SHA384},
                                                                    {E::AES_GCM_256, I::SHA256},
                                                                    {E::AES256, I::SHA384},
                                                                    {E::AES256, I::SHA256}}})
        for (D dh : strongGroups)
            p.ikeSa.push_back({enc, integ, dh});
    p.ikeSa.push_back({E::AES256, I::SHA256, D::Group2});
    // IPsec table: GCM_AES256 and AES256+SHA256 with PFS none or a strong group; AES256+SHA1
    // only without PFS.
    constexpr std::array pfsChoices{PfsGroup::None, PfsGroup::PFS24, PfsGroup::PFS2048,
                                    PfsGroup::ECP384, PfsGroup::ECP256};
    for (PfsGroup pfs : pfsChoices)
        p.childSa.push_back({CipherTransform::GCMAES256, AuthTransform::GCMAES256, pfs});
    for (PfsGroup pfs : pfsChoices)
        p.childSa.push_back({CipherTransform::AES256, AuthTransform::SHA256128, pfs});
    p.childSa.push_back({CipherTransform::AES256, AuthTransform::SHA196, PfsGroup::None});
    return p;
}

bool endsWithNoCase(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           detail::equalsNoCase(text.substr(text.size() - suffix.size()), suffix);
}

} // namespace

const GatewayPolicy& azureDefaultPolicy() {
    static const GatewayPolicy policy = makeAzureDefault();
    return policy;
}

GatewayPolicy customPolicy(IkeSaCombo ike, CipherTransform cipher, AuthTransform auth,
                           PfsGroup pfs) {
    GatewayPolicy p;
    p.kind = GatewayPolicyKind::Custom;
    p.name = "the gateway's declared custom policy";
    p.ikeSa = {ike};
    p.childSa = {{cipher, auth, pfs == PfsGroup::PFSMM ? pfsGroupFor(ike.dhGroup) : pfs}};
    return p;
}

ParseResult<GatewayPolicy> customPolicyFromSuite(const CryptographySuite& s) {
    const std::array<std::pair<bool, std::string_view>, 6> parts{{
        {s.authenticationTransformConstants && s.authenticationTransformConstants->isKnown(),
         "AuthenticationTransformConstants"},
        {s.cipherTransformConstants && s.cipherTransformConstants->isKnown(),
         "CipherTransformConstants"},
        {s.pfsGroup && s.pfsGroup->isKnown(), "PfsGroup"},
        {s.dhGroup && s.dhGroup->isKnown(), "DHGroup"},
        {s.integrityCheckMethod && s.integrityCheckMethod->isKnown(), "IntegrityCheckMethod"},
        {s.encryptionMethod && s.encryptionMethod->isKnown(), "EncryptionMethod"},
    }};
    for (const auto& [ok, name] : parts)
        if (!ok)
            return ParseResult<GatewayPolicy>::failure(
                fmt::format("The gateway policy needs a known {} value.", name));
    return ParseResult<GatewayPolicy>::success(
        customPolicy({s.encryptionMethod->value, s.integrityCheckMethod->value, s.dhGroup->value},
                     s.cipherTransformConstants->value, s.authenticationTransformConstants->value,
                     s.pfsGroup->value));
}

CryptographySuite suiteFor(const GatewayPolicy& policy) {
    CryptographySuite s;
    if (!policy.ikeSa.empty()) {
        s.encryptionMethod = policy.ikeSa.front().encryption;
        s.integrityCheckMethod = policy.ikeSa.front().integrity;
        s.dhGroup = policy.ikeSa.front().dhGroup;
    }
    if (!policy.childSa.empty()) {
        s.cipherTransformConstants = policy.childSa.front().cipher;
        s.authenticationTransformConstants = policy.childSa.front().auth;
        s.pfsGroup = policy.childSa.front().pfs;
    }
    return s;
}

std::string describePolicy(const GatewayPolicy& policy) {
    if (policy.ikeSa.size() != 1 || policy.childSa.size() != 1) return policy.name;
    const IkeSaCombo& ike = policy.ikeSa.front();
    const ChildSaCombo& esp = policy.childSa.front();
    return fmt::format("{} / {} / {} / {} / {} / {}", toText(esp.auth), toText(esp.cipher),
                       toText(esp.pfs), toText(ike.dhGroup), toText(ike.integrity),
                       toText(ike.encryption));
}

bool isAzureHost(std::string_view fqdn) {
    if (!fqdn.empty() && fqdn.back() == '.') fqdn.remove_suffix(1);
    for (std::string_view suffix : {".vpn.azure.com", ".cloudapp.net"})
        if (fqdn.size() > suffix.size() && endsWithNoCase(fqdn, suffix)) return true;
    return false;
}

std::string_view phaseName(SuitePhase phase) {
    return phase == SuitePhase::IkeSa ? "IKE SA" : "ESP";
}

} // namespace aovpn
