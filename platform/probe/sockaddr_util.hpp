#pragma once
// sockaddr <-> probe Address, the same on POSIX and Winsock. Internal to platform/probe.
#include "probe_os.hpp"

#include <algorithm>

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace aovpn::platform::probe {

inline Address fromSockaddr(const sockaddr* sa, std::size_t len) {
    Address a;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(sa);
    a.sockaddr.assign(bytes, bytes + len);
    char text[INET6_ADDRSTRLEN] = {};
    if (sa->sa_family == AF_INET) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(sa);
        const auto* raw = reinterpret_cast<const std::uint8_t*>(&in->sin_addr);
        a.raw.assign(raw, raw + 4);
        inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    } else {
        const auto* in6 = reinterpret_cast<const sockaddr_in6*>(sa);
        const auto* raw = reinterpret_cast<const std::uint8_t*>(&in6->sin6_addr);
        a.raw.assign(raw, raw + 16);
        inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    }
    a.text = text;
    return a;
}

// One resolved address into the result, once (getaddrinfo lists an address per socket type).
inline void addResolved(Resolution& r, const sockaddr* sa, std::size_t len) {
    if (sa->sa_family != AF_INET && sa->sa_family != AF_INET6) return;
    Address a = fromSockaddr(sa, len);
    auto& seen = r.observation.addresses;
    if (std::find(seen.begin(), seen.end(), a.text) != seen.end()) return;
    seen.push_back(a.text);
    r.addresses.push_back(std::move(a));
}

// The address with `port` set, ready for connect().
inline std::vector<std::uint8_t> withPort(const Address& a, std::uint16_t port) {
    std::vector<std::uint8_t> s = a.sockaddr;
    auto* sa = reinterpret_cast<sockaddr*>(s.data());
    if (sa->sa_family == AF_INET)
        reinterpret_cast<sockaddr_in*>(sa)->sin_port = htons(port);
    else
        reinterpret_cast<sockaddr_in6*>(sa)->sin6_port = htons(port);
    return s;
}

inline std::uint16_t portOf(const sockaddr_storage& s) {
    return s.ss_family == AF_INET ? ntohs(reinterpret_cast<const sockaddr_in*>(&s)->sin_port)
                                  : ntohs(reinterpret_cast<const sockaddr_in6*>(&s)->sin6_port);
}

} // namespace aovpn::platform::probe
