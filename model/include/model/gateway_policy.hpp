#pragma once
// What a VPN gateway accepts, per IKEv2 phase, in the CryptographySuite's own terms, and the
// comparison of a suite with it: which field does not match, and which values would.
// Phases (MS-RRASM; reference/DOMAIN.md): the IKE SA uses EncryptionMethod,
// IntegrityCheckMethod (the PRF when the cipher is AES-GCM) and DHGroup; the child SA (ESP) uses
// CipherTransformConstants, AuthenticationTransformConstants and PfsGroup.
#include "model/net.hpp"
#include "model/profile.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace aovpn {

struct IkeSaCombo {
    EncryptionMethod encryption;
    IntegrityCheck integrity;
    DhGroup dhGroup;
    bool operator==(const IkeSaCombo&) const = default;
};

struct ChildSaCombo {
    CipherTransform cipher;
    AuthTransform auth;
    PfsGroup pfs; // never PFSMM: a policy names the group
    bool operator==(const ChildSaCombo&) const = default;
};

enum class GatewayPolicyKind { AzureDefault, Custom };

struct GatewayPolicy {
    GatewayPolicyKind kind = GatewayPolicyKind::Custom;
    std::string name; // for messages: "Azure's default P2S policy"
    std::vector<IkeSaCombo> ikeSa;
    std::vector<ChildSaCombo> childSa;
    bool operator==(const GatewayPolicy&) const = default;
};

// azure-docs point-to-site-about.md, "What IKE/IPsec policies are configured on VPN gateways
// for P2S": 17 IKE SA and 11 ESP combinations, none 128-bit.
const GatewayPolicy& azureDefaultPolicy();

// The PfsGroup naming the same group as a DHGroup (PFSMM: "use the main mode group").
PfsGroup pfsGroupFor(DhGroup dh);

// A custom policy is one combination per phase (Set-AzVpnClientIpsecParameter on Azure,
// Set-VpnServerConfiguration -CustomPolicy on RRAS). PFSMM means "the IKE SA's group".
GatewayPolicy customPolicy(IkeSaCombo ike, CipherTransform cipher, AuthTransform auth,
                           PfsGroup pfs);
// The policy as the admin entered it in suite terms: all six values, none outside the CSP's set.
ParseResult<GatewayPolicy> customPolicyFromSuite(const CryptographySuite& suite);
// Azure's parameters as typed for Set-AzVpnClientIpsecParameter / New-AzVpnClientIpsecPolicy:
//   "-IpsecEncryption GCMAES256 -IpsecIntegrity GCMAES256 -IkeEncryption GCMAES256
//    -IkeIntegrity SHA384 -DhGroup ECP384 -PfsGroup ECP384"
// or "Name=Value" items separated by commas. Azure's spellings (DHGroup14, SHA1, PFS14...) and
// the CSP's (Group14, SHA196, PFS2048...) are both accepted; SALifeTime/SADataSize are ignored.
ParseResult<GatewayPolicy> parseAzureIpsecParameters(std::string_view text);
// A one-combination policy as the six suite values, "GCMAES256 / GCMAES256 / ... / AES256" in
// the order the CryptographySuite lists them.
std::string describePolicy(const GatewayPolicy& policy);
// The suite a one-combination policy asks for (the fix for a mismatch).
CryptographySuite suiteFor(const GatewayPolicy& policy);

// Azure VPN gateways: *.vpn.azure.com and classic *.cloudapp.net (case-insensitive, a final dot
// allowed).
bool isAzureHost(std::string_view fqdn);

enum class SuitePhase { IkeSa, ChildSa };
std::string_view phaseName(SuitePhase phase); // "IKE SA", "ESP"

struct SuiteMismatch {
    SuitePhase phase;
    std::string_view element;          // the CryptographySuite child to change, e.g. "DHGroup"
    std::string value;                 // what the profile has
    std::vector<std::string> accepted; // values of `element` the policy would take
    std::vector<std::string_view> alternatives; // other elements whose change alone also fits
};

// Empty when both phases of `suite` are inside `policy`. Per phase: when changing one element
// alone makes the combination acceptable, that element is reported (the first in suite order,
// the others as alternatives); otherwise every element whose value the policy never takes.
// Absent elements and values outside the CSP's set (reported by other rules) match anything.
std::vector<SuiteMismatch> compareSuite(const CryptographySuite& suite,
                                        const GatewayPolicy& policy);

} // namespace aovpn
