// Check gateway on Windows: GetAddrInfoW, and UDP/TCP sockets through Winsock.
#include "../sockaddr_util.hpp"
#include "win32/win_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <winsock2.h>
#include <ws2tcpip.h>

namespace aovpn::platform::probe {
namespace {

using Clock = std::chrono::steady_clock;

// Winsock is started once per process and left running (it is cheap and thread-safe).
bool winsockReady(std::string& error) {
    static const int started = [] {
        WSADATA data;
        return WSAStartup(MAKEWORD(2, 2), &data);
    }();
    if (started != 0) error = fmt::format("Winsock did not start (error {})", started);
    return started == 0;
}

std::string wsaError(std::string_view what, int code = WSAGetLastError()) {
    return fmt::format("{}: {} (Winsock error {})", what,
                       win::systemMessage(static_cast<DWORD>(code)), code);
}

// Waits for `s` to be readable (or writable), in slices that watch `stop`: 1 ready, 0 timeout or
// stop, -1 error.
int waitFor(SOCKET s, bool write, Clock::time_point deadline, const std::stop_token& stop) {
    while (!stop.stop_requested()) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return 0;
        WSAPOLLFD p{s, static_cast<SHORT>(write ? POLLOUT : POLLIN), 0};
        const int n = WSAPoll(&p, 1, static_cast<INT>(std::min<long long>(left.count(), 100)));
        if (n > 0) return (p.revents & (POLLERR | POLLHUP)) && write ? -1 : 1;
        if (n < 0) return -1;
    }
    return 0; // stopped
}

class WinUdp final : public UdpSocket {
  public:
    WinUdp(SOCKET s, Address local, std::uint16_t port)
        : s_(s), local_(std::move(local)), port_(port) {}
    ~WinUdp() override { closesocket(s_); }
    WinUdp(const WinUdp&) = delete;
    WinUdp& operator=(const WinUdp&) = delete;
    const Address& local() const override { return local_; }
    std::uint16_t localPort() const override { return port_; }
    bool send(std::span<const std::uint8_t> d, std::string& error) override {
        const int n =
            ::send(s_, reinterpret_cast<const char*>(d.data()), static_cast<int>(d.size()), 0);
        if (n == static_cast<int>(d.size())) return true;
        error = wsaError("sending the datagram failed");
        return false;
    }
    std::vector<std::uint8_t> receive(std::chrono::milliseconds wait, const std::stop_token& stop,
                                      std::string& error) override {
        const auto deadline = Clock::now() + wait;
        while (waitFor(s_, false, deadline, stop) == 1) {
            std::vector<std::uint8_t> buf(65536);
            const int got =
                recv(s_, reinterpret_cast<char*>(buf.data()), static_cast<int>(buf.size()), 0);
            if (got >= 0) {
                buf.resize(static_cast<std::size_t>(got));
                return buf;
            }
            // WSAECONNRESET: an ICMP port unreachable came back; keep waiting like IKEEXT.
            const int code = WSAGetLastError();
            if (code != WSAECONNRESET && code != WSAEWOULDBLOCK) {
                error = wsaError("receiving failed");
                break;
            }
            if (code == WSAEWOULDBLOCK) Sleep(10); // readiness without data: do not spin
        }
        return {};
    }

  private:
    SOCKET s_;
    Address local_;
    std::uint16_t port_;
};

class WinTcp final : public TcpStream {
  public:
    explicit WinTcp(SOCKET s) : s_(s) {}
    ~WinTcp() override { closesocket(s_); }
    WinTcp(const WinTcp&) = delete;
    WinTcp& operator=(const WinTcp&) = delete;
    long write(std::span<const std::uint8_t> d, Clock::time_point deadline,
               const std::stop_token& stop, std::string& error) override {
        std::size_t done = 0;
        while (done < d.size()) {
            if (waitFor(s_, true, deadline, stop) != 1) {
                error = "the server did not take the data in time";
                return -1;
            }
            const int n = ::send(s_, reinterpret_cast<const char*>(d.data() + done),
                                 static_cast<int>(d.size() - done), 0);
            if (n < 0 && WSAGetLastError() != WSAEWOULDBLOCK) {
                error = wsaError("sending failed");
                return -1;
            }
            if (n > 0) done += static_cast<std::size_t>(n);
        }
        return static_cast<long>(done);
    }
    long read(std::span<std::uint8_t> into, Clock::time_point deadline, const std::stop_token& stop,
              std::string& error) override {
        for (;;) {
            if (waitFor(s_, false, deadline, stop) != 1) {
                error = stop.stop_requested() ? "cancelled" : "no answer in time";
                return -1;
            }
            const int n =
                recv(s_, reinterpret_cast<char*>(into.data()), static_cast<int>(into.size()), 0);
            if (n >= 0) return n;
            if (WSAGetLastError() != WSAEWOULDBLOCK) {
                error = wsaError("receiving failed");
                return -1;
            }
        }
    }
    std::intptr_t handle() const override { return static_cast<std::intptr_t>(s_); }

  private:
    SOCKET s_;
};

} // namespace

Resolution resolve(const std::string& host) {
    Resolution r;
    r.observation.host = host;
    std::string error;
    if (!winsockReady(error)) {
        r.observation.error = error;
        return r;
    }
    const std::wstring wide = win::widen(host);
    ADDRINFOW hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_NUMERICHOST;
    ADDRINFOW* list = nullptr;
    int rc = GetAddrInfoW(wide.c_str(), nullptr, &hints, &list);
    r.observation.literal = rc == 0;
    if (rc != 0) {
        hints.ai_flags = 0;
        rc = GetAddrInfoW(wide.c_str(), nullptr, &hints, &list);
    }
    if (rc != 0) {
        r.observation.error = wsaError("the name did not resolve", rc);
        return r;
    }
    for (const ADDRINFOW* ai = list; ai; ai = ai->ai_next)
        addResolved(r, ai->ai_addr, ai->ai_addrlen);
    FreeAddrInfoW(list);
    return r;
}

std::unique_ptr<UdpSocket> openUdp(const Address& to, std::uint16_t port, std::string& error) {
    if (!winsockReady(error)) return nullptr;
    const auto* sa = reinterpret_cast<const sockaddr*>(to.sockaddr.data());
    const SOCKET s = socket(sa->sa_family, SOCK_DGRAM, IPPROTO_UDP);
    if (s == INVALID_SOCKET) {
        error = wsaError("no UDP socket");
        return nullptr;
    }
    const std::vector<std::uint8_t> dest = withPort(to, port);
    // connect() picks the source address and an ephemeral port (IKEEXT owns 500).
    if (connect(s, reinterpret_cast<const sockaddr*>(dest.data()), static_cast<int>(dest.size())) !=
        0) {
        error = wsaError(fmt::format("this system will not send to {}", to.text));
        closesocket(s);
        return nullptr;
    }
    // Non-blocking: a readiness report for an ICMP error must not leave recv() waiting.
    u_long nonBlocking = 1;
    ioctlsocket(s, static_cast<long>(FIONBIO), &nonBlocking);
    sockaddr_storage local{};
    int len = sizeof local;
    getsockname(s, reinterpret_cast<sockaddr*>(&local), &len);
    const std::uint16_t localPort = portOf(local);
    return std::make_unique<WinUdp>(
        s, fromSockaddr(reinterpret_cast<sockaddr*>(&local), static_cast<std::size_t>(len)),
        localPort);
}

std::unique_ptr<TcpStream> connectTcp(const Address& to, std::uint16_t port,
                                      Clock::time_point deadline, const std::stop_token& stop,
                                      std::string& error) {
    if (!winsockReady(error)) return nullptr;
    const std::vector<std::uint8_t> dest = withPort(to, port);
    const auto* sa = reinterpret_cast<const sockaddr*>(dest.data());
    const SOCKET s = socket(sa->sa_family, SOCK_STREAM, IPPROTO_TCP);
    if (s == INVALID_SOCKET) {
        error = wsaError("no TCP socket");
        return nullptr;
    }
    auto stream = std::make_unique<WinTcp>(s);
    u_long nonBlocking = 1;
    ioctlsocket(s, static_cast<long>(FIONBIO), &nonBlocking);
    if (connect(s, sa, static_cast<int>(dest.size())) != 0 && WSAGetLastError() != WSAEWOULDBLOCK) {
        error = wsaError("connect failed");
        return nullptr;
    }
    const int ready = waitFor(s, true, deadline, stop);
    int soError = 0;
    int len = sizeof soError;
    getsockopt(s, SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&soError), &len);
    if (ready != 1 || soError != 0) {
        error = ready == 0 ? (stop.stop_requested() ? "cancelled" : "timed out")
                           : wsaError("connect failed", soError ? soError : WSAECONNREFUSED);
        return nullptr;
    }
    return stream;
}

} // namespace aovpn::platform::probe
