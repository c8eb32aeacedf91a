// One reader for every described element: each child is looked up in the element's field list
// and read by its kind; nothing here names an element.
#include "element_reader.hpp"

#include "structure_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace aovpn {
namespace {
using schema::Field;
using schema::Kind;
using N = pugi::xml_node;

// The field for `name`: `hint` (the last one found) first, since runs of <Route> hit it, then
// the fields after it, where the next child of a file in schema order is, then the rest.
// `name` is measured once: compared as a C string, each field would measure it again.
const Field* fieldFor(const schema::Element& el, std::string_view name, std::size_t& hint) {
    const std::span<const Field> fields = el.fields;
    for (std::size_t i = hint; i < fields.size(); ++i)
        if (fields[i].name == name) return &fields[hint = i];
    for (std::size_t i = 0; i < hint && i < fields.size(); ++i)
        if (fields[i].name == name) return &fields[hint = i];
    return nullptr;
}

bool readValue(xml::Reader& r, N node, const Field& f, void* container) {
    std::string_view text;
    if (!r.text(node, text)) return false;
    switch (f.kind) {
    case Kind::Text:
        static_cast<std::string*>(f.access.add(container))->assign(text);
        return true;
    case Kind::Bool: {
        const auto b = r.boolean(node, text);
        if (b) *static_cast<bool*>(f.access.add(container)) = *b;
        return b.has_value();
    }
    case Kind::Number: {
        const auto n = r.number(node, text);
        if (n) *static_cast<std::uint32_t*>(f.access.add(container)) = *n;
        return n.has_value();
    }
    case Kind::Enum:
        f.access.setEnumText(f.access.add(container), text);
        return true;
    case Kind::Servers:
        if (text.empty())
            r.note(node, "xml.empty-servers", "<Servers> is empty; it is left out when saved.");
        *static_cast<std::vector<VpnServer>*>(container) = parseServers(text);
        return true;
    default:
        return false;
    }
}

// Eap/Configuration: the wrapper must hold exactly one Configuration.
bool readEap(xml::Reader& r, N node, const Field& f, void* container) {
    r.cleanTexts(node); // its indentation text, as unwrap() does: a stray control is not text
    N config = node.child("Configuration");
    if (xml::elementCount(node) != 1 || !config || xml::hasForeignAttributes(config) ||
        xml::hasSignificantText(node)) {
        r.reject("structure.shape", "<Eap> should hold exactly one <Configuration>");
        return false;
    }
    if (!r.check(config)) return false;
    *static_cast<EapConfig*>(f.access.add(container)) = readEapConfiguration(r, config);
    return true;
}

// Comments that cannot stay where they were (inside a value or a typed EAP block), in order.
void collectComments(N node, std::vector<std::string>& out) {
    const N first = node.first_child();
    if (!first || (first.type() == pugi::node_pcdata && !first.next_sibling())) return; // a value
    for (N c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_comment)
            out.push_back(xml::sanitizeComment(c.value()));
        else if (c.type() == pugi::node_element)
            collectComments(c, out);
    }
}

void attach(Comments& to, std::vector<std::string>& pending, std::string_view before) {
    for (std::string& text : pending)
        to.push_back({std::move(text), std::string(before)});
    pending.clear();
}

// After `f` took `child`: the comments before it go to the struct it became, or to the parent
// before its name; comments inside a value element go the same way.
void attachComments(xml::Reader& r, const schema::Element& el, void* object, const Field& f,
                    N child, std::vector<std::string>& pending) {
    if (f.kind == Kind::Struct) { // before the comments read inside it
        if (pending.empty()) return;
        Comments& own = *f.element->comments(f.at(object, f.count(object) - 1));
        Comments leading;
        attach(leading, pending, "");
        own.insert(own.begin(), leading.begin(), leading.end());
        return;
    }
    const bool keepsInside =
        f.kind == Kind::Xml ||
        (f.kind == Kind::Eap &&
         static_cast<const EapConfig*>(f.at(object, 0))->kind == EapKind::Opaque);
    // A value read as one plain text node holds no comment (the usual case).
    if (!keepsInside && !r.tookPlainText(child)) collectComments(child, pending);
    if (!pending.empty()) attach(*el.comments(object), pending, f.name);
}

// The usual case first, without a call: no comment before the child, and none inside it (a
// struct's are read inside it; a value read as one plain text node holds none).
inline void attachAround(xml::Reader& r, const schema::Element& el, void* object, const Field& f,
                         N child, std::vector<std::string>& pending) {
    if (pending.empty() && (f.kind == Kind::Struct || r.tookPlainText(child))) return;
    attachComments(r, el, object, f, child, pending);
}

// <DNSServers> for <DnsServers>: read under its right name (and written so); Windows does not
// recognise the name as written, so it is reported.
bool readCaseVariant(xml::Reader& r, N child, const schema::Element& el, void* object,
                     const Field*& taken) {
    const std::string_view right = xml::caseVariantIn(el.name, child.name());
    const Field* f = right.empty() ? nullptr : el.field(right);
    if (!f) return false;
    const std::string written = child.name();
    child.set_name(std::string(right).c_str());
    if (!readField(r, child, *f, object)) {
        child.set_name(written.c_str());
        return false;
    }
    r.note(child, "structure.name-case",
           fmt::format("<{}> is spelled <{}>: element names are case-sensitive, so Windows does "
                       "not recognise it. It is read as <{}> and written that way.",
                       written, right, right),
           fmt::format("Rename it <{}> (saving or aovpn normalize does).", right));
    taken = f;
    return true;
}

// <DomainNameInformationList>, the CSP's node name, written as an element (Microsoft's own VPNv2
// CSP sample does): read what it means, NRPT rules, and say Windows refuses it as written.
bool readCspList(xml::Reader& r, N child, const schema::Element& el, void* object,
                 const Field*& taken) {
    static constexpr std::string_view kList = "DomainNameInformationList";
    const Field* f = el.field("DomainNameInformation");
    if (!f || child.name() != kList || !r.claim(child, false)) return false;
    xml::KeptReason why = xml::classifyUnknown(el.name, kList);
    r.note(child, why.rule, why.sentence + " It is read as NRPT rules and written that way.",
           std::move(why.hint), fmt::format("DomainNameInformation[{}]", f->count(object)));
    bool wrapped = false;
    for (N rule = child.child("DomainNameInformation"); rule;
         rule = rule.next_sibling("DomainNameInformation")) {
        wrapped = true;
        if (!readField(r, rule, *f, object)) r.keep(rule, *el.extra(object), {});
    }
    if (!wrapped) { // its children are one rule's: DomainName, DNSServers...
        child.set_name("DomainNameInformation");
        readField(r, child, *f, object);
    }
    taken = f;
    return true;
}

// Before the first item of a list: room for all of its elements among the siblings, so 10,000
// <TrafficFilter>s do not move the ones read so far a dozen times.
void reserveFor(const Field& f, void* container, N first) {
    if (!f.list || f.access.count(container) != 0 || !f.access.reserve) return;
    // The name is taken once, and a first letter that differs (<Route>s before <TrafficFilter>s)
    // settles most compares without a call.
    const char* name = first.name();
    std::size_t n = 0;
    for (N c = first; c; c = c.next_sibling()) {
        const char* other = c.name();
        n += other[0] == name[0] && c.type() == pugi::node_element && std::strcmp(other, name) == 0;
    }
    f.access.reserve(container, n);
}

} // namespace

void sortComments(const schema::Element& el, Comments& comments) {
    if (comments.size() < 2) return;
    auto rank = [&](const Comment& c) {
        return c.before.empty() ? std::size_t{0} : el.rank(c.before) + 1;
    };
    std::stable_sort(comments.begin(), comments.end(),
                     [&](const Comment& a, const Comment& b) { return rank(a) < rank(b); });
}

bool readField(xml::Reader& r, N child, const Field& f, void* object) {
    void* container = f.access.container(object);
    reserveFor(f, container, child);
    if (!r.claim(child, !f.list && f.access.count(container) > 0)) return false;
    if (f.kind == Kind::Eap) return readEap(r, child, f, container);
    if (f.kind == Kind::Struct) {
        readElement(r, child, *f.element, f.access.add(container));
        return true;
    }
    if (f.kind == Kind::Xml) {
        // Vendors put XML here although the XSD says string: keep the content as XML text.
        if (!r.check(child)) return false;
        *static_cast<std::string*>(f.access.add(container)) = xml::rawContent(child);
        return true;
    }
    N value = child;
    if (!f.inner.empty() && !r.unwrap(child, f.inner.data(), value)) return false;
    return readValue(r, value, f, container);
}

void readElement(xml::Reader& r, N node, const schema::Element& el, void* object) {
    std::vector<std::string> pending;
    std::size_t hint = 0;
    bool strayText = false;
    xml::expandText(node); // text before its first child (kReadOptions), seen below as stray text
    for (N c = node.first_child(), next; c && !r.failed(); c = next) {
        next = c.next_sibling();
        const pugi::xml_node_type type = c.type();
        if (type == pugi::node_comment) {
            pending.push_back(xml::sanitizeComment(c.value()));
            continue;
        }
        if (type == pugi::node_pcdata || type == pugi::node_cdata) {
            if (!r.cleanText(c)) continue; // blank once cleaned: gone
            strayText = strayText || !xml::isBlankText(c.value());
            continue;
        }
        if (type != pugi::node_element) continue;
        r.clearReason();
        const Field* f = fieldFor(el, c.name(), hint);
        if (f && readField(r, c, *f, object)) {
            attachAround(r, el, object, *f, c, pending);
        } else if (!f && r.noReason() && readCaseVariant(r, c, el, object, f)) {
            attachAround(r, el, object, *f, c, pending);
        } else if (!f && readCspList(r, c, el, object, f)) {
            attachAround(r, el, object, *f, c, pending);
        } else {
            r.keep(c, *el.extra(object), pending);
            pending.clear();
        }
    }
    if (!pending.empty()) attach(*el.comments(object), pending, kCommentAtEnd);
    sortComments(el, *el.comments(object));
    if (strayText)
        r.note(node, "xml.stray-text",
               fmt::format("text directly inside <{}> is ignored.", node.name()));
}

} // namespace aovpn
