// Check gateway on Windows: the IKE key exchange value (BCrypt DH / ECDH), SHA-1 and randomness.
#include "model/ike_groups.hpp"

#include "../modp_math.hpp"
#include "../probe_os.hpp"
#include "win32/win_util.hpp" // <windows.h> before <bcrypt.h>

#include <fmt/format.h>

#include <bcrypt.h>

namespace aovpn::platform::probe {
namespace {

bool ok(NTSTATUS s) {
    return s >= 0;
}

struct Alg {
    BCRYPT_ALG_HANDLE h = nullptr;
    ~Alg() {
        if (h) BCryptCloseAlgorithmProvider(h, 0);
    }
};
struct Key {
    BCRYPT_KEY_HANDLE h = nullptr;
    ~Key() {
        if (h) BCryptDestroyKey(h);
    }
};

std::string failed(std::string_view what, NTSTATUS s) {
    return fmt::format("BCrypt could not {} (NTSTATUS 0x{:08X})", what, static_cast<ULONG>(s));
}

std::vector<std::uint8_t> hexBytes(std::string_view hex, std::size_t size) {
    std::vector<std::uint8_t> out(size, 0);
    // Right-aligned: a generator "2" becomes 00 .. 00 02 (BCrypt wants p and g of key length).
    std::size_t o = size;
    for (std::size_t i = hex.size(); i > 0 && o > 0;) {
        auto nib = [&](char c) {
            return static_cast<std::uint8_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        };
        std::uint8_t b = nib(hex[--i]);
        if (i > 0) b = static_cast<std::uint8_t>(b | nib(hex[--i]) << 4);
        out[--o] = b;
    }
    return out;
}

bool exportBlob(BCRYPT_KEY_HANDLE key, LPCWSTR type, std::vector<UCHAR>& blob, std::string& error) {
    ULONG size = 0;
    NTSTATUS s = BCryptExportKey(key, nullptr, type, nullptr, 0, &size, 0);
    blob.resize(size);
    if (ok(s)) s = BCryptExportKey(key, nullptr, type, blob.data(), size, &size, 0);
    if (!ok(s)) error = failed("export the public key", s);
    return ok(s);
}

bool ecdh(std::uint16_t group, std::vector<std::uint8_t>& out, std::string& error) {
    const bool p256 = group == 19;
    Alg alg;
    Key key;
    NTSTATUS s = BCryptOpenAlgorithmProvider(
        &alg.h, p256 ? BCRYPT_ECDH_P256_ALGORITHM : BCRYPT_ECDH_P384_ALGORITHM, nullptr, 0);
    if (ok(s)) s = BCryptGenerateKeyPair(alg.h, &key.h, p256 ? 256 : 384, 0);
    if (ok(s)) s = BCryptFinalizeKeyPair(key.h, 0);
    if (!ok(s)) {
        error = failed(fmt::format("make an {} key", p256 ? "ECDH P-256" : "ECDH P-384"), s);
        return false;
    }
    std::vector<UCHAR> blob;
    if (!exportBlob(key.h, BCRYPT_ECCPUBLIC_BLOB, blob, error)) return false;
    // BCRYPT_ECCKEY_BLOB, then X and Y: the KE payload carries x || y (RFC 5903).
    const auto* header = reinterpret_cast<const BCRYPT_ECCKEY_BLOB*>(blob.data());
    const std::size_t len = 2 * header->cbKey;
    if (len != ike::keDataLength(group) || blob.size() < sizeof *header + len) {
        error = "BCrypt gave an ECDH public key of an unexpected size";
        return false;
    }
    out.assign(blob.begin() + sizeof *header,
               blob.begin() + static_cast<std::ptrdiff_t>(sizeof *header + len));
    return true;
}

constexpr NTSTATUS kNotImplemented = static_cast<NTSTATUS>(0xC0000002);

// Wine's BCrypt has no BCRYPT_DH_ALGORITHM: g^x mod p computed here, x from BCryptGenRandom
// (256 bits, below group 24's 256-bit subgroup order).
bool modpFallback(std::uint16_t group, const ike::ModpGroup& m, std::vector<std::uint8_t>& out,
                  std::string& error) {
    std::vector<std::uint8_t> x(32);
    if (!randomBytes(x, error)) return false;
    x[0] &= 0x7f;
    x[31] |= 1;
    out = modpPower(m, x);
    if (out.size() == ike::keDataLength(group)) return true;
    error = "the DH public value has an unexpected size";
    return false;
}

bool dh(std::uint16_t group, std::vector<std::uint8_t>& out, std::string& error) {
    const auto m = ike::modpGroup(group);
    const std::size_t bytes = ike::keDataLength(group);
    std::vector<UCHAR> params(sizeof(BCRYPT_DH_PARAMETER_HEADER) + 2 * bytes);
    auto* header = reinterpret_cast<BCRYPT_DH_PARAMETER_HEADER*>(params.data());
    header->cbLength = static_cast<ULONG>(params.size());
    header->dwMagic = BCRYPT_DH_PARAMETERS_MAGIC;
    header->cbKeyLength = static_cast<ULONG>(bytes);
    const auto p = hexBytes(m->primeHex, bytes), g = hexBytes(m->generatorHex, bytes);
    std::copy(p.begin(), p.end(), params.begin() + sizeof *header);
    std::copy(g.begin(), g.end(),
              params.begin() + static_cast<std::ptrdiff_t>(sizeof *header + bytes));
    Alg alg;
    Key key;
    const char* step = "open the DH provider";
    NTSTATUS s = BCryptOpenAlgorithmProvider(&alg.h, BCRYPT_DH_ALGORITHM, nullptr, 0);
    if (s == kNotImplemented) return modpFallback(group, *m, out, error);
    if (ok(s) && (step = "make a DH key pair"))
        s = BCryptGenerateKeyPair(alg.h, &key.h, static_cast<ULONG>(bytes * 8), 0);
    if (ok(s) && (step = "set the group's DH parameters"))
        s = BCryptSetProperty(key.h, BCRYPT_DH_PARAMETERS, params.data(),
                              static_cast<ULONG>(params.size()), 0);
    if (ok(s) && (step = "finalize the DH key pair")) s = BCryptFinalizeKeyPair(key.h, 0);
    if (!ok(s)) {
        error = failed(fmt::format("{} for {}", step, ike::groupName(group)), s);
        return false;
    }
    std::vector<UCHAR> blob;
    if (!exportBlob(key.h, BCRYPT_DH_PUBLIC_BLOB, blob, error)) return false;
    // BCRYPT_DH_KEY_BLOB, then p, g and the public value y, each cbKey bytes, big-endian.
    const auto* kb = reinterpret_cast<const BCRYPT_DH_KEY_BLOB*>(blob.data());
    if (kb->cbKey != bytes || blob.size() < sizeof *kb + 3 * bytes) {
        error = "BCrypt gave a DH public key of an unexpected size";
        return false;
    }
    const auto y = blob.begin() + static_cast<std::ptrdiff_t>(sizeof *kb + 2 * bytes);
    out.assign(y, y + static_cast<std::ptrdiff_t>(bytes));
    return true;
}

} // namespace

bool modpPublicValue(std::uint16_t group, std::vector<std::uint8_t>& out, std::string& error) {
    return dh(group, out, error);
}

bool ecpPublicValue(std::uint16_t group, std::vector<std::uint8_t>& out, std::string& error) {
    return ecdh(group, out, error);
}

bool randomBytes(std::span<std::uint8_t> out, std::string& error) {
    const NTSTATUS s = BCryptGenRandom(nullptr, out.data(), static_cast<ULONG>(out.size()),
                                       BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    if (!ok(s)) error = failed("give random bytes", s);
    return ok(s);
}

} // namespace aovpn::platform::probe
