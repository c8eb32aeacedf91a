// Names from certificates and the system are shown to a helpdesk that decides by them: nothing in
// them may hide (a NUL ends the text in C APIs and ImGui), reorder (bidi overrides) or garble the
// line (C0/C1 controls, broken UTF-8). Those become visible escapes.
#include "platform/platform.hpp"

#include <cstdio>

namespace aovpn::platform {

namespace {
void escapeByte(std::string& out, unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X", b);
    out += buf;
}

void escapeCodePoint(std::string& out, unsigned cp) {
    char buf[12];
    std::snprintf(buf, sizeof buf, "\\u%04X", cp);
    out += buf;
}

// Length of a valid UTF-8 sequence at s[i] and its code point; 0 when invalid.
std::size_t decode(std::string_view s, std::size_t i, unsigned& cp) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
    if (b >= 0xF5 || n == 0 || i + n > s.size()) return 0;
    cp = b & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool hidesOrReorders(unsigned cp) {
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0xFEFF;
}
} // namespace

std::string visibleText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            if (b < 0x20 || b == 0x7F)
                escapeByte(out, b);
            else
                out += static_cast<char>(b);
            ++i;
            continue;
        }
        unsigned cp = 0;
        const std::size_t n = decode(text, i, cp);
        if (n == 0) {
            escapeByte(out, b);
            ++i;
        } else {
            if (hidesOrReorders(cp))
                escapeCodePoint(out, cp);
            else
                out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

} // namespace aovpn::platform
