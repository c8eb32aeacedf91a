// ProfileXML text -> Profile. Tolerant of what people paste (BOM, UTF-16, CRLF, declaration,
// comments, any order); strict about telling them where the text is broken.
#include "model/profile_xml.hpp"

#include "element_reader.hpp"
#include "parse_errors.hpp"
#include "split_read.hpp"
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

// Parses `buffer` in place (pugixml writes into it) and reads it into `result`; `text` is the
// same text left intact, which positions and messages refer to. True when `buffer` still equals
// `text` afterwards (not parsed, or read in two halves, which restores it).
bool readParsed(ReadResult& result, std::string_view text, std::string& buffer,
                const ReadOptions& options) {
    if (!xml::checkAmpersands(text, result.warnings, result.errors)) return true;
    if (readSplit(result, text, buffer, options.splitFrom)) return true;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer_inplace(
        buffer.data(), buffer.size(), xml::kReadOptions, pugi::encoding_utf8);
    if (!parsed) {
        result.errors.push_back(xml::describeParseError(text, parsed));
        return false;
    }
    readDocument(result, text, doc);
    return false;
}

} // namespace

void readDocument(ReadResult& result, std::string_view text, pugi::xml_document& doc) {
    xml::Reader r(text, result);
    N root = doc.document_element();
    // Names are checked where the reader does not recognise an element (Reader::check), so
    // what is outside the root is checked here.
    for (N top = doc.first_child(); top; top = top.next_sibling())
        if (top.type() == pugi::node_element && top != root && !r.check(top)) return;
    if (!root || std::string_view(root.name()) != "VPNProfile") {
        if (root && !r.check(root)) return;
        result.errors.push_back(xml::missingRoot(text, root));
        return;
    }
    if (root.first_attribute() && !r.checkAttributeNames(root)) return;
    readRoot(r, doc, root, result.profile);
    if (r.failed()) { // a name or nesting deep inside that XML does not allow
        result.profile = Profile{};
        return;
    }
    r.finish();
}

ReadResult readProfileXml(std::string_view input) {
    return readProfileXml(input, ReadOptions{});
}

ReadResult readProfileXml(std::string_view input, const ReadOptions& options) {
    ReadResult result;
    xml::DecodedText decoded = xml::decodeInput(input);
    if (decoded.error) {
        result.source = std::move(decoded.text);
        result.errors.push_back(std::move(*decoded.error));
        return result;
    }
    result.warnings = std::move(decoded.notes);
    // pugixml parses the decoded copy in place rather than copying it again (2.9 MB for 10,000
    // routes + 10,000 filters, and the memory the system must map for it on every read). When
    // that copy is the input's own bytes, the input is the intact text while reading, and is
    // copied back over the parsed buffer afterwards, into memory already in use: that buffer
    // becomes `source`. Converted text is kept intact in `source` from the start.
    std::string buffer = std::move(decoded.text);
    if (!decoded.verbatim) result.source = buffer;
    const std::string_view text =
        decoded.verbatim ? input.substr(input.size() - buffer.size()) : result.source;
    const bool intact = readParsed(result, text, buffer, options);
    if (decoded.verbatim) {
        if (!intact) buffer.assign(text); // same length: no allocation
        result.source = std::move(buffer);
    }
    return result;
}

} // namespace aovpn
