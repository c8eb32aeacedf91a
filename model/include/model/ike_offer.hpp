#pragma once
// What a Windows client offers in IKE_SA_INIT for a profile's CryptographySuite (the IKE SA
// half: EncryptionMethod, IntegrityCheckMethod, DHGroup), and a responder's chosen transforms
// read back in the suite's own terms.
#include "model/ike_message.hpp"
#include "model/profile.hpp"

#include <optional>
#include <string>

namespace aovpn::ike {

// IANA transform IDs (RFC 7296 §3.3.2 and the IKEv2 registry).
namespace id {
inline constexpr std::uint16_t kEncrDes = 2;
inline constexpr std::uint16_t kEncr3des = 3;
inline constexpr std::uint16_t kEncrAesCbc = 12;
inline constexpr std::uint16_t kEncrAesGcm16 = 20;
inline constexpr std::uint16_t kPrfMd5 = 1;
inline constexpr std::uint16_t kPrfSha1 = 2;
inline constexpr std::uint16_t kPrfSha256 = 5;
inline constexpr std::uint16_t kPrfSha384 = 6;
inline constexpr std::uint16_t kIntegMd5 = 1;
inline constexpr std::uint16_t kIntegSha1 = 2;
inline constexpr std::uint16_t kIntegSha256 = 12;
inline constexpr std::uint16_t kIntegSha384 = 13;
} // namespace id

struct Offer {
    std::vector<Proposal> proposals;
    std::uint16_t keGroup = 0;
    bool windowsDefault = false; // no CryptographySuite: Windows' own list
};

// With a suite: its one proposal (ENCR from EncryptionMethod; PRF and, unless AES-GCM, INTEG
// from IntegrityCheckMethod; DH from DHGroup). Without: the list Windows 11 offers (3DES and
// AES-CBC-128/192/256 with SHA-1/256/384, AES-GCM-128/256 with PRF SHA-1/256/384), all with DH
// group 2 only. Fails with a sentence when the suite lacks one of the three phase-1 values or
// holds one outside the CSP's set.
ParseResult<Offer> offerFor(const std::optional<CryptographySuite>& suite);

// The offer a probe sends: `offer` followed by diagnostic proposals with the same ciphers and
// hashes but every other group a profile can name (1, 2, 14, 19, 20, 24), so a gateway that
// refuses only the group answers INVALID_KE_PAYLOAD naming the one it wants instead of
// NO_PROPOSAL_CHOSEN. A responder still picks the profile's own proposal first when it takes it
// (proposals are numbered; the diagnostic ones come last). `realProposals` counts the profile's.
// Windows' own offer (no suite) is sent as it is.
struct ProbeOffer {
    Offer offer;
    std::size_t realProposals = 0;
};
ProbeOffer withGroupDiagnostics(const Offer& offer);

// "AES-CBC-256", "HMAC-SHA2-256-128", "PRF-HMAC-SHA2-384", "DH group 14 (MODP-2048)".
std::string transformName(const Transform& t);
std::string describeTransforms(const Proposal& p); // names joined with ", "

// A chosen proposal in the suite's terms (each member set only when it maps to a CSP value).
struct ChosenSuite {
    std::optional<EncryptionMethod> encryption;
    std::optional<IntegrityCheck> integrity;
    std::optional<DhGroup> dhGroup;
};
ChosenSuite chosenInSuiteTerms(const Proposal& p);
// "EncryptionMethod AES256, IntegrityCheckMethod SHA256, DHGroup Group14".
std::string describeChosen(const ChosenSuite& chosen);

} // namespace aovpn::ike
