// The package's gateway roots: VpnServerRoot.cer (DER, or PEM) and CaCerts/string (base64 DER)
// as TrustedRootCA thumbprints (SHA-1 of the DER, hex).
#include "model/sha1.hpp"

#include "azure_import_internal.hpp"

#include <fmt/format.h>

namespace aovpn::azure {
namespace {

int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// A DER SEQUENCE whose length is the whole input: what a certificate looks like from outside.
bool looksLikeDer(std::string_view der) {
    if (der.size() < 4 || static_cast<unsigned char>(der[0]) != 0x30) return false;
    const auto first = static_cast<unsigned char>(der[1]);
    std::size_t len = 0, header = 2;
    if (first < 0x80) {
        len = first;
    } else {
        const std::size_t n = first & 0x7f;
        if (n == 0 || n > 4 || der.size() < 2 + n) return false;
        for (std::size_t i = 0; i < n; ++i)
            len = len << 8 | static_cast<unsigned char>(der[2 + i]);
        header += n;
    }
    return header + len == der.size();
}

} // namespace

std::optional<std::string> decodeBase64(std::string_view text) {
    std::string out;
    unsigned acc = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        const int v = base64Value(c);
        if (v < 0) return std::nullopt;
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xff);
        }
    }
    return out;
}

ParseResult<std::string> certificateThumbprint(std::string_view bytes, std::string_view what) {
    std::string der(bytes);
    const std::size_t begin = bytes.find("-----BEGIN CERTIFICATE-----");
    if (begin != std::string_view::npos) {
        const std::size_t start = begin + 27, end = bytes.find("-----END CERTIFICATE-----", start);
        const auto decoded = end == std::string_view::npos
                                 ? std::nullopt
                                 : decodeBase64(bytes.substr(start, end - start));
        if (!decoded)
            return ParseResult<std::string>::failure(fmt::format("{} is a broken PEM file.", what));
        der = *decoded;
    }
    if (!looksLikeDer(der))
        return ParseResult<std::string>::failure(
            fmt::format("{} is not a certificate (DER or PEM).", what));
    const auto* p = reinterpret_cast<const std::uint8_t*>(der.data());
    return ParseResult<std::string>::success(hexUpper(sha1({p, der.size()})));
}

} // namespace aovpn::azure
