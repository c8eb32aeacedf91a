#pragma once
// A small PowerShell lexer for the export tests: finds single-quoted literals (with PowerShell's
// quote set and doubling rule), comments, double-quoted strings and here-strings, so a test can
// prove that a value only ever appears INSIDE a closed literal.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn::test {

struct PsLiteral {
    std::size_t begin = 0; // offset of the opening quote
    std::size_t end = 0;   // offset after the closing quote
    std::string value;     // decoded
};

struct PsScan {
    bool ok = true;
    std::string error;
    std::vector<PsLiteral> literals;
    std::string outside; // code and comments: everything not inside a single-quoted literal
    int doubleQuoted = 0;
    int hereStrings = 0;
};

// ' and U+2018..U+201B: PowerShell treats all five as single quotes.
inline std::size_t psSingleQuoteAt(std::string_view s, std::size_t i) {
    if (i < s.size() && s[i] == '\'') return 1;
    if (i + 2 < s.size() && s.substr(i, 2) == "\xE2\x80") {
        const auto c = static_cast<unsigned char>(s[i + 2]);
        if (c >= 0x98 && c <= 0x9B) return 3;
    }
    return 0;
}

// " and U+201C..U+201E.
inline std::size_t psDoubleQuoteAt(std::string_view s, std::size_t i) {
    if (i < s.size() && s[i] == '"') return 1;
    if (i + 2 < s.size() && s.substr(i, 2) == "\xE2\x80") {
        const auto c = static_cast<unsigned char>(s[i + 2]);
        if (c >= 0x9C && c <= 0x9E) return 3;
    }
    return 0;
}

// Reads a literal starting at `i` (an opening quote); returns false when it never closes.
inline bool psReadLiteral(std::string_view s, std::size_t& i, PsLiteral& lit) {
    lit.begin = i;
    i += psSingleQuoteAt(s, i);
    while (i < s.size()) {
        const std::size_t q = psSingleQuoteAt(s, i);
        if (q == 0) {
            lit.value += s[i++];
            continue;
        }
        const std::size_t q2 = psSingleQuoteAt(s, i + q);
        if (q2 == 0) {
            i += q;
            lit.end = i;
            return true;
        }
        lit.value.append(s.substr(i, q)); // a doubled quote stands for one
        i += q + q2;
    }
    return false;
}

inline void psSkipComment(std::string_view s, std::size_t& i, std::string& outside) {
    const bool block = s.substr(i, 2) == "<#";
    const std::size_t stop = block ? s.find("#>", i) : s.find('\n', i);
    const std::size_t end = stop == std::string_view::npos ? s.size() : stop + (block ? 2 : 0);
    outside.append(s.substr(i, end - i));
    i = end;
}

inline PsScan scanPowerShell(std::string_view s) {
    PsScan scan;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '#' || s.substr(i, 2) == "<#") {
            psSkipComment(s, i, scan.outside);
        } else if (psSingleQuoteAt(s, i) != 0) {
            PsLiteral lit;
            if (!psReadLiteral(s, i, lit)) {
                scan.ok = false;
                scan.error = "unterminated literal at offset " + std::to_string(lit.begin);
                return scan;
            }
            scan.literals.push_back(lit);
            scan.outside += ' ';
        } else {
            if (s[i] == '@' && (psSingleQuoteAt(s, i + 1) || psDoubleQuoteAt(s, i + 1)))
                ++scan.hereStrings;
            if (psDoubleQuoteAt(s, i)) ++scan.doubleQuoted;
            scan.outside += s[i++];
        }
    }
    return scan;
}

// The literal assigned by the line "$name = '...'", or nullptr.
inline const PsLiteral* psAssigned(const PsScan& scan, std::string_view script,
                                   std::string_view variable) {
    const std::string prefix = "$" + std::string(variable) + " = ";
    for (const PsLiteral& lit : scan.literals)
        if (lit.begin >= prefix.size() &&
            script.substr(lit.begin - prefix.size(), prefix.size()) == prefix &&
            (lit.begin == prefix.size() || script[lit.begin - prefix.size() - 1] == '\n'))
            return &lit;
    return nullptr;
}

inline std::string psBase64Decode(std::string_view in) {
    std::string out;
    unsigned acc = 0;
    int bits = 0;
    for (const char c : in) {
        int v = -1;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        if (c >= '0' && c <= '9') v = c - '0' + 52;
        if (c == '+') v = 62;
        if (c == '/') v = 63;
        if (v < 0) continue; // '=' padding
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return out;
}

// The value a "$name = ..." line gives: a single-quoted literal, or the script's run-time decoding
// of base64 UTF-8 ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('...'))).
inline std::optional<std::string> psAssignedValue(const PsScan& scan, std::string_view script,
                                                  std::string_view variable) {
    if (const PsLiteral* lit = psAssigned(scan, script, variable)) return lit->value;
    const std::string prefix = "$" + std::string(variable) +
                               " = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String(";
    for (const PsLiteral& lit : scan.literals)
        if (lit.begin >= prefix.size() &&
            script.substr(lit.begin - prefix.size(), prefix.size()) == prefix &&
            script.substr(lit.end, 3) == "))\n")
            return psBase64Decode(lit.value);
    return std::nullopt;
}

// Bytes read as Windows-1252 (what Windows PowerShell 5.1 does with a BOM-less script), as UTF-8.
inline std::string psAsWindows1252(std::string_view bytes) {
    static constexpr char16_t kHigh[32] = {
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    std::string out;
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        const char32_t cp = b >= 0x80 && b < 0xA0 ? kHigh[b - 0x80] : b;
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

} // namespace aovpn::test
