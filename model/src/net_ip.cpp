// IPv4/IPv6 text <-> bytes. Strict on purpose: what we accept must be what Windows accepts.
#include "model/net.hpp"

#include "net_quick.hpp"
#include "quote.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace aovpn {
namespace {

using detail::quoted;
using Groups = std::vector<std::uint16_t>;

ParseResult<IpAddress> failV4(std::string_view text, std::string_view why) {
    return ParseResult<IpAddress>::failure(
        fmt::format("{} is not an IPv4 address: {}.", quoted(text), why));
}

ParseResult<IpAddress> failV6(std::string_view text, std::string_view why) {
    return ParseResult<IpAddress>::failure(
        fmt::format("{} is not an IPv6 address: {}.", quoted(text), why));
}

// One dotted-quad part; returns an error phrase or empty.
std::string checkOctet(std::string_view part, std::size_t index, int& out) {
    if (part.empty()) return fmt::format("part {} is empty", index + 1);
    if (!detail::allDigits(part)) return fmt::format("part {} is not a number", index + 1);
    // A leading zero is read as octal by some Windows tools (010 == 8): refuse the ambiguity.
    if (part.size() > 1 && part[0] == '0')
        return fmt::format("part {} has a leading zero", index + 1);
    if (part.size() > 3) return fmt::format("part {} is above 255", index + 1);
    detail::parseDigits(part, out);
    if (out > 255) return fmt::format("part {} is {}, above 255", index + 1, out);
    return {};
}

// Hex groups of one side of "::"; the last item may be a dotted quad when allowV4.
std::string parseGroups(std::string_view part, bool allowV4, Groups& out) {
    if (part.empty()) return {};
    const std::vector<std::string_view> items = detail::splitRaw(part, ':');
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string_view g = items[i];
        if (g.empty()) return "a group is empty (a lone ':' at the start or end, or ':::')";
        if (g.find('.') != std::string_view::npos) {
            if (!allowV4 || i + 1 != items.size())
                return "an embedded IPv4 address may only be the last part";
            auto v4 = parseIpv4(g);
            if (!v4.ok) return fmt::format("the embedded IPv4 part {} is invalid", quoted(g));
            out.push_back(static_cast<std::uint16_t>(v4.value.bytes[0] << 8 | v4.value.bytes[1]));
            out.push_back(static_cast<std::uint16_t>(v4.value.bytes[2] << 8 | v4.value.bytes[3]));
            continue;
        }
        if (g.size() > 4) return fmt::format("group {} has more than 4 hex digits", quoted(g));
        if (!std::all_of(g.begin(), g.end(), detail::isHexDigit))
            return fmt::format("group {} is not hexadecimal", quoted(g));
        std::uint16_t value = 0;
        detail::parseDigits(g, value, 16);
        out.push_back(value);
    }
    return {};
}

} // namespace

bool detail::quickIpv4(std::string_view text, IpAddress& a) {
    std::size_t i = 0;
    for (std::size_t part = 0; part < 4; ++part) {
        const std::size_t start = i;
        int value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 3)
            value = value * 10 + (text[i++] - '0');
        const std::size_t len = i - start;
        if (len == 0 || value > 255 || (len > 1 && text[start] == '0')) return false;
        a.bytes[part] = static_cast<std::uint8_t>(value);
        if (part < 3 && (i >= text.size() || text[i++] != '.')) return false;
    }
    return i == text.size();
}

ParseResult<IpAddress> parseIpv4(std::string_view text) {
    if (IpAddress quick; detail::quickIpv4(text, quick))
        return ParseResult<IpAddress>::success(quick);
    if (text.empty())
        return ParseResult<IpAddress>::failure("An IPv4 address is required, e.g. 10.0.0.1.");
    // No vector here: route lists run this thousands of times per keystroke.
    std::array<std::string_view, 4> parts;
    std::size_t count = 0;
    for (std::size_t start = 0; count <= 4;) {
        const std::size_t dot = text.find('.', start);
        if (count < 4)
            parts[count] = text.substr(start, dot == std::string_view::npos ? dot : dot - start);
        ++count;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    if (count != 4)
        return failV4(text, "it needs four numbers from 0 to 255 separated by dots, e.g. 10.0.0.1");
    IpAddress a;
    for (std::size_t i = 0; i < 4; ++i) {
        int octet = 0;
        if (std::string why = checkOctet(parts[i], i, octet); !why.empty())
            return failV4(text, why);
        a.bytes[i] = static_cast<std::uint8_t>(octet);
    }
    return ParseResult<IpAddress>::success(a);
}

ParseResult<IpAddress> parseIpv6(std::string_view text) {
    if (text.empty())
        return ParseResult<IpAddress>::failure("An IPv6 address is required, e.g. 2001:db8::1.");
    if (text.find('%') != std::string_view::npos)
        return failV6(text, "a zone index (%...) has no meaning in a profile");
    const std::size_t gap = text.find("::");
    if (gap != std::string_view::npos && text.find("::", gap + 1) != std::string_view::npos)
        return failV6(text, "'::' may appear only once");
    const bool hasGap = gap != std::string_view::npos;
    Groups head, tail;
    std::string why = parseGroups(hasGap ? text.substr(0, gap) : text, !hasGap, head);
    if (why.empty() && hasGap) why = parseGroups(text.substr(gap + 2), true, tail);
    if (!why.empty()) return failV6(text, why);
    const std::size_t total = head.size() + tail.size();
    if (!hasGap && total != 8) return failV6(text, "it needs eight groups, or '::' for zeros");
    if (hasGap && total > 7) return failV6(text, "it has too many groups for '::'");
    Groups all(8, 0);
    std::copy(head.begin(), head.end(), all.begin());
    std::copy(tail.begin(), tail.end(), all.end() - static_cast<std::ptrdiff_t>(tail.size()));
    IpAddress a;
    a.family = IpFamily::V6;
    for (std::size_t i = 0; i < 8; ++i) {
        a.bytes[2 * i] = static_cast<std::uint8_t>(all[i] >> 8);
        a.bytes[2 * i + 1] = static_cast<std::uint8_t>(all[i] & 0xFF);
    }
    return ParseResult<IpAddress>::success(a);
}

ParseResult<IpAddress> parseIp(std::string_view text) {
    if (text.find(':') != std::string_view::npos) return parseIpv6(text);
    return parseIpv4(text);
}

namespace {

std::string formatV4(const std::uint8_t* b) {
    return fmt::format("{}.{}.{}.{}", b[0], b[1], b[2], b[3]);
}

// RFC 5952 4.2: the longest run (>= 2) of zero groups, the first one on a tie.
std::pair<int, int> longestZeroRun(const std::array<std::uint16_t, 8>& g) {
    int bestStart = -1, bestLen = 0;
    for (int i = 0; i < 8;) {
        if (g[static_cast<std::size_t>(i)] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && g[static_cast<std::size_t>(j)] == 0)
            ++j;
        if (j - i > bestLen && j - i >= 2) bestStart = i, bestLen = j - i;
        i = j;
    }
    return {bestStart, bestLen};
}

std::string formatV6(const IpAddress& a) {
    std::array<std::uint16_t, 8> g{};
    for (std::size_t i = 0; i < 8; ++i)
        g[i] = static_cast<std::uint16_t>(a.bytes[2 * i] << 8 | a.bytes[2 * i + 1]);
    // RFC 5952 5: IPv4-mapped addresses keep the dotted quad.
    if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF)
        return "::ffff:" + formatV4(&a.bytes[12]);
    const auto [start, len] = longestZeroRun(g);
    std::string out;
    for (int i = 0; i < 8; ++i) {
        if (i == start) {
            out += "::";
            i += len - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') out += ':';
        out += fmt::format("{:x}", g[static_cast<std::size_t>(i)]);
    }
    return out;
}

} // namespace

std::string formatIp(const IpAddress& address) {
    return address.isV4() ? formatV4(address.bytes.data()) : formatV6(address);
}

} // namespace aovpn
