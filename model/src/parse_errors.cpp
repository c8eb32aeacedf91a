#include "parse_errors.hpp"

#include <fmt/format.h>

#include <vector>

namespace aovpn::xml {
namespace {

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

XmlDiagnostic placed(std::string_view text, std::size_t offset, std::string_view rule,
                     const std::string& sentence) {
    const auto lc = lineColumnAt(text, offset);
    const RuleInfo* info = findRule(rule);
    return {lc.line,
            lc.column,
            fmt::format("Line {}, column {}: {}", lc.line, lc.column, sentence),
            std::string(rule),
            {},
            info ? info->severity : Severity::Error,
            {}};
}

XmlDiagnostic describeParseError(std::string_view text, const pugi::xml_parse_result& r) {
    auto offset = static_cast<std::size_t>(r.offset);
    // pugixml points after "</" of a mismatched closing tag; point at the tag itself.
    if (r.status == pugi::status_end_element_mismatch && offset >= 2 && offset <= text.size() &&
        text.substr(offset - 2, 2) == "</")
        offset -= 2;
    const std::string sentence = r.status == pugi::status_end_element_mismatch
                                     ? mismatchSentence(text, offset)
                                     : statusSentence(r.status);
    return placed(text, offset, "xml.malformed", sentence);
}

XmlDiagnostic missingRoot(std::string_view text, pugi::xml_node root) {
    if (!root)
        return {0,
                0,
                "There is no <VPNProfile> element in the text.",
                "xml.no-profile",
                {},
                Severity::Error,
                {}};
    std::size_t at = static_cast<std::size_t>(root.offset_debug());
    if (at > 0 && at <= text.size() && text[at - 1] == '<') --at;
    return placed(text, at, "xml.no-profile",
                  fmt::format("the text starts with <{}> but a profile starts with <VPNProfile>.",
                              root.name()));
}

// A numeric character reference whose value is 0 (&#0;, &#x000;): pugixml would end the value
// there, silently cutting it.
static bool isNulReference(std::string_view ref) {
    if (ref.size() < 2 || ref[0] != '#') return false;
    const bool hex = ref[1] == 'x' || ref[1] == 'X';
    const std::string_view digits = ref.substr(hex ? 2 : 1);
    return !digits.empty() && digits.find_first_not_of('0') == std::string_view::npos;
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
bool checkAmpersands(std::string_view t, std::vector<XmlDiagnostic>& warnings,
                     std::vector<XmlDiagnostic>& errors) {
    int reported = 0;
    for (std::size_t i = 0; i < t.size();) {
        const std::size_t amp = t.find('&', i);
        if (amp == std::string_view::npos) return true;
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
            if (at == std::string_view::npos) return true;
            i = at + close.size();
            continue;
        }
        i = amp + 1;
        if (isEntityReference(t, amp)) {
            if (!isNulReference(t.substr(amp + 1, t.find(';', amp) - amp - 1))) continue;
            errors.push_back(placed(t, amp, "xml.nul-reference",
                                    "the character reference &#0; stands for a NUL character, "
                                    "which XML cannot carry; it would cut the value short."));
            return false;
        }
        if (reported++ >= 10) continue; // keep scanning for &#0; but stop reporting
        warnings.push_back(placed(t, amp, "xml.bare-ampersand",
                                  "a bare '&' is not valid XML and Windows rejects the profile; "
                                  "it is read as a literal '&' and written as &amp;."));
    }
    return true;
}

} // namespace aovpn::xml
