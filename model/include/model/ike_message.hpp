#pragma once
// IKEv2 IKE_SA_INIT on the wire (RFC 7296 §3): the request a Windows client would send, and the
// responder's answer read back. Pure byte work: the key exchange value, the nonce and the SHA-1
// NAT detection hashes come from the caller (platform/ makes them with OpenSSL or BCrypt).
#include "model/net.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace aovpn::ike {

using Bytes = std::vector<std::uint8_t>;
using Spi = std::array<std::uint8_t, 8>;
using Sha1 = std::array<std::uint8_t, 20>;

inline constexpr std::size_t kHeaderSize = 28;
inline constexpr std::uint8_t kVersion2 = 0x20;
inline constexpr std::uint8_t kIkeSaInit = 34;
inline constexpr std::uint8_t kFlagInitiator = 0x08;
inline constexpr std::uint8_t kFlagResponse = 0x20;

// Payload types (RFC 7296 §3.2).
enum class Payload : std::uint8_t {
    None = 0,
    SA = 33,
    KE = 34,
    Cert = 37,
    CertReq = 38,
    Nonce = 40,
    Notify = 41,
    VendorId = 43,
};

enum class TransformType : std::uint8_t {
    Encryption = 1,
    Prf = 2,
    Integrity = 3,
    KeyExchange = 4,
    Esn = 5,
};

// Notify message types used here (RFC 7296 §3.10.1, IANA).
namespace notify {
inline constexpr std::uint16_t kInvalidSyntax = 7;
inline constexpr std::uint16_t kNoProposalChosen = 14;
inline constexpr std::uint16_t kInvalidKePayload = 17;
inline constexpr std::uint16_t kAuthenticationFailed = 24;
inline constexpr std::uint16_t kTemporaryFailure = 43;
inline constexpr std::uint16_t kNatDetectionSourceIp = 16388;
inline constexpr std::uint16_t kNatDetectionDestinationIp = 16389;
inline constexpr std::uint16_t kCookie = 16390;
inline constexpr std::uint16_t kRedirect = 16407;
inline constexpr std::uint16_t kFragmentationSupported = 16430;
// Types below 16384 are errors.
inline constexpr bool isError(std::uint16_t type) {
    return type < 16384;
}
std::string_view name(std::uint16_t type); // "NO_PROPOSAL_CHOSEN", or "" when unknown
} // namespace notify

inline constexpr std::uint16_t kAttrKeyLength = 14; // TV attribute, type 14 (RFC 7296 §3.3.5)
inline constexpr std::uint8_t kProtocolIke = 1;
inline constexpr std::uint8_t kCertEncodingX509Signature = 4;

struct Transform {
    TransformType type = TransformType::Encryption;
    std::uint16_t id = 0;
    std::optional<std::uint16_t> keyLength; // bits, for AES
    bool operator==(const Transform&) const = default;
};

struct Proposal {
    std::uint8_t number = 1;
    std::uint8_t protocol = kProtocolIke;
    std::vector<Transform> transforms;
    bool operator==(const Proposal&) const = default;
};

struct SaInitRequest {
    Spi initiatorSpi{};
    std::vector<Proposal> proposals; // all in one SA payload
    std::uint16_t keGroup = 0;
    Bytes keData; // the public value for keGroup
    Bytes nonce;  // 16..256 bytes
    Sha1 natSourceHash{};
    Sha1 natDestinationHash{};
    Bytes cookie; // the responder's N(COOKIE) data: sent as the first payload when non-empty
};

// The datagram. Sizes are the caller's to keep valid (the probe builds at most a few hundred
// bytes); nothing here can fail.
Bytes buildSaInit(const SaInitRequest& request);

struct Notify {
    std::uint16_t type = 0;
    std::uint8_t protocol = 0;
    Bytes data;
};

struct CertRequest {
    std::uint8_t encoding = 0;
    std::vector<Sha1> caHashes; // SHA-1 of each trusted CA's SubjectPublicKeyInfo (encoding 4)
};

struct SaInitResponse {
    Spi responderSpi{};
    std::optional<Proposal> chosen; // the responder's SA payload: exactly one proposal
    std::optional<std::uint16_t> keGroup;
    std::size_t keLength = 0;
    std::size_t nonceLength = 0;
    std::vector<Notify> notifies;
    std::vector<CertRequest> certRequests;
    std::size_t vendorIds = 0;

    const Notify* find(std::uint16_t type) const;
    // The first error notify, if any.
    const Notify* error() const;
};

// Reads a datagram received for `initiatorSpi`. Fails with a sentence for anything that is not a
// well-formed IKEv2 IKE_SA_INIT response to that SPI (short, wrong version, lengths that do not
// add up, a request, another SPI...). Never reads outside `datagram`.
ParseResult<SaInitResponse> parseSaInitResponse(std::span<const std::uint8_t> datagram,
                                                const Spi& initiatorSpi);

// What NAT_DETECTION_*_IP hashes (RFC 7296 §2.23): SPIi | SPIr | IP address | port, in network
// order. In the request SPIr is zero.
Bytes natDetectionInput(const Spi& spiI, const Spi& spiR, std::span<const std::uint8_t> address,
                        std::uint16_t port);

} // namespace aovpn::ike
