// Profile -> canonical ProfileXML, streamed into one buffer by walking the description
// (model/describe.hpp) in schema order: no tree is built for the profile's own elements. Kept
// unknown elements follow the known ones, in the order they were read; comments stand before
// the element they preceded.
#include "model/describe.hpp"
#include "model/profile_xml.hpp"

#include "xml_emit.hpp"
#include "xml_out.hpp"

#include <charconv>

namespace aovpn {
void writeEap(xml::Emitter& out, pugi::xml_node configuration, const EapConfig& eap);

namespace {
using schema::Element;
using schema::Field;
using schema::Kind;
using xml::XmlOut;

void writeElement(XmlOut& out, const Element& el, const void* object, int depth);

// A value as text: a view of what the profile stores, or of `scratch` when it must be made.
std::string_view valueText(const Field& f, const void* item, std::string& scratch) {
    switch (f.kind) {
    case Kind::Text:
        return *static_cast<const std::string*>(item);
    case Kind::Bool:
        return xml::boolText(*static_cast<const bool*>(item));
    case Kind::Number: {
        char digits[16];
        const auto end =
            std::to_chars(digits, digits + sizeof digits, *static_cast<const std::uint32_t*>(item));
        scratch.assign(digits, end.ptr);
        return scratch;
    }
    case Kind::Enum:
        return f.access.enumText(item);
    case Kind::Servers:
        scratch = formatServers(*static_cast<const std::vector<VpnServer>*>(item));
        return scratch;
    default:
        return {};
    }
}

void writeEapField(XmlOut& out, const EapConfig& eap, int depth) {
    std::vector<XmlDiagnostic> warnings;
    xml::Emitter emitter(warnings);
    pugi::xml_document doc;
    pugi::xml_node wrapper = doc.append_child("Eap");
    writeEap(emitter, wrapper.append_child("Configuration"), eap);
    for (XmlDiagnostic& w : warnings)
        out.warn(std::move(w.message));
    out.node(wrapper, depth);
}

void writeXmlField(XmlOut& out, const Field& f, const std::string& content, int depth) {
    std::vector<XmlDiagnostic> warnings;
    xml::Emitter emitter(warnings);
    pugi::xml_document doc;
    pugi::xml_node n = doc.append_child(std::string(f.name).c_str());
    emitter.raw(n, content);
    for (XmlDiagnostic& w : warnings)
        out.warn(std::move(w.message));
    out.node(n, depth);
}

void writeField(XmlOut& out, const Field& f, const void* object, int depth) {
    const std::size_t n = f.count(object);
    for (std::size_t i = 0; i < n; ++i) {
        const void* item = f.at(object, i);
        switch (f.kind) {
        case Kind::Struct:
            writeElement(out, *f.element, item, depth);
            break;
        case Kind::Eap:
            writeEapField(out, *static_cast<const EapConfig*>(item), depth);
            break;
        case Kind::Xml:
            writeXmlField(out, f, *static_cast<const std::string*>(item), depth);
            break;
        default: {
            std::string scratch;
            const std::string_view text = valueText(f, item, scratch);
            if (f.inner.empty()) {
                out.value(f.name, text, depth);
            } else {
                out.open(f.name, depth);
                out.value(f.inner, text, depth + 1);
                out.close(f.name, depth);
            }
        }
        }
    }
}

void writeComments(XmlOut& out, const Comments& comments, std::string_view before, int depth) {
    for (const Comment& c : comments)
        if (c.before == before) out.comment(c.text, depth);
}

bool hasContent(const Element& el, const void* object, bool withComments) {
    for (const Field& f : el.fields)
        if (f.count(object) > 0) return true;
    if (!el.cextra(object)->empty()) return true;
    if (!withComments) return false;
    for (const Comment& c : *el.ccomments(object))
        if (!c.before.empty()) return true;
    return false;
}

void writeElement(XmlOut& out, const Element& el, const void* object, int depth) {
    const Comments& comments = *el.ccomments(object);
    writeComments(out, comments, "", depth);
    if (!hasContent(el, object, out.comments())) {
        out.empty(el.name, depth);
        return;
    }
    out.open(el.name, depth);
    for (const Field& f : el.fields) {
        if (!comments.empty()) writeComments(out, comments, f.name, depth + 1);
        writeField(out, f, object, depth + 1);
    }
    for (const std::string& raw : *el.cextra(object))
        out.raw(raw, el.name, depth + 1);
    // At the end: those placed there, and those whose element is not a child here.
    for (const Comment& c : comments)
        if (!c.before.empty() && el.rank(c.before) == el.fields.size())
            out.comment(c.text, depth + 1);
    out.close(el.name, depth);
}

} // namespace

WriteResult writeProfileXmlChecked(const Profile& profile, const WriteOptions& options) {
    WriteResult result;
    // About 110 bytes per route and 330 per traffic filter: one allocation for big profiles.
    XmlOut out(result.xml, result.warnings, options.comments,
               2048 + profile.routes.size() * 112 + profile.trafficFilters.size() * 336);
    writeElement(out, schema::vpnProfile(), &profile, 0);
    out.finish();
    return result;
}

std::string writeProfileXml(const Profile& profile, const WriteOptions& options) {
    return writeProfileXmlChecked(profile, options).xml;
}

} // namespace aovpn
