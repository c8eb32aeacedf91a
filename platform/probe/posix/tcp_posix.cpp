// Check gateway on POSIX: a non-blocking TCP stream with deadlines, for the SSTP TLS check.
#include "../sockaddr_util.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace aovpn::platform::probe {
namespace {

// Polls `fd` for `events` until the deadline, in slices that watch `stop`. 1 ready, 0 timeout
// or stop, -1 error.
int waitFor(int fd, short events, std::chrono::steady_clock::time_point deadline,
            const std::stop_token& stop) {
    while (!stop.stop_requested()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return 0;
        pollfd p{fd, events, 0};
        const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 100)));
        if (n > 0) return 1;
        if (n < 0 && errno != EINTR) return -1;
    }
    return 0;
}

class PosixTcp final : public TcpStream {
  public:
    explicit PosixTcp(int fd) : fd_(fd) {}
    ~PosixTcp() override { ::close(fd_); }
    PosixTcp(const PosixTcp&) = delete;
    PosixTcp& operator=(const PosixTcp&) = delete;
    long write(std::span<const std::uint8_t> d, std::chrono::steady_clock::time_point deadline,
               const std::stop_token& stop, std::string& error) override {
        std::size_t done = 0;
        while (done < d.size()) {
            if (waitFor(fd_, POLLOUT, deadline, stop) != 1) {
                error = "the server did not take the data in time";
                return -1;
            }
            const ssize_t n = ::send(fd_, d.data() + done, d.size() - done, MSG_NOSIGNAL);
            if (n < 0 && errno != EAGAIN && errno != EINTR) {
                error = fmt::format("sending failed: {}", std::strerror(errno));
                return -1;
            }
            if (n > 0) done += static_cast<std::size_t>(n);
        }
        return static_cast<long>(done);
    }
    long read(std::span<std::uint8_t> into, std::chrono::steady_clock::time_point deadline,
              const std::stop_token& stop, std::string& error) override {
        for (;;) {
            if (waitFor(fd_, POLLIN, deadline, stop) != 1) {
                error = stop.stop_requested() ? "cancelled" : "no answer in time";
                return -1;
            }
            const ssize_t n = ::recv(fd_, into.data(), into.size(), 0);
            if (n >= 0) return static_cast<long>(n);
            if (errno != EAGAIN && errno != EINTR) {
                error = fmt::format("receiving failed: {}", std::strerror(errno));
                return -1;
            }
        }
    }
    std::intptr_t handle() const override { return fd_; }

  private:
    int fd_;
};

} // namespace

std::unique_ptr<TcpStream> connectTcp(const Address& to, std::uint16_t port,
                                      std::chrono::steady_clock::time_point deadline,
                                      const std::stop_token& stop, std::string& error) {
    std::vector<std::uint8_t> dest = withPort(to, port);
    auto* sa = reinterpret_cast<sockaddr*>(dest.data());
    const int fd = ::socket(sa->sa_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        error = fmt::format("no TCP socket: {}", std::strerror(errno));
        return nullptr;
    }
    auto stream = std::make_unique<PosixTcp>(fd);
    if (::connect(fd, sa, static_cast<socklen_t>(dest.size())) != 0 && errno != EINPROGRESS) {
        error = std::strerror(errno);
        return nullptr;
    }
    const int ready = waitFor(fd, POLLOUT, deadline, stop);
    int soError = 0;
    socklen_t len = sizeof soError;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len);
    if (ready != 1 || soError != 0) {
        error = ready == 0 ? (stop.stop_requested() ? "cancelled" : "timed out")
                           : std::strerror(soError ? soError : errno);
        return nullptr;
    }
    return stream;
}

} // namespace aovpn::platform::probe
