// ProfileXML text -> Profile. Tolerant of what people paste (BOM, UTF-16, CRLF, declaration,
// comments, any order); strict about telling them where the text is broken.
#include "model/profile_xml.hpp"

#include "element_reader.hpp"
#include "parse_errors.hpp"
#include "text_decode.hpp"

namespace aovpn {
namespace {
using N = pugi::xml_node;

void readRoot(xml::Reader& r, const pugi::xml_document& doc, N root, Profile& p) {
    if (xml::hasForeignAttributes(root))
        r.note(root, "xml.root-attributes", "attributes on <VPNProfile> are ignored.");
    // Comments before the root are the profile's own; those after it go to its end.
    for (N c = doc.first_child(); c && c != root; c = c.next_sibling())
        if (c.type() == pugi::node_comment)
            p.comments.push_back({xml::sanitizeComment(c.value()), ""});
    readElement(r, root, schema::vpnProfile(), &p);
    for (N extra = root.next_sibling(); extra; extra = extra.next_sibling()) {
        if (extra.type() == pugi::node_comment)
            p.comments.push_back({xml::sanitizeComment(extra.value()), std::string(kCommentAtEnd)});
        else if (extra.type() == pugi::node_element)
            r.note(extra, "xml.second-root",
                   "only one <VPNProfile> is read; this element after it is ignored.");
    }
}

} // namespace

ReadResult readProfileXml(std::string_view input) {
    ReadResult result;
    xml::DecodedText decoded = xml::decodeInput(input);
    result.source = std::move(decoded.text);
    if (decoded.error) {
        result.errors.push_back(std::move(*decoded.error));
        return result;
    }
    result.warnings = std::move(decoded.notes);
    const std::string& text = result.source;
    if (!xml::checkAmpersands(text, result.warnings, result.errors)) return result;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(text.data(), text.size(), xml::kParseOptions, pugi::encoding_utf8);
    if (!parsed) {
        result.errors.push_back(xml::describeParseError(text, parsed));
        return result;
    }
    xml::Reader r(text, result);
    N root = doc.document_element();
    // Names are checked where the reader does not recognise an element (Reader::check), so
    // what is outside the root is checked here.
    for (N top = doc.first_child(); top; top = top.next_sibling())
        if (top.type() == pugi::node_element && top != root && !r.check(top)) return result;
    if (!root || std::string_view(root.name()) != "VPNProfile") {
        if (root && !r.check(root)) return result;
        result.errors.push_back(xml::missingRoot(text, root));
        return result;
    }
    if (root.first_attribute() && !r.checkAttributeNames(root)) return result;
    readRoot(r, doc, root, result.profile);
    if (r.failed()) { // a name or nesting deep inside that XML does not allow
        result.profile = Profile{};
        return result;
    }
    r.finish();
    return result;
}

} // namespace aovpn
