// CIM string escaping and WMI InstanceID encoding (see model/escape.hpp).
#include "model/escape.hpp"

#include "xml_support.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace aovpn {
namespace {

// Replacing '&' first and then '<' '>' '"' in separate passes equals this single pass: each
// source character is escaped exactly once, so no entity is ever escaped twice.
std::string_view cimEntity(char c) {
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    default:
        return {};
    }
}

// What escapeCimString writes for one byte: its entity, or the byte itself.
struct Escaped {
    char text[7];
    std::uint8_t size;
};
static_assert(sizeof(Escaped) == 8);

const std::array<Escaped, 256> kEscaped = [] {
    std::array<Escaped, 256> t{};
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = static_cast<char>(i);
        const std::string_view entity = cimEntity(c);
        if (entity.empty()) {
            t[i] = {{c}, 1};
        } else {
            t[i].size = static_cast<std::uint8_t>(entity.size());
            entity.copy(t[i].text, entity.size());
        }
    }
    return t;
}();

struct Entity {
    std::string_view text;
    char ch;
};
constexpr std::array<Entity, 4> kEntities{
    {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}}};

bool isUnreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

InstanceIdResult instanceIdError(std::string message) {
    return {false, {}, std::move(message)};
}

} // namespace

std::string escapeCimString(std::string_view xml) {
    // On the preview's path, megabytes for 10,000 routes, a fifth of them angle brackets: size
    // the result exactly, then write every byte as one fixed 8-byte copy and advance by its
    // length, so there is no branch and no capacity check per character.
    std::size_t size = 0;
    for (const char c : xml)
        size += kEscaped[static_cast<unsigned char>(c)].size;
    std::string out(size + sizeof(Escaped), '\0'); // slack for the last fixed-size copy
    char* o = out.data();
    for (const char c : xml) {
        const Escaped& e = kEscaped[static_cast<unsigned char>(c)];
        std::memcpy(o, &e, sizeof e);
        o += e.size;
    }
    out.resize(size);
    return out;
}

std::string unescapeCimString(std::string_view escaped) {
    std::string out;
    out.reserve(escaped.size());
    for (std::size_t i = 0; i < escaped.size();) {
        bool replaced = false;
        if (escaped[i] == '&') {
            for (const Entity& e : kEntities) {
                if (escaped.substr(i, e.text.size()) == e.text) {
                    out += e.ch;
                    i += e.text.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += escaped[i++];
    }
    return out;
}

InstanceIdResult encodeInstanceId(std::string_view profileName) {
    if (profileName.empty())
        return instanceIdError("The profile name is empty; Windows needs a name to store the "
                               "profile under.");
    if (profileName.find('/') != std::string_view::npos)
        return instanceIdError("The profile name contains '/', which Windows cannot store in a "
                               "VPN profile name; remove it or use '-' instead.");
    if (!xml::isValidUtf8(profileName))
        return instanceIdError("The profile name is not valid UTF-8 text; retype it.");
    std::string out;
    out.reserve(profileName.size() * 3);
    for (char ch : profileName) {
        const auto c = static_cast<unsigned char>(ch);
        if (isUnreserved(c))
            out += ch;
        else
            out += fmt::format("%{:02X}", c);
    }
    return {true, std::move(out), {}};
}

std::string decodeInstanceId(std::string_view instanceId) {
    std::string out;
    out.reserve(instanceId.size());
    for (std::size_t i = 0; i < instanceId.size(); ++i) {
        const bool escape = instanceId[i] == '%' && i + 2 < instanceId.size();
        const int hi = escape ? hexValue(instanceId[i + 1]) : -1;
        const int lo = hi >= 0 ? hexValue(instanceId[i + 2]) : -1;
        if (lo >= 0) {
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += instanceId[i];
        }
    }
    return out;
}

} // namespace aovpn
