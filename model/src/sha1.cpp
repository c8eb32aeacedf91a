// SHA-1 per FIPS 180-4 §6.1, one 64-byte block at a time.
#include "model/sha1.hpp"

#include <vector>

namespace aovpn {
namespace {

constexpr std::uint32_t rotl(std::uint32_t x, int n) {
    return (x << n) | (x >> (32 - n));
}

void block(std::array<std::uint32_t, 5>& h, const std::uint8_t* p) {
    std::array<std::uint32_t, 80> w{};
    for (int t = 0; t < 16; ++t)
        w[t] = std::uint32_t{p[4 * t]} << 24 | std::uint32_t{p[4 * t + 1]} << 16 |
               std::uint32_t{p[4 * t + 2]} << 8 | std::uint32_t{p[4 * t + 3]};
    for (int t = 16; t < 80; ++t)
        w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; ++t) {
        std::uint32_t f = 0, k = 0;
        if (t < 20) {
            f = (b & c) | (~b & d);
            k = 0x5A827999;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ED9EBA1;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8F1BBCDC;
        } else {
            f = b ^ c ^ d;
            k = 0xCA62C1D6;
        }
        const std::uint32_t temp = rotl(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = temp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

} // namespace

Sha1Digest sha1(std::span<const std::uint8_t> data) {
    std::array<std::uint32_t, 5> h{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::size_t i = 0;
    for (; i + 64 <= data.size(); i += 64)
        block(h, data.data() + i);
    // Padding: 0x80, zeros, the bit length as 64-bit big-endian.
    std::vector<std::uint8_t> tail(data.begin() + static_cast<std::ptrdiff_t>(i), data.end());
    tail.push_back(0x80);
    while (tail.size() % 64 != 56)
        tail.push_back(0);
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    for (int s = 56; s >= 0; s -= 8)
        tail.push_back(static_cast<std::uint8_t>(bits >> s));
    for (std::size_t j = 0; j < tail.size(); j += 64)
        block(h, tail.data() + j);
    Sha1Digest out{};
    for (std::size_t j = 0; j < 20; ++j)
        out[j] = static_cast<std::uint8_t>(h[j / 4] >> (24 - 8 * (j % 4)));
    return out;
}

std::string hexUpper(std::span<const std::uint8_t> bytes) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 15];
    }
    return out;
}

} // namespace aovpn
