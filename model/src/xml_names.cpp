#include "xml_names.hpp"

#include "xml_support.hpp"

#include <fmt/format.h>

#include <array>
#include <cstring>

namespace aovpn::xml {
namespace {

// ASCII name characters: 1 = may start a name, 2 = may follow.
constexpr std::array<unsigned char, 128> kAscii = [] {
    std::array<unsigned char, 128> t{};
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = t[c + 32] = 3;
    t['_'] = 3;
    for (int c = '0'; c <= '9'; ++c)
        t[c] = 2;
    t['-'] = t['.'] = 2;
    return t;
}();

bool isStartCp(char32_t c) {
    return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
           (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || c == 0x200C ||
           c == 0x200D || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
           (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
           (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool isNameCp(char32_t c) {
    return isStartCp(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || c == 0x203F || c == 0x2040;
}

// Decodes one UTF-8 sequence at s[i]; 0 when invalid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (len == 0 || i + len > s.size() || !isValidUtf8(s.substr(i, len))) return 0;
    cp = b & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return len;
}

std::string checkNcName(std::string_view name, std::string_view whole) {
    if (name.empty()) return fmt::format("\"{}\" has an empty part around ':'", whole);
    for (std::size_t i = 0; i < name.size();) {
        const auto b = static_cast<unsigned char>(name[i]);
        if (b < 0x80) {
            if (!(kAscii[b] & (i == 0 ? 1 : 2)))
                return fmt::format("\"{}\" holds '{}' where a name cannot", whole, name[i]);
            ++i;
            continue;
        }
        char32_t cp = 0;
        const std::size_t len = decode(name, i, cp);
        if (len == 0) return "a name is not valid UTF-8";
        if (!(i == 0 ? isStartCp(cp) : isNameCp(cp)))
            return fmt::format("\"{}\" holds U+{:04X}, which a name cannot", whole,
                               static_cast<unsigned>(cp));
        i += len;
    }
    return {};
}

constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view kXmlnsNamespace = "http://www.w3.org/2000/xmlns/";

// The nearest xmlns:prefix declaration in scope, or none.
pugi::xml_attribute declarationOf(pugi::xml_node element, std::string_view prefix) {
    const std::string attr = "xmlns:" + std::string(prefix);
    for (pugi::xml_node n = element; n && n.type() == pugi::node_element; n = n.parent())
        if (const pugi::xml_attribute d = n.attribute(attr.c_str())) return d;
    return {};
}

bool prefixDeclared(pugi::xml_node element, std::string_view prefix) {
    return prefix == "xml" || declarationOf(element, prefix);
}

// Namespaces in XML reserves both names: xml stands only for its namespace (and that namespace
// only for xml), xmlns is never declared, and neither namespace is another prefix's or the
// default. Parsers that check namespaces (xmllint, MSXML) refuse the text otherwise.
std::string reservedBinding(pugi::xml_attribute a) {
    const std::string_view name = a.name();
    const std::string_view uri = a.value();
    const bool isDefault = name == "xmlns";
    if (!isDefault && !name.starts_with("xmlns:")) return {};
    const std::string_view prefix = isDefault ? std::string_view{} : name.substr(6);
    if (prefix == "xmlns") return "the prefix xmlns cannot be declared";
    if ((prefix == "xml") != (uri == kXmlNamespace) || uri == kXmlnsNamespace)
        return fmt::format("\"{}\" binds a reserved prefix or namespace (\"{}\")", name, uri);
    return {};
}

// Two prefixed attributes naming one attribute: same local name, prefixes bound to the same
// namespace (p:a and q:a with xmlns:p="u" xmlns:q="u"). Unprefixed ones have no namespace, so
// for them the repeated-name check is enough.
bool sameExpandedName(pugi::xml_node element, std::string_view a, std::string_view b) {
    const std::size_t ca = a.find(':');
    const std::size_t cb = b.find(':');
    if (ca == std::string_view::npos || cb == std::string_view::npos) return false;
    const std::string_view pa = a.substr(0, ca);
    const std::string_view pb = b.substr(0, cb);
    if (pa == "xmlns" || pb == "xmlns" || a.substr(ca + 1) != b.substr(cb + 1)) return false;
    auto uri = [&](std::string_view prefix) {
        return prefix == "xml" ? kXmlNamespace
                               : std::string_view(declarationOf(element, prefix).value());
    };
    return uri(pa) == uri(pb);
}

std::string checkQName(pugi::xml_node element, std::string_view name, bool attribute) {
    const std::size_t colon = name.find(':');
    if (colon == std::string_view::npos) return checkNcName(name, name);
    if (name.find(':', colon + 1) != std::string_view::npos)
        return fmt::format("\"{}\" has more than one ':'", name);
    const std::string_view prefix = name.substr(0, colon);
    if (std::string why = checkNcName(prefix, name); !why.empty()) return why;
    if (std::string why = checkNcName(name.substr(colon + 1), name); !why.empty()) return why;
    if (attribute && prefix == "xmlns") return {};
    if (!prefixDeclared(element, prefix))
        return fmt::format("the prefix of \"{}\" is not declared (no xmlns:{})", name, prefix);
    return {};
}

// The usual name: ASCII letters, digits, '_', '-', '.' starting with a letter or '_', no ':'.
bool plainName(const char* name) {
    const auto first = static_cast<unsigned char>(*name);
    if (first >= 0x80 || !(kAscii[first] & 1)) return false;
    for (const char* p = name + 1; *p; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x80 || !(kAscii[c] & 2)) return false;
    }
    return true;
}

} // namespace

std::string invalidNameReason(std::string_view name) {
    const std::size_t colon = name.find(':');
    if (colon == std::string_view::npos) return checkNcName(name, name);
    if (name.find(':', colon + 1) != std::string_view::npos)
        return fmt::format("\"{}\" has more than one ':'", name);
    if (std::string why = checkNcName(name.substr(0, colon), name); !why.empty()) return why;
    return checkNcName(name.substr(colon + 1), name);
}

std::string checkNames(pugi::xml_node element) {
    if (plainName(element.name()) && !element.first_attribute()) return {};
    if (std::string why = checkQName(element, element.name(), false); !why.empty()) return why;
    for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
        if (std::string why = checkQName(element, a.name(), true); !why.empty()) return why;
        if (std::strcmp(a.name(), "xmlns") != 0 && std::strncmp(a.name(), "xmlns:", 6) == 0 &&
            !*a.value())
            return fmt::format("\"{}\" declares an empty namespace, which XML does not allow",
                               a.name());
        if (std::string why = reservedBinding(a); !why.empty()) return why;
        for (pugi::xml_attribute b = element.first_attribute(); b != a; b = b.next_attribute()) {
            if (std::strcmp(a.name(), b.name()) == 0)
                return fmt::format("the attribute \"{}\" appears twice", a.name());
            if (sameExpandedName(element, a.name(), b.name()))
                return fmt::format("\"{}\" and \"{}\" are the same attribute (one namespace)",
                                   b.name(), a.name());
        }
    }
    return {};
}

} // namespace aovpn::xml
