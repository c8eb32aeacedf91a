#include "model/field_path.hpp"

#include "model/known_value.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <numeric>
#include <unordered_map>

namespace aovpn {
namespace {

std::string_view localName(const char* qname) {
    const std::string_view q = qname;
    const auto colon = q.find(':');
    return colon == std::string_view::npos ? q : q.substr(colon + 1);
}

// Children of one element grouped by local name, built the first time a path passes there.
// Grouped as the reader counts them: a <DomainNameInformationList> (the CSP's node name) is
// the NRPT rules it holds, or one rule when it holds a rule's children, in document order
// among the <DomainNameInformation> elements.
class ChildIndex {
  public:
    pugi::xml_node child(pugi::xml_node parent, std::string_view name, std::size_t index) {
        auto& byName = cache_[parent.internal_object()];
        if (byName.empty())
            for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
                if (c.type() == pugi::node_element) add(byName, c);
        auto it = byName.find(name);
        if (it == byName.end()) // <DNSServers> read as <DnsServers>
            it = std::ranges::find_if(
                byName, [&](const auto& entry) { return detail::equalsNoCase(entry.first, name); });
        if (it == byName.end()) return {};
        // An index into a list held in one element's text (Servers[1]) lands on the element.
        return index < it->second.size() ? it->second[index] : it->second.front();
    }

  private:
    using ByName = std::unordered_map<std::string_view, std::vector<pugi::xml_node>>;
    static void add(ByName& byName, pugi::xml_node c) {
        static constexpr std::string_view kRule = "DomainNameInformation";
        if (localName(c.name()) != "DomainNameInformationList") {
            byName[localName(c.name())].push_back(c);
            return;
        }
        bool wrapped = false;
        for (pugi::xml_node r = c.child(kRule.data()); r; r = r.next_sibling(kRule.data())) {
            byName[kRule].push_back(r);
            wrapped = true;
        }
        if (!wrapped) byName[kRule].push_back(c);
    }

    std::unordered_map<pugi::xml_node_struct*, ByName> cache_;
};

std::size_t offsetOf(std::string_view xml, pugi::xml_node node) {
    const std::ptrdiff_t d = node.offset_debug();
    std::size_t at = d < 0 ? 0 : std::min(static_cast<std::size_t>(d), xml.size());
    if (at > 0 && xml[at - 1] == '<') --at; // pugixml points at the name
    return at;
}

} // namespace

std::optional<FieldPath> FieldPath::parse(std::string_view text) {
    FieldPath p;
    if (text.empty()) return p;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t slash = std::min(text.find('/', start), text.size());
        std::string_view seg = text.substr(start, slash - start);
        PathSegment s;
        if (const auto open = seg.find('['); open != std::string_view::npos) {
            if (!seg.ends_with(']')) return std::nullopt;
            std::size_t index = 0;
            const std::string_view digits = seg.substr(open + 1, seg.size() - open - 2);
            const auto [end, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), index);
            if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
                return std::nullopt;
            s.index = index;
            seg = seg.substr(0, open);
        }
        if (seg.empty()) return std::nullopt;
        s.name = std::string(seg);
        p.segments_.push_back(std::move(s));
        if (slash == text.size()) break;
        start = slash + 1;
    }
    return p;
}

FieldPath FieldPath::child(std::string_view name) const {
    FieldPath p = *this;
    p.segments_.push_back({std::string(name), std::nullopt});
    return p;
}

FieldPath FieldPath::child(std::string_view name, std::size_t index) const {
    FieldPath p = *this;
    p.segments_.push_back({std::string(name), index});
    return p;
}

std::string FieldPath::str() const {
    std::string out;
    for (const PathSegment& s : segments_) {
        if (!out.empty()) out += '/';
        out += s.name;
        if (s.index) out += fmt::format("[{}]", *s.index);
    }
    return out;
}

FieldPath::Resolved FieldPath::resolve() const {
    const schema::Element* el = &schema::vpnProfile();
    const schema::Field* f = nullptr;
    std::size_t matched = 0;
    for (std::size_t i = 0; i < segments_.size(); ++i) {
        const std::string& name = segments_[i].name;
        if (f && f->kind != schema::Kind::Struct) {
            if (name != f->inner) break; // below a value: an EAP setting or a list entry
            matched = i + 1;             // a wrapper's inner element (App/Id) is the same field
            continue;
        }
        if (f) el = f->element;
        const schema::Field* next = el->field(name);
        if (!next) break;
        f = next;
        matched = i + 1;
    }
    return {el, f, matched};
}

std::vector<TextPosition> locateFields(std::string_view xml, std::span<const std::string> paths) {
    std::vector<TextPosition> out(paths.size());
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8))
        return out;
    const pugi::xml_node root = doc.document_element();
    ChildIndex index;
    std::vector<std::size_t> offsets(paths.size());
    for (std::size_t k = 0; k < paths.size(); ++k) {
        pugi::xml_node node = root;
        if (const auto path = FieldPath::parse(paths[k]))
            for (const PathSegment& s : path->segments()) {
                const pugi::xml_node next = index.child(node, s.name, s.index.value_or(0));
                if (!next) break;
                node = next;
            }
        offsets[k] = offsetOf(xml, node);
    }
    // One sweep over the text, in offset order, for every line and column.
    std::vector<std::size_t> order(paths.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
    TextPosition at{1, 1};
    std::size_t pos = 0;
    for (const std::size_t k : order) {
        for (; pos < offsets[k]; ++pos) {
            const auto c = static_cast<unsigned char>(xml[pos]);
            if (c == '\n') {
                ++at.line;
                at.column = 1;
            } else if ((c & 0xC0) != 0x80 && c != '\r') {
                ++at.column;
            }
        }
        out[k] = at;
    }
    return out;
}

} // namespace aovpn
