#pragma once
// Check gateway: ask each server of a profile, before anything is applied, what a Windows client
// would meet - DNS, one IKEv2 IKE_SA_INIT with the profile's proposals and a real ephemeral key
// (OpenSSL on Linux, BCrypt on Windows), and for SSTP one TLS handshake (OpenSSL / Schannel).
// One probe per server and protocol per run, bounded in time; never a scan.
// Blocking: run it on a worker thread; cancellation through the stop_token.
#include "model/gateway_info.hpp"
#include "model/gateway_report.hpp"
#include "model/profile.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn::platform {

struct GatewayCheckOptions {
    std::optional<std::string> server; // instead of the profile's servers (--server)
    std::uint16_t ikePort = 500;       // not 500: IKE travels with the non-ESP marker (RFC 3948)
    std::uint16_t sstpPort = 443;
    std::chrono::milliseconds timeout{6000}; // per server and protocol, retransmissions included
    // The client certificate's chain: thumbprints of its CAs in the user's stores (the UI's pick),
    // and/or certificate files (PEM, several allowed, or DER). Empty: the CAs the profile's
    // IssuerHash entries name, looked up in the stores.
    std::vector<std::string> chainThumbprints;
    std::vector<std::filesystem::path> chainFiles;

    // Tests only: send a key exchange value that is not a real public value (pins why the
    // probe makes a real one).
    enum class KeFault { None, RandomBytes, Zero };
    KeFault keFault = KeFault::None;
};

// The servers a check asks: --server, or the profile's (trimmed, each once).
std::vector<std::string> gatewayServers(const Profile& profile, const GatewayCheckOptions& options);
// Whether a profile's protocol asks for IKEv2 / SSTP checks (Automatic and ProtocolList count).
bool usesIkev2(const Profile& profile);
bool usesSstp(const Profile& profile);

// Checks the options and the profile before any packet is sent: the empty string, or a sentence
// (no server, a suite the IKE probe cannot send...). The CLI turns it into exit code 2.
std::string checkGatewayInput(const Profile& profile, const GatewayCheckOptions& options);

// The functions above are OS-independent (platform_core); checkGateway is platform_probe's.
// Progress: one short sentence per step ("Resolving vpn.example.com", "IKEv2 to ...").
using GatewayProgress = std::function<void(std::string_view)>;

GatewayReport checkGateway(const Profile& profile, const GatewayInfo& gateway,
                           const GatewayCheckOptions& options, std::stop_token stop = {},
                           const GatewayProgress& progress = {});

} // namespace aovpn::platform
