#pragma once
// An IP address as two integers (family first), for sorting thousands of routes and ranges with
// plain integer compares instead of byte-by-byte ones.
#include "model/net.hpp"

#include <compare>
#include <cstdint>

namespace aovpn::detail {

struct IpKey {
    std::uint8_t family = 0;
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;
    friend auto operator<=>(const IpKey&, const IpKey&) = default;
};

inline IpKey ipKey(const IpAddress& a) {
    IpKey k;
    k.family = static_cast<std::uint8_t>(a.family);
    for (int i = 0; i < 8; ++i)
        k.hi = (k.hi << 8) | a.bytes[static_cast<std::size_t>(i)];
    for (int i = 8; i < 16; ++i)
        k.lo = (k.lo << 8) | a.bytes[static_cast<std::size_t>(i)];
    return k;
}

} // namespace aovpn::detail
