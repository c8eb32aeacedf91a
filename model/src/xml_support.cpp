#include "xml_support.hpp"

#include "model/net.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <sstream>
#include <vector>

namespace aovpn::xml {
namespace {

bool isBlank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool isText(pugi::xml_node n) {
    return n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata;
}

std::string_view prefixOf(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

// Collects the xmlns declarations in scope at `node` (nearest wins).
std::map<std::string, std::string> inScopeNamespaces(pugi::xml_node node) {
    std::map<std::string, std::string> decls;
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent())
        for (pugi::xml_attribute a : n.attributes()) {
            const std::string_view name = a.name();
            if (name == "xmlns" || name.starts_with("xmlns:"))
                decls.emplace(std::string(name), a.value()); // emplace keeps the nearest
        }
    return decls;
}

class StringWriter : public pugi::xml_writer {
  public:
    std::string out;
    void write(const void* data, size_t size) override {
        out.append(static_cast<const char*>(data), size);
    }
};

} // namespace

// Kept elements obey the same rule as values: nothing XML 1.0 cannot carry.
void sanitizeTree(pugi::xml_node node) {
    for (pugi::xml_attribute a : node.attributes()) {
        std::string v = a.value();
        if (!sanitizeText(v).empty()) a.set_value(v.c_str());
    }
    for (pugi::xml_node c : node.children()) {
        if (isText(c)) {
            std::string v = c.value();
            if (!sanitizeText(v).empty()) c.set_value(v.c_str());
        } else if (c.type() == pugi::node_comment) {
            c.set_value(sanitizeComment(c.value()).c_str());
        } else if (c.type() == pugi::node_element) {
            sanitizeTree(c);
        }
    }
}

void expandText(pugi::xml_node node) {
    const char* text = node.value();
    if (*text == 0 || node.type() != pugi::node_element) return; // almost always: no value
    node.prepend_child(pugi::node_pcdata).set_value(text);
    node.text().set(""); // the element's value: what text() holds when it has one
}

std::string textOf(pugi::xml_node node) {
    std::string out = node.type() == pugi::node_element ? node.value() : ""; // see expandText
    for (pugi::xml_node c : node.children())
        if (isText(c)) out += c.value();
    return out;
}

bool hasSignificantText(pugi::xml_node node) {
    if (node.type() == pugi::node_element && !isBlank(node.value())) return true; // expandText
    for (pugi::xml_node c : node.children())
        if (isText(c) && !isBlank(c.value())) return true;
    return false;
}

bool hasForeignAttributes(pugi::xml_node node) {
    for (pugi::xml_attribute a : node.attributes()) {
        const std::string_view n = a.name();
        if (n != "xmlns" && !n.starts_with("xmlns:")) return true;
    }
    return false;
}

bool isBlankText(std::string_view text) {
    return isBlank(text);
}

std::string trimmedText(pugi::xml_node node) {
    const std::string t = textOf(node);
    const auto b = t.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return t.substr(b, t.find_last_not_of(" \t\r\n") - b + 1);
}

std::string fieldPathOf(pugi::xml_node node) {
    static constexpr std::array<std::string_view, 5> kLists{
        "Route", "TrafficFilter", "DomainNameInformation", "AppTrigger", "NativeProtocol"};
    std::vector<std::string> segments;
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element && n.parent() &&
                                  n.parent().type() == pugi::node_element;
         n = n.parent()) {
        const std::string_view name = localName(n);
        std::size_t index = 0;
        for (pugi::xml_node s = n.previous_sibling(); s; s = s.previous_sibling())
            if (s.type() == pugi::node_element && localName(s) == name) ++index;
        const bool list = std::find(kLists.begin(), kLists.end(), name) != kLists.end();
        segments.push_back(list || index > 0 ? fmt::format("{}[{}]", name, index)
                                             : std::string(name));
    }
    std::string path;
    for (auto it = segments.rbegin(); it != segments.rend(); ++it)
        path += (path.empty() ? "" : "/") + *it;
    return path;
}

bool isPlainValue(pugi::xml_node node) {
    return !node.first_attribute() && elementCount(node) == 0;
}

std::size_t elementCount(pugi::xml_node node) {
    std::size_t n = 0;
    for (pugi::xml_node c : node.children())
        if (c.type() == pugi::node_element) ++n;
    return n;
}

std::string_view localName(pugi::xml_node node) {
    const std::string_view q = node.name();
    const auto colon = q.find(':');
    return colon == std::string_view::npos ? q : q.substr(colon + 1);
}

std::string namespaceUri(pugi::xml_node node) {
    const std::string_view prefix = prefixOf(node.name());
    const std::string attr = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent())
        if (pugi::xml_attribute a = n.attribute(attr.c_str())) return a.value();
    return {};
}

bool is(pugi::xml_node node, std::string_view ns, std::string_view local) {
    return node.type() == pugi::node_element && localName(node) == local &&
           namespaceUri(node) == ns;
}

std::string rawElement(pugi::xml_node node) {
    pugi::xml_document doc;
    pugi::xml_node copy = doc.append_copy(node);
    for (const auto& [name, value] : inScopeNamespaces(node))
        if (!copy.attribute(name.c_str()))
            copy.append_attribute(name.c_str()).set_value(value.c_str());
    sanitizeTree(copy);
    StringWriter w;
    doc.save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return w.out;
}

std::string rawContent(pugi::xml_node node) {
    std::string out;
    for (pugi::xml_node c : node.children()) {
        if (c.type() == pugi::node_element) {
            out += rawElement(c);
        } else if (c.type() == pugi::node_comment) {
            out += "<!--" + sanitizeComment(c.value()) + "-->";
        } else if (isText(c) && !isBlank(c.value())) {
            pugi::xml_document doc;
            std::string v = c.value();
            sanitizeText(v);
            doc.append_child(pugi::node_pcdata).set_value(v.c_str());
            StringWriter w;
            doc.save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
            out += w.out;
        }
    }
    return out;
}

bool appendRaw(pugi::xml_node parent, std::string_view raw) {
    pugi::xml_document frag;
    const auto res = frag.load_buffer(raw.data(), raw.size(), kParseOptions | pugi::parse_fragment,
                                      pugi::encoding_utf8);
    if (!res) return false;
    // Raw text may come from code rather than the reader: clean it like any value.
    pugi::xml_node holder = frag.append_child("holder");
    for (pugi::xml_node c = frag.first_child(); c != holder;) {
        pugi::xml_node next = c.next_sibling();
        holder.append_move(c);
        c = next;
    }
    sanitizeTree(holder);
    for (pugi::xml_node c : holder.children())
        parent.append_copy(c);
    return true;
}

std::optional<bool> parseBool(std::string_view text) {
    text = trimSpaces(text);
    // xs:boolean plus the capitalised forms PowerShell writes ($true -> "True").
    if (text == "true" || text == "True" || text == "TRUE" || text == "1") return true;
    if (text == "false" || text == "False" || text == "FALSE" || text == "0") return false;
    return std::nullopt;
}

std::optional<std::uint32_t> parseUint(std::string_view text) {
    text = trimSpaces(text);
    if (text.empty()) return std::nullopt;
    std::uint32_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

LineColumn lineColumnAt(std::string_view text, std::size_t offset) {
    LineColumn lc;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++lc.line;
            lc.column = 1;
        } else if ((c & 0xC0) != 0x80 && c != '\r') {
            ++lc.column; // count code points, not bytes
        }
    }
    return lc;
}

std::string canonicalForm(pugi::xml_node node) {
    std::string out = "{" + namespaceUri(node) + "}" + std::string(localName(node)) + "[";
    std::vector<std::string> attrs;
    for (pugi::xml_attribute a : node.attributes()) {
        const std::string_view n = a.name();
        if (n != "xmlns" && !n.starts_with("xmlns:"))
            attrs.push_back(std::string(n) + "=" + a.value());
    }
    std::sort(attrs.begin(), attrs.end());
    for (const auto& a : attrs)
        out += a + ";";
    out += "](";
    for (pugi::xml_node c : node.children()) {
        if (c.type() == pugi::node_element)
            out += canonicalForm(c);
        else if (isText(c) && !isBlank(c.value()))
            out += "\"" + std::string(c.value()) + "\"";
    }
    return out + ")";
}

} // namespace aovpn::xml
