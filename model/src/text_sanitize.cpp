// What XML 1.0 cannot carry, removed before writing (and after reading, so a profile read from
// text always writes back to the same text).
#include "xml_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace aovpn::xml {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid (overlong, surrogate,
// beyond U+10FFFF, truncated), plus the code point.
std::size_t utf8Sequence(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF)
        len = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF)
        len = 3;
    else if (b0 >= 0xF0 && b0 <= 0xF4)
        len = 4;
    else
        return 0;
    cp = b0 & (0x7F >> len);
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
    return len;
}

} // namespace

// 32, then eight bytes at a time while they are all ASCII (a whole profile is checked on every
// read).
static std::size_t asciiRun(std::string_view s, std::size_t i) {
    while (i + 32 <= s.size()) {
        std::uint64_t w[4];
        std::memcpy(w, s.data() + i, 32);
        if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) break;
        i += 32;
    }
    while (i + 8 <= s.size()) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
    }
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80)
        ++i;
    return i;
}

bool isValidUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            i = asciiRun(s, i);
            continue;
        }
        char32_t cp = 0;
        const std::size_t len = utf8Sequence(s, i, cp);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

bool appendValidUtf8(std::string& out, std::string_view s) {
    // 64 KB at a time: each piece is copied while it is still in the cache from its check (a
    // whole profile, 2.9 MB, is more than this machine's L2), instead of a check of all of it
    // and then a copy that reads it again.
    constexpr std::size_t kPiece = 64 * 1024;
    out.reserve(out.size() + s.size());
    for (std::size_t from = 0; from < s.size();) {
        const std::string_view piece = s.substr(0, std::min(s.size(), from + kPiece));
        std::size_t i = from;
        while (i < piece.size()) {
            if (static_cast<unsigned char>(s[i]) < 0x80) {
                i = asciiRun(piece, i);
                continue;
            }
            char32_t cp = 0;
            const std::size_t len = utf8Sequence(s, i, cp); // may end past the piece
            if (len == 0) return false;
            i += len;
        }
        out.append(s.substr(from, i - from));
        from = i;
    }
    return true;
}

std::string sanitizeComment(std::string_view text) {
    std::string t(text);
    sanitizeText(t);
    std::string out;
    out.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        out += t[i];
        if (t[i] == '-' && (i + 1 == t.size() || t[i + 1] == '-')) out += ' ';
    }
    return out;
}

bool isPlainAscii(std::string_view s) {
    auto plain = [](unsigned char c) { return (c >= 0x20 && c < 0x80) || c == '\t' || c == '\n'; };
    // Eight at a time while no byte is below 0x20 or above 0x7F; a word with a tab or a line
    // feed is checked byte by byte, then the word loop goes on.
    constexpr std::uint64_t k20 = 0x2020202020202020ull, k80 = 0x8080808080808080ull;
    std::size_t i = 0;
    while (i + 8 <= s.size()) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (((w - k20) | w) & k80) {
            for (std::size_t k = i; k < i + 8; ++k)
                if (!plain(static_cast<unsigned char>(s[k]))) return false;
        }
        i += 8;
    }
    for (; i < s.size(); ++i)
        if (!plain(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

std::string sanitizeText(std::string& text) {
    if (isPlainAscii(text)) return {}; // almost every value: one tight pass, no allocation
    std::string out;
    out.reserve(text.size());
    std::string changed;
    auto note = [&](const std::string& what) {
        if (changed.find(what) == std::string::npos)
            changed += (changed.empty() ? "" : ", ") + what;
    };
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = utf8Sequence(text, i, cp);
        if (len == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD
            note("invalid UTF-8 replaced by U+FFFD");
            ++i;
            continue;
        }
        if (cp == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            note("carriage return turned into a line feed");
        } else if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF) {
            note(fmt::format("control character U+{:04X} removed", static_cast<unsigned>(cp)));
        } else {
            out.append(text, i, len);
        }
        i += len;
    }
    if (!changed.empty()) text = std::move(out);
    return changed;
}

} // namespace aovpn::xml
