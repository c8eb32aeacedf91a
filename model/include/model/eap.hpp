#pragma once
// The EAP configuration inside NativeProfile/Authentication/Eap/Configuration, as typed data for
// EAP-TLS (type 13) and PEAP wrapping EAP-TLS (type 25). Anything else, or any TLS/PEAP block
// the types below cannot reproduce exactly, is kept verbatim (EapKind::Opaque).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn {

// XML namespaces of the EapHostConfig schemas (Windows\schemas\EAPHost).
namespace eapns {
inline constexpr std::string_view kHostConfig =
    "http://www.microsoft.com/provisioning/EapHostConfig";
inline constexpr std::string_view kCommon = "http://www.microsoft.com/provisioning/EapCommon";
inline constexpr std::string_view kBaseV1 =
    "http://www.microsoft.com/provisioning/BaseEapConnectionPropertiesV1";
inline constexpr std::string_view kTlsV1 =
    "http://www.microsoft.com/provisioning/EapTlsConnectionPropertiesV1";
inline constexpr std::string_view kTlsV2 =
    "http://www.microsoft.com/provisioning/EapTlsConnectionPropertiesV2";
inline constexpr std::string_view kTlsV3 =
    "http://www.microsoft.com/provisioning/EapTlsConnectionPropertiesV3";
inline constexpr std::string_view kPeapV1 =
    "http://www.microsoft.com/provisioning/MsPeapConnectionPropertiesV1";
inline constexpr std::string_view kPeapV2 =
    "http://www.microsoft.com/provisioning/MsPeapConnectionPropertiesV2";
} // namespace eapns

inline constexpr int kEapTypeTls = 13;
inline constexpr int kEapTypePeap = 25;

// TLSExtensions/FilteringInfo (V3): which certificates in the store the client may offer.
// Schema order: AllPurposeEnabled?, CAHashList?, EKUMapping?, ClientAuthEKUList?,
// AnyPurposeEKUList?
struct EkuMap {
    std::string name; // EKUName
    std::string oid;  // EKUOID
    bool operator==(const EkuMap&) const = default;
};
struct CaHashList {
    std::optional<bool> enabled;           // attribute Enabled
    std::vector<std::string> issuerHashes; // IssuerHash*: hex SHA-1 of a CA in the chain
    bool operator==(const CaHashList&) const = default;
};
struct EkuNameList {
    std::optional<bool> enabled;       // attribute Enabled
    std::vector<std::string> ekuNames; // EKUMapInList/EKUName*, names from EKUMapping
    bool operator==(const EkuNameList&) const = default;
};
struct CertFilter {
    std::optional<bool> allPurposeEnabled;
    std::optional<CaHashList> caHashList;
    std::vector<EkuMap> ekuMapping; // empty: no EKUMapping element
    std::optional<EkuNameList> clientAuthEkuList;
    std::optional<EkuNameList> anyPurposeEkuList;
    bool operator==(const CertFilter&) const = default;
};

// ServerValidation, same shape in the TLS (V1) and PEAP (V1) namespaces.
struct ServerValidation {
    std::optional<bool> disableUserPromptForServerValidation;
    std::optional<std::string> serverNames;  // ';'-separated
    std::vector<std::string> trustedRootCAs; // TrustedRootCA*: hex SHA-1, spaces allowed
    bool operator==(const ServerValidation&) const = default;
};

// EapType in the EapTlsConnectionPropertiesV1 namespace (+ V2/V3 extensions), schema order.
struct EapTlsSettings {
    std::optional<bool> simpleCertSelection; // CredentialsSource/CertificateStore/...
    std::optional<ServerValidation> serverValidation;
    std::optional<bool> differentUsername;
    std::optional<bool> performServerValidation; // V2
    std::optional<bool> acceptServerName;        // V2
    std::optional<CertFilter> certFilter;        // V2 TLSExtensions / V3 FilteringInfo
    bool operator==(const EapTlsSettings&) const = default;
};

// EapType in the MsPeapConnectionPropertiesV1 namespace around an inner EAP-TLS, schema order.
struct PeapSettings {
    std::optional<ServerValidation> serverValidation;
    std::optional<bool> fastReconnect;
    std::optional<bool> innerEapOptional;
    // (the inner Eap/Type 13 + EapTlsSettings sits here)
    std::optional<bool> enableQuarantineChecks;
    std::optional<bool> requireCryptoBinding;
    bool peapExtensions = false;                 // write a PeapExtensions element
    std::optional<bool> performServerValidation; // PeapExtensions, MsPeapV2
    std::optional<bool> acceptServerName;        // PeapExtensions, MsPeapV2
    bool operator==(const PeapSettings&) const = default;
};

enum class EapKind {
    Empty,   // <Configuration/> with nothing inside (a template still to be filled)
    Tls,     // EAP-TLS: tls
    PeapTls, // PEAP (25) with inner EAP-TLS: peap + tls
    Opaque,  // kept verbatim in opaqueXml
};

struct EapConfig {
    EapKind kind = EapKind::Tls;
    EapTlsSettings tls;
    PeapSettings peap;     // only for PeapTls
    std::string opaqueXml; // only for Opaque: the Configuration's content, as read
    bool operator==(const EapConfig&) const = default;
};

// The EAP-TLS block of the seed user tunnel (reference/profiles/seed_azure_user_tunnel.xml):
// simple certificate selection, no server name, user prompt not disabled — except that server
// validation is ON. The seed switches it off, so its client trusts any server that answers
// (rule auth.server-validation-off). With validation on and no names or roots yet, Windows
// checks the server's chain against the trusted roots, and the validator asks for the server
// names (auth.no-server-names) and the certificate filter until they are set.
EapConfig defaultUserTunnelEapTls();

} // namespace aovpn
