// modpPower: Montgomery exponentiation for the IKE MODP primes (odd, 768-2048 bits).
#include "modp_math.hpp"

namespace aovpn::platform::probe {
namespace {

using Limbs = std::vector<std::uint32_t>; // little-endian

Limbs fromHex(std::string_view hex, std::size_t n) {
    Limbs out(n, 0);
    std::size_t bit = 0;
    for (std::size_t i = hex.size(); i > 0; --i, bit += 4) {
        const char c = hex[i - 1];
        const std::uint32_t v = c <= '9' ? static_cast<std::uint32_t>(c - '0')
                                         : static_cast<std::uint32_t>((c | 0x20) - 'a' + 10);
        if (bit / 32 < n) out[bit / 32] |= v << (bit % 32);
    }
    return out;
}

// a >= b (same length).
bool notLess(const Limbs& a, const Limbs& b) {
    for (std::size_t i = a.size(); i > 0; --i)
        if (a[i - 1] != b[i - 1]) return a[i - 1] > b[i - 1];
    return true;
}

void subtract(Limbs& a, const Limbs& b) {
    std::uint64_t borrow = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::uint64_t d = std::uint64_t{a[i]} - b[i] - borrow;
        a[i] = static_cast<std::uint32_t>(d);
        borrow = (d >> 63) & 1;
    }
}

// -p^-1 mod 2^32 (Newton iteration; p odd).
std::uint32_t negInverse(std::uint32_t p0) {
    std::uint32_t x = 1;
    for (int i = 0; i < 5; ++i)
        x *= 2 - p0 * x;
    return static_cast<std::uint32_t>(0u - x);
}

// a * b * R^-1 mod p (CIOS), a, b < p.
Limbs montMul(const Limbs& a, const Limbs& b, const Limbs& p, std::uint32_t n0) {
    const std::size_t n = p.size();
    std::vector<std::uint32_t> t(n + 2, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t carry = 0;
        for (std::size_t j = 0; j < n; ++j) {
            const std::uint64_t s = t[j] + std::uint64_t{a[j]} * b[i] + carry;
            t[j] = static_cast<std::uint32_t>(s);
            carry = s >> 32;
        }
        std::uint64_t s = t[n] + carry;
        t[n] = static_cast<std::uint32_t>(s);
        t[n + 1] = static_cast<std::uint32_t>(s >> 32);
        const std::uint32_t m = t[0] * n0;
        carry = (std::uint64_t{m} * p[0] + t[0]) >> 32;
        for (std::size_t j = 1; j < n; ++j) {
            s = t[j] + std::uint64_t{m} * p[j] + carry;
            t[j - 1] = static_cast<std::uint32_t>(s);
            carry = s >> 32;
        }
        s = t[n] + carry;
        t[n - 1] = static_cast<std::uint32_t>(s);
        t[n] = t[n + 1] + static_cast<std::uint32_t>(s >> 32);
    }
    Limbs r(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(n));
    if (t[n] != 0 || notLess(r, p)) subtract(r, p);
    return r;
}

// R^2 mod p, R = 2^(32 n): doubling 1 modulo p 2*32*n times.
Limbs rSquared(const Limbs& p) {
    Limbs r(p.size(), 0);
    if (r.empty()) return r;
    r.front() = 1;
    for (std::size_t i = 0; i < 64 * p.size(); ++i) {
        std::uint32_t carry = 0;
        for (std::uint32_t& limb : r) {
            const std::uint32_t next = limb >> 31;
            limb = limb << 1 | carry;
            carry = next;
        }
        if (carry || notLess(r, p)) subtract(r, p);
    }
    return r;
}

} // namespace

std::vector<std::uint8_t> modpPower(const ike::ModpGroup& group,
                                    std::span<const std::uint8_t> exponent) {
    const std::size_t bytes = group.primeHex.size() / 2;
    const std::size_t n = (bytes + 3) / 4;
    if (n == 0) return {};
    const Limbs p = fromHex(group.primeHex, n);
    const std::uint32_t n0 = negInverse(p[0]);
    const Limbs r2 = rSquared(p);
    Limbs one(n, 0);
    one.front() = 1;
    const Limbs g = montMul(fromHex(group.generatorHex, n), r2, p, n0);
    Limbs acc = montMul(one, r2, p, n0); // 1 in Montgomery form
    for (std::uint8_t byte : exponent)
        for (int bit = 7; bit >= 0; --bit) {
            acc = montMul(acc, acc, p, n0);
            if ((byte >> bit) & 1) acc = montMul(acc, g, p, n0);
        }
    const Limbs y = montMul(acc, one, p, n0);
    std::vector<std::uint8_t> out(bytes, 0);
    for (std::size_t i = 0; i < bytes; ++i)
        out[bytes - 1 - i] = static_cast<std::uint8_t>(y[i / 4] >> (8 * (i % 4)));
    return out;
}

} // namespace aovpn::platform::probe
