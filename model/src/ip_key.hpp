#pragma once
// An IP address as two integers (family first), for sorting thousands of routes and ranges with
// plain integer compares instead of byte-by-byte ones.
#include "model/net.hpp"

#include <bit>
#include <compare>
#include <cstdint>
#include <cstring>

namespace aovpn::detail {

struct IpKey {
    std::uint8_t family = 0;
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;
    friend auto operator<=>(const IpKey&, const IpKey&) = default;
};

// Eight bytes in network order as one integer.
inline std::uint64_t bigEndian64(const std::uint8_t* bytes) {
    std::uint64_t v;
    std::memcpy(&v, bytes, 8);
    if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
    return v;
}

inline IpKey ipKey(const IpAddress& a) {
    IpKey k;
    k.family = static_cast<std::uint8_t>(a.family);
    k.hi = bigEndian64(a.bytes.data());
    k.lo = bigEndian64(a.bytes.data() + 8);
    return k;
}

} // namespace aovpn::detail
