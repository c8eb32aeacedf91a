// Check gateway on POSIX: getaddrinfo and a connected UDP socket from an ephemeral port.
#include "../sockaddr_util.hpp"

#include <fmt/format.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace aovpn::platform::probe {
namespace {

class PosixUdp final : public UdpSocket {
  public:
    PosixUdp(int fd, Address local, std::uint16_t port)
        : fd_(fd), local_(std::move(local)), port_(port) {}
    ~PosixUdp() override { ::close(fd_); }
    PosixUdp(const PosixUdp&) = delete;
    PosixUdp& operator=(const PosixUdp&) = delete;
    const Address& local() const override { return local_; }
    std::uint16_t localPort() const override { return port_; }
    bool send(std::span<const std::uint8_t> d, std::string& error) override {
        if (::send(fd_, d.data(), d.size(), 0) == static_cast<ssize_t>(d.size())) return true;
        error =
            fmt::format("sending the datagram failed: {} (errno {})", std::strerror(errno), errno);
        return false;
    }
    std::vector<std::uint8_t> receive(std::chrono::milliseconds wait, const std::stop_token& stop,
                                      std::string& error) override;

  private:
    int fd_;
    Address local_;
    std::uint16_t port_;
};

std::vector<std::uint8_t> PosixUdp::receive(std::chrono::milliseconds wait,
                                            const std::stop_token& stop, std::string& error) {
    const auto end = std::chrono::steady_clock::now() + wait;
    while (!stop.stop_requested()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            end - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{fd_, POLLIN, 0};
        const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 100)));
        if (n < 0 && errno != EINTR) {
            error = fmt::format("waiting for the answer failed: {}", std::strerror(errno));
            break;
        }
        if (n <= 0) continue;
        std::vector<std::uint8_t> buf(65536);
        const ssize_t got = ::recv(fd_, buf.data(), buf.size(), 0);
        if (got < 0) {
            // ECONNREFUSED: an ICMP port unreachable came back; keep waiting like Windows does.
            if (errno == ECONNREFUSED || errno == EINTR) continue;
            error = fmt::format("receiving failed: {}", std::strerror(errno));
            break;
        }
        buf.resize(static_cast<std::size_t>(got));
        return buf;
    }
    return {};
}

} // namespace

Resolution resolve(const std::string& host) {
    Resolution r;
    r.observation.host = host;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo* list = nullptr;
    hints.ai_flags = AI_NUMERICHOST;
    int rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &list);
    r.observation.literal = rc == 0;
    if (rc != 0) {
        hints.ai_flags = 0;
        rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &list);
    }
    if (rc != 0) {
        r.observation.error = ::gai_strerror(rc);
        return r;
    }
    for (const addrinfo* ai = list; ai; ai = ai->ai_next)
        addResolved(r, ai->ai_addr, ai->ai_addrlen);
    ::freeaddrinfo(list);
    return r;
}

std::unique_ptr<UdpSocket> openUdp(const Address& to, std::uint16_t port, std::string& error) {
    const auto* sa = reinterpret_cast<const sockaddr*>(to.sockaddr.data());
    const int fd = ::socket(sa->sa_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = fmt::format("no UDP socket: {}", std::strerror(errno));
        return nullptr;
    }
    const std::vector<std::uint8_t> dest = withPort(to, port);
    // connect() picks the source address and an ephemeral port, and filters other senders.
    if (::connect(fd, reinterpret_cast<const sockaddr*>(dest.data()),
                  static_cast<socklen_t>(dest.size())) != 0) {
        error = fmt::format("this system will not send to {}: {}", to.text, std::strerror(errno));
        ::close(fd);
        return nullptr;
    }
    sockaddr_storage local{};
    socklen_t len = sizeof local;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len);
    const std::uint16_t localPort = portOf(local);
    return std::make_unique<PosixUdp>(fd, fromSockaddr(reinterpret_cast<sockaddr*>(&local), len),
                                      localPort);
}

} // namespace aovpn::platform::probe
