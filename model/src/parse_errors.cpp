#include "parse_errors.hpp"

#include <fmt/format.h>

#include <vector>

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

std::string fromUtf16(std::string_view in, bool bigEndian) {
    std::string out;
    auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(in[i]), b = static_cast<unsigned char>(in[i + 1]);
        return bigEndian ? char32_t((a << 8) | b) : char32_t((b << 8) | a);
    };
    for (std::size_t i = 2; i + 1 < in.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < in.size() && unit(i + 2) >= 0xDC00 &&
            unit(i + 2) <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        appendUtf8(out, cp);
    }
    return out;
}

struct OpenTag {
    std::string name;
    std::size_t offset;
};

// The elements open at `end`, by a light scan (comments, CDATA, PIs and quotes skipped).
std::vector<OpenTag> openElements(std::string_view t, std::size_t end) {
    std::vector<OpenTag> stack;
    auto skipPast = [&](std::size_t from, std::string_view marker) {
        const auto at = t.find(marker, from);
        return at == std::string_view::npos ? t.size() : at + marker.size();
    };
    for (std::size_t i = t.find('<'); i < end && i != std::string_view::npos; i = t.find('<', i)) {
        const std::string_view rest = t.substr(i);
        if (rest.starts_with("<!--")) {
            i = skipPast(i + 4, "-->");
            continue;
        }
        if (rest.starts_with("<![CDATA[")) {
            i = skipPast(i + 9, "]]>");
            continue;
        }
        if (rest.starts_with("<?")) {
            i = skipPast(i + 2, "?>");
            continue;
        }
        const bool closing = rest.starts_with("</");
        const std::size_t nameStart = i + (closing ? 2 : 1);
        std::size_t j = nameStart;
        while (j < t.size() && std::string_view(" \t\r\n/>").find(t[j]) == std::string_view::npos)
            ++j;
        const std::string name(t.substr(nameStart, j - nameStart));
        char quote = 0;
        while (j < t.size() && (quote || t[j] != '>')) {
            if (quote && t[j] == quote)
                quote = 0;
            else if (!quote && (t[j] == '"' || t[j] == '\''))
                quote = t[j];
            ++j;
        }
        if (closing && !stack.empty())
            stack.pop_back();
        else if (!closing && !(j > 0 && j < t.size() && t[j - 1] == '/'))
            stack.push_back({name, i});
        i = j;
    }
    return stack;
}

std::string mismatchSentence(std::string_view text, std::size_t offset) {
    const auto open = openElements(text, offset);
    if (open.empty()) return "a closing tag has no matching opening tag.";
    const auto opened = lineColumnAt(text, open.back().offset);
    const std::string_view rest = text.substr(std::min(offset, text.size()));
    const std::string where = rest.starts_with("</")
                                  ? fmt::format("before {}", rest.substr(0, rest.find('>') + 1))
                                  : std::string("before the end of the text");
    return fmt::format("the <{}> element (opened on line {}) is not closed {}.", open.back().name,
                       opened.line, where);
}

std::string statusSentence(pugi::xml_parse_status s) {
    switch (s) {
    case pugi::status_unrecognized_tag:
        return "a '<' starts something that is not a tag. Write a literal '<' as &lt;.";
    case pugi::status_bad_pi:
        return "the <?...?> declaration is broken.";
    case pugi::status_bad_comment:
        return "a comment is not closed with -->.";
    case pugi::status_bad_cdata:
        return "a CDATA section is not closed with ]]>.";
    case pugi::status_bad_doctype:
        return "the <!DOCTYPE> is broken.";
    case pugi::status_bad_pcdata:
        return "the text here is broken.";
    case pugi::status_bad_start_element:
        return "an opening tag is broken (a missing '>'?).";
    case pugi::status_bad_attribute:
        return "an attribute is broken: it needs a name, '=' and a value in quotes.";
    case pugi::status_bad_end_element:
        return "a closing tag is broken (a missing '>'?).";
    case pugi::status_no_document_element:
        return "there is no XML in the text.";
    default:
        return "the text is not valid XML.";
    }
}

} // namespace

std::string toUtf8WithoutBom(std::string_view in) {
    if (in.starts_with("\xEF\xBB\xBF")) return std::string(in.substr(3));
    if (in.starts_with("\xFF\xFE")) return fromUtf16(in, false);
    if (in.starts_with("\xFE\xFF")) return fromUtf16(in, true);
    return std::string(in);
}

XmlDiagnostic describeParseError(std::string_view text, const pugi::xml_parse_result& r) {
    auto offset = static_cast<std::size_t>(r.offset);
    // pugixml points after "</" of a mismatched closing tag; point at the tag itself.
    if (r.status == pugi::status_end_element_mismatch && offset >= 2 && offset <= text.size() &&
        text.substr(offset - 2, 2) == "</")
        offset -= 2;
    const auto lc = lineColumnAt(text, offset);
    const std::string sentence = r.status == pugi::status_end_element_mismatch
                                     ? mismatchSentence(text, offset)
                                     : statusSentence(r.status);
    return {lc.line, lc.column,
            fmt::format("Line {}, column {}: {}", lc.line, lc.column, sentence)};
}

XmlDiagnostic missingRoot(std::string_view text, pugi::xml_node root) {
    if (!root) return {0, 0, "There is no <VPNProfile> element in the text."};
    const auto lc = lineColumnAt(text, static_cast<std::size_t>(root.offset_debug()));
    return {lc.line, lc.column,
            fmt::format("Line {}, column {}: the text starts with <{}> but a profile starts with "
                        "<VPNProfile>.",
                        lc.line, lc.column, root.name())};
}

static bool isEntityReference(std::string_view t, std::size_t amp) {
    const auto semi = t.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) return false;
    const std::string_view ref = t.substr(amp + 1, semi - amp - 1);
    if (ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos") return true;
    return ref.size() > 1 && ref[0] == '#' &&
           ref.find_first_not_of("0123456789abcdefABCDEFx", 1) == std::string_view::npos;
}

// Jumps from '&' to '&' (memchr) instead of walking every character; a "<!" before the next
// '&' may open a comment or CDATA section, in which '&' is literal, so those are skipped whole.
void checkAmpersands(std::string_view t, std::vector<XmlDiagnostic>& warnings) {
    int reported = 0;
    for (std::size_t i = 0; i < t.size() && reported < 10;) {
        const std::size_t amp = t.find('&', i);
        if (amp == std::string_view::npos) return;
        const std::size_t bang = t.substr(0, amp).find("<!", i);
        if (bang != std::string_view::npos) {
            const std::string_view rest = t.substr(bang);
            const std::string_view close = rest.starts_with("<!--")        ? "-->"
                                           : rest.starts_with("<![CDATA[") ? "]]>"
                                                                           : "";
            if (close.empty()) {
                i = bang + 1;
                continue;
            }
            const auto at = t.find(close, bang);
            if (at == std::string_view::npos) return;
            i = at + close.size();
            continue;
        }
        i = amp + 1;
        if (isEntityReference(t, amp)) continue;
        const auto lc = lineColumnAt(t, amp);
        ++reported;
        warnings.push_back({lc.line, lc.column,
                            fmt::format("Line {}, column {}: a bare '&' is not valid XML and "
                                        "Windows rejects the profile; it is read as a literal "
                                        "'&' and written as &amp;.",
                                        lc.line, lc.column)});
    }
}

} // namespace aovpn::xml
