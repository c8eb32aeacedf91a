// Prefixes: parsing "addr/len" and the network-boundary arithmetic routes depend on.
#include "model/net.hpp"

#include "quote.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace aovpn {
namespace {

std::uint8_t maskByte(int prefixLength, int byteIndex) {
    const int keep = std::clamp(prefixLength - byteIndex * 8, 0, 8);
    return static_cast<std::uint8_t>(keep == 0 ? 0 : 0xFF << (8 - keep));
}

// The first byte the prefix does not cover whole: the ones before it never change (the
// validator computes these for 10,000 routes and filters on every edit).
int firstHostByte(int prefixLength) {
    return std::max(prefixLength, 0) / 8;
}

} // namespace

ParseResult<int> parsePrefixLength(std::string_view text, IpFamily family) {
    const int maxLength = family == IpFamily::V4 ? 32 : 128;
    const char* name = family == IpFamily::V4 ? "IPv4" : "IPv6";
    if (!detail::allDigits(text) || text.size() > 3)
        return ParseResult<int>::failure(fmt::format(
            "Prefix length {} is not a number from 0 to {}.", detail::quoted(text), maxLength));
    int value = 0;
    detail::parseDigits(text, value);
    if (value > maxLength)
        return ParseResult<int>::failure(fmt::format(
            "Prefix length {} is out of range: {} allows 0 to {}.", value, name, maxLength));
    return ParseResult<int>::success(value);
}

ParseResult<IpPrefix> parsePrefix(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos)
        return ParseResult<IpPrefix>::failure(fmt::format(
            "{} needs a prefix length after '/', e.g. 10.0.0.0/8.", detail::quoted(text)));
    auto address = parseIp(text.substr(0, slash));
    if (!address.ok) return ParseResult<IpPrefix>::failure(address.error);
    auto length = parsePrefixLength(text.substr(slash + 1), address.value.family);
    if (!length.ok) return ParseResult<IpPrefix>::failure(length.error);
    return ParseResult<IpPrefix>::success({address.value, length.value});
}

IpAddress networkAddress(const IpAddress& address, int prefixLength) {
    IpAddress out = address;
    for (int i = firstHostByte(prefixLength); i < address.byteCount(); ++i)
        out.bytes[static_cast<std::size_t>(i)] &= maskByte(prefixLength, i);
    return out;
}

IpAddress lastAddress(const IpAddress& address, int prefixLength) {
    IpAddress out = address;
    for (int i = firstHostByte(prefixLength); i < address.byteCount(); ++i)
        out.bytes[static_cast<std::size_t>(i)] |=
            static_cast<std::uint8_t>(~maskByte(prefixLength, i));
    return out;
}

bool isOnBoundary(const IpAddress& address, int prefixLength) {
    for (int i = firstHostByte(prefixLength); i < address.byteCount(); ++i) {
        const auto host = static_cast<std::uint8_t>(~maskByte(prefixLength, i));
        if ((address.bytes[static_cast<std::size_t>(i)] & host) != 0) return false;
    }
    return true;
}

IpPrefix normalizePrefix(const IpPrefix& prefix) {
    return {networkAddress(prefix.address, prefix.length), prefix.length};
}

std::string formatPrefix(const IpPrefix& prefix) {
    return fmt::format("{}/{}", formatIp(prefix.address), prefix.length);
}

} // namespace aovpn
