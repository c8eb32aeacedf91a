#pragma once
// What the Check gateway probe observed, and what it means for a Windows client: each
// observation becomes report items in the profile's own terms, with the Windows error it
// predicts. Pure: the platform fills the observations.
#include "model/gateway_policy.hpp"
#include "model/gateway_report.hpp"
#include "model/ike_offer.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace aovpn {

// DNS: the addresses a name resolved to, or why it did not. An IP literal resolves to itself.
struct DnsObservation {
    std::string host;
    bool literal = false;
    std::vector<std::string> addresses;
    std::string error; // empty on success
};
CheckItem judgeDns(const DnsObservation& dns);

struct IkeObservation {
    enum class Kind { Answer, NoAnswer, CouldNotRun, Cancelled };
    Kind kind = Kind::CouldNotRun;
    std::string address; // what was asked
    std::uint16_t port = 500;
    int attempts = 0;          // datagrams sent (retransmissions included)
    double seconds = 0;        // waited in all
    bool cookieResent = false; // the gateway asked for a COOKIE and got the request again
    std::optional<ike::SaInitResponse> response;
    std::string error; // CouldNotRun: what failed; Answer: why the answer could not be read
};

struct IkeContext {
    const std::optional<CryptographySuite>& suite; // the profile's
    const ike::ProbeOffer& offer;                  // what was sent
    const GatewayPolicy* expected = nullptr;       // declared, or Azure's default for Azure
};
CheckItem judgeIke(const IkeContext& context, const IkeObservation& ike);

// The client certificate's chain as CERTREQ lists CAs: SHA-1 of each CA's SubjectPublicKeyInfo.
struct ChainKeys {
    struct Ca {
        std::string name; // subject CN or subject
        ike::Sha1 keyHash{};
    };
    std::vector<Ca> cas;
    std::string source;     // "the CA named by the profile's IssuerHash", "FILE"
    std::string whyUnknown; // set when no chain could be had
};
CheckItem judgeCertRequests(const ike::SaInitResponse& response, const ChainKeys& chain);

struct TlsObservation {
    enum class Kind { Handshake, NoConnection, HandshakeFailed, CouldNotRun, Cancelled };
    Kind kind = Kind::CouldNotRun;
    std::string address;
    std::uint16_t port = 443;
    std::string error;    // NoConnection/HandshakeFailed/CouldNotRun
    std::string protocol; // "TLSv1.3"
    std::string subject;  // leaf
    std::string issuer;
    std::vector<std::string> names; // DNS names the leaf is for (SAN, else CN)
    std::chrono::sys_seconds notBefore{};
    std::chrono::sys_seconds notAfter{};
    bool trusted = false;     // the chain ends in a root this machine trusts
    std::string trustError;   // the verifier's words when not
    bool nameMatches = false; // against the profile's FQDN
    bool serverAuth = false;  // EKU lists Server Authentication (or has no EKU)
    std::chrono::sys_seconds now{};
};
std::vector<CheckItem> judgeSstp(const std::string& fqdn, const TlsObservation& tls);

} // namespace aovpn
