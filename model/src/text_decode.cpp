#include "text_decode.hpp"

#include "parse_errors.hpp"

#include <fmt/format.h>

#include <array>

namespace aovpn::xml {
namespace {

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

XmlDiagnostic note(std::string_view rule, std::string sentence) {
    const RuleInfo* info = findRule(rule);
    return {0, 0, std::move(sentence), std::string(rule), {}, info->severity, {}};
}

// UTF-16 from byte `from`; false (with `why`) on an unpaired surrogate or an odd length.
bool fromUtf16(std::string_view in, std::size_t from, bool bigEndian, std::string& out,
               std::string& why) {
    if ((in.size() - from) % 2 != 0) {
        why = "it ends in half a UTF-16 character (an odd number of bytes)";
        return false;
    }
    out.reserve(in.size() / 2 + 16);
    auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(in[i]), b = static_cast<unsigned char>(in[i + 1]);
        return bigEndian ? char32_t((a << 8) | b) : char32_t((b << 8) | a);
    };
    for (std::size_t i = from; i + 1 < in.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < in.size() && unit(i + 2) >= 0xDC00 &&
            unit(i + 2) <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            why = fmt::format("it holds half of a UTF-16 surrogate pair (at byte {})", i);
            return false;
        }
        appendUtf8(out, cp);
    }
    return true;
}

// Windows-1252's 0x80-0x9F (the five unassigned bytes map to the C1 controls, as browsers do);
// everything else is ISO-8859-1, i.e. the byte's own code point.
constexpr std::array<char16_t, 32> kCp1252High{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string fromCp1252(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 8);
    for (const char ch : in) {
        const auto b = static_cast<unsigned char>(ch);
        appendUtf8(out, b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : char32_t(b));
    }
    return out;
}

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// encoding="..." of a leading XML declaration, lower case; "" when there is none.
std::string declaredEncoding(std::string_view text) {
    if (!text.starts_with("<?xml")) return {};
    const std::string_view decl = text.substr(0, text.find("?>"));
    const std::size_t at = decl.find("encoding");
    if (at == std::string_view::npos) return {};
    const std::size_t quote = decl.find_first_of("\"'", at);
    if (quote == std::string_view::npos) return {};
    const std::size_t end = decl.find(decl[quote], quote + 1);
    return lowerAscii(decl.substr(quote + 1, end - quote - 1));
}

bool isOneOf(const std::string& name, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (name == n) return true;
    return false;
}

void decodeUtf16(std::string_view in, std::size_t from, bool bigEndian, DecodedText& out) {
    std::string why;
    if (!fromUtf16(in, from, bigEndian, out.text, why))
        out.error = note("text.encoding",
                         fmt::format("The file is UTF-16 but cannot be converted: {}. Save it "
                                     "again as UTF-8 or UTF-16.",
                                     why));
}

void decode8Bit(std::string_view in, DecodedText& out) {
    const std::string enc = declaredEncoding(in);
    if (enc.empty() || enc == "utf-8" || enc == "utf8") {
        if (!enc.empty()) { // invalid UTF-8 under a UTF-8 declaration is reported later
            out.text = std::string(in);
            out.verbatim = true;
            return;
        }
        if (appendValidUtf8(out.text, in)) { // checked and copied in one pass
            out.verbatim = true;
            return;
        }
        out.text = fromCp1252(in);
        out.notes.push_back(note("text.encoding-guessed",
                                 "The file is not UTF-8 and declares no encoding; it was read as "
                                 "Windows-1252 (Notepad's \"ANSI\"). Check the accented letters."));
        return;
    }
    if (isOneOf(enc, {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1",
                      "latin1", "l1", "cp819", "us-ascii", "ascii"})) {
        out.text = fromCp1252(in);
        out.notes.push_back(note(
            "text.encoding-converted",
            fmt::format("The file declares encoding \"{}\"; it was converted to UTF-8.", enc)));
        return;
    }
    out.error =
        note("text.encoding",
             fmt::format("The file declares encoding \"{}\", which this tool cannot convert{}. "
                         "Save it as UTF-8 (or UTF-16) and open it again.",
                         enc.substr(0, 40),
                         enc.starts_with("utf-16") ? " (and it is not UTF-16 text)" : ""));
}

} // namespace

DecodedText decodeInput(std::string_view in) {
    DecodedText out;
    if (in.starts_with(std::string_view("\x00\x00\xFE\xFF", 4)) ||
        in.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) {
        out.error = note("text.encoding", "The file is UTF-32, which this tool cannot read. Save "
                                          "it as UTF-8 (or UTF-16) and open it again.");
        return out;
    }
    if (in.starts_with("\xEF\xBB\xBF")) {
        out.text = std::string(in.substr(3));
        out.verbatim = true;
        return out;
    }
    if (in.starts_with("\xFF\xFE") || in.starts_with("\xFE\xFF")) {
        decodeUtf16(in, 2, in[0] == '\xFE', out);
        return out;
    }
    // No BOM: ASCII markup (the '<' or a blank) next to a zero byte is UTF-16.
    const bool le = in.size() >= 2 && in[0] != 0 && in[1] == 0;
    const bool be = in.size() >= 2 && in[0] == 0 && in[1] != 0;
    if (le || be) {
        decodeUtf16(in, 0, be, out);
        if (!out.error)
            out.notes.push_back(note("text.utf16-no-bom",
                                     fmt::format("The file is UTF-16 {} without a byte order mark "
                                                 "(BOM); it was read as such.",
                                                 be ? "big-endian" : "little-endian")));
        return out;
    }
    decode8Bit(in, out);
    return out;
}

} // namespace aovpn::xml
