#pragma once
// Internal: how user text appears inside messages. A pasted 10 kB value must not flood the
// issue list, and a cut must not split a UTF-8 sequence.
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn::detail {

inline std::string quoted(std::string_view text, std::size_t maxBytes = 80) {
    std::size_t cut = text.size();
    if (cut > maxBytes) {
        cut = maxBytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
    }
    // Appended piece by piece: "'" + std::string trips GCC 12's -Wrestrict false positive.
    std::string out;
    out.reserve(cut + 5);
    out += '\'';
    out.append(text.substr(0, cut));
    if (cut < text.size()) out += "\u2026";
    out += '\'';
    return out;
}

inline bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
inline bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!isDigit(c)) return false;
    return true;
}

// Decimal digits only (no sign, no spaces) into `out`; false when not all digits or too big.
template <typename T> bool parseDigits(std::string_view s, T& out, int base = 10) {
    if (s.empty() || s.size() > 20) return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out, base);
    return ec == std::errc() && end == s.data() + s.size() && s.front() != '-' && s.front() != '+';
}

// Splits on `sep` exactly as typed (no trimming; spaces inside an address are an error).
inline std::vector<std::string_view> splitRaw(std::string_view text, char sep) {
    std::vector<std::string_view> items;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(sep, start);
        items.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos) return items;
        start = at + 1;
    }
}

} // namespace aovpn::detail
