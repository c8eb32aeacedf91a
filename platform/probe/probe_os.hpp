#pragma once
// What the Check gateway probe needs from the OS, one implementation per OS (posix/: sockets and
// OpenSSL; win32/: Winsock, BCrypt, Schannel, CryptoAPI). Internal to platform/probe.
#include "model/gateway_verdicts.hpp"
#include "model/ike_message.hpp"
#include "model/sha1.hpp"
#include "platform/gateway_check.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn::platform::probe {

// A resolved address, kept as the OS's sockaddr bytes plus what the report shows.
struct Address {
    std::vector<std::uint8_t> sockaddr; // sockaddr_in / sockaddr_in6, port 0
    std::string text;                   // "127.0.0.2", "2001:db8::1"
    std::vector<std::uint8_t> raw;      // 4 or 16 bytes, network order (for NAT detection)
};

struct Resolution {
    DnsObservation observation;
    std::vector<Address> addresses;
};
Resolution resolve(const std::string& host);

// One UDP socket from an ephemeral port, connected to `to`:`port`.
class UdpSocket {
  public:
    virtual ~UdpSocket() = default;
    virtual const Address& local() const = 0;
    virtual std::uint16_t localPort() const = 0;
    // false with `error` set when the datagram could not be sent.
    virtual bool send(std::span<const std::uint8_t> datagram, std::string& error) = 0;
    // Waits up to `wait` (in short slices, watching `stop`) for one datagram; empty on timeout.
    virtual std::vector<std::uint8_t> receive(std::chrono::milliseconds wait,
                                              const std::stop_token& stop, std::string& error) = 0;
};
std::unique_ptr<UdpSocket> openUdp(const Address& to, std::uint16_t port, std::string& error);

// A connected TCP stream socket (for TLS), or nullptr with `error` (refused, timed out...).
class TcpStream {
  public:
    virtual ~TcpStream() = default;
    // Both wait in short slices until `deadline`, watching `stop`; -1 on error or timeout (with
    // `error`), else the byte count (0 from read: the peer closed).
    virtual long write(std::span<const std::uint8_t> data,
                       std::chrono::steady_clock::time_point deadline, const std::stop_token& stop,
                       std::string& error) = 0;
    virtual long read(std::span<std::uint8_t> into, std::chrono::steady_clock::time_point deadline,
                      const std::stop_token& stop, std::string& error) = 0;
    virtual std::intptr_t handle() const = 0; // the OS socket (OpenSSL takes the fd)
};
std::unique_ptr<TcpStream> connectTcp(const Address& to, std::uint16_t port,
                                      std::chrono::steady_clock::time_point deadline,
                                      const std::stop_token& stop, std::string& error);

// Crypto for IKE: a real ephemeral public value for a group (the private half is thrown away:
// the exchange never gets past IKE_SA_INIT), and random bytes. SHA-1 is the model's
// (model/sha1.hpp: one implementation for thumbprints, CERTREQ key hashes and NAT detection).
bool makePublicValue(std::uint16_t group, std::vector<std::uint8_t>& out, std::string& error);
// Per OS, called by makePublicValue (key_exchange.cpp) for MODP and ECP groups.
bool modpPublicValue(std::uint16_t group, std::vector<std::uint8_t>& out, std::string& error);
bool ecpPublicValue(std::uint16_t group, std::vector<std::uint8_t>& out, std::string& error);
bool randomBytes(std::span<std::uint8_t> out, std::string& error);

// One TLS handshake to `to`:`port` with SNI `fqdn`, and the server certificate judged against
// this machine's trusted roots, `fqdn`, its dates and its EKU.
TlsObservation observeTls(const Address& to, std::uint16_t port, const std::string& fqdn,
                          std::chrono::milliseconds timeout, const std::stop_token& stop);

// The client certificate chain's CA key hashes (SHA-1 of SubjectPublicKeyInfo).
ChainKeys chainKeysFromFiles(const std::vector<std::filesystem::path>& files);
// `what` names where the thumbprints came from ("the picked certificate's CAs", "the CAs of the
// certificate filter (IssuerHash)"), for the report.
ChainKeys chainKeysFromStore(const std::vector<std::string>& caThumbprints, std::string_view what);

} // namespace aovpn::platform::probe
