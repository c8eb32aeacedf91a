// CIM string escaping and WMI InstanceID encoding (see model/escape.hpp).
#include "model/escape.hpp"

#include "xml_support.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Room past the end for the last fixed-size copy (16-byte block or 8-byte entity).
constexpr std::size_t kSlack = 16;

#if defined(__SSE2__)
__m128i load16(const char* s) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
}

__m128i bytesEqual(__m128i v, char c) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

// Bit i set: byte i of the block is & < > or ".
unsigned specialBits(__m128i v) {
    const __m128i angle = _mm_or_si128(bytesEqual(v, '<'), bytesEqual(v, '>'));
    const __m128i other = _mm_or_si128(bytesEqual(v, '&'), bytesEqual(v, '"'));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(angle, other)));
}

// What each byte's entity adds to the size (&amp; 4, &lt; &gt; 3, &quot; 5), summed into the
// two 64-bit halves of `sum` (no popcount instruction on plain x86-64).
__m128i addExtraBytes(__m128i sum, __m128i v) {
    const __m128i angle = _mm_or_si128(bytesEqual(v, '<'), bytesEqual(v, '>'));
    const __m128i extra =
        _mm_or_si128(_mm_or_si128(_mm_and_si128(bytesEqual(v, '&'), _mm_set1_epi8(4)),
                                  _mm_and_si128(angle, _mm_set1_epi8(3))),
                     _mm_and_si128(bytesEqual(v, '"'), _mm_set1_epi8(5)));
    return _mm_add_epi64(sum, _mm_sad_epu8(extra, _mm_setzero_si128()));
}
#endif

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
    // On the preview's path, megabytes for 10,000 routes, an entity every ~8 bytes: size the
    // result exactly, then copy the runs between entities 16 bytes at a time (SSE2, which every
    // x86-64 has) and each entity as one fixed 8-byte copy; the tail byte by byte.
    const char* s = xml.data();
    const char* const end = s + xml.size();
    std::size_t size = xml.size();
#if defined(__SSE2__)
    __m128i sum = _mm_setzero_si128();
    for (; end - s >= 16; s += 16)
        sum = addExtraBytes(sum, load16(s));
    std::uint64_t halves[2];
    std::memcpy(halves, &sum, sizeof halves);
    size += static_cast<std::size_t>(halves[0] + halves[1]);
#endif
    for (; s < end; ++s)
        size += kEscaped[static_cast<unsigned char>(*s)].size - 1u;
    std::string out(size + kSlack, '\0');
    char* o = out.data();
    s = xml.data();
#if defined(__SSE2__)
    while (end - s >= 16) {
        const __m128i block = load16(s);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o), block);
        const unsigned any = specialBits(block);
        if (any == 0) {
            s += 16;
            o += 16;
            continue;
        }
        const int k = __builtin_ctz(any); // the run before it is in place already
        const Escaped& e = kEscaped[static_cast<unsigned char>(s[k])];
        std::memcpy(o + k, &e, sizeof e);
        o += k + e.size;
        s += k + 1;
    }
#endif
    for (; s < end; ++s) {
        const Escaped& e = kEscaped[static_cast<unsigned char>(*s)];
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
