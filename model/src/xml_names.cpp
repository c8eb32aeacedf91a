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

bool prefixDeclared(pugi::xml_node element, std::string_view prefix) {
    if (prefix == "xml") return true;
    const std::string attr = "xmlns:" + std::string(prefix);
    for (pugi::xml_node n = element; n && n.type() == pugi::node_element; n = n.parent())
        if (n.attribute(attr.c_str())) return true;
    return false;
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
        for (pugi::xml_attribute b = element.first_attribute(); b != a; b = b.next_attribute())
            if (std::strcmp(a.name(), b.name()) == 0)
                return fmt::format("the attribute \"{}\" appears twice", a.name());
    }
    return {};
}

} // namespace aovpn::xml
