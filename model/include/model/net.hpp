#pragma once
// Address, name and port parsing for profile fields (routes, servers, traffic filters, DNS).
// Nothing here throws: every parser returns a ParseResult whose error is a sentence for the user.
#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aovpn {

// Same shape as InstanceIdResult (escape.hpp): ok, the value when ok, a sentence when not.
template <class T> struct ParseResult {
    bool ok = false;
    T value{};
    std::string error;

    static ParseResult success(T v) { return {true, std::move(v), {}}; }
    static ParseResult failure(std::string message) { return {false, T{}, std::move(message)}; }
};

enum class IpFamily : std::uint8_t { V4, V6 };

struct IpAddress {
    IpFamily family = IpFamily::V4;
    std::array<std::uint8_t, 16> bytes{}; // network order; IPv4 uses the first 4

    int bitCount() const { return family == IpFamily::V4 ? 32 : 128; }
    int byteCount() const { return family == IpFamily::V4 ? 4 : 16; }
    bool isV4() const { return family == IpFamily::V4; }
    friend auto operator<=>(const IpAddress&, const IpAddress&) = default;
};

ParseResult<IpAddress> parseIpv4(std::string_view text);
ParseResult<IpAddress> parseIpv6(std::string_view text);
// IPv6 when the text holds a ':', else IPv4.
ParseResult<IpAddress> parseIp(std::string_view text);
// Dotted quad, or RFC 5952 canonical IPv6 (lower case, longest zero run as "::").
std::string formatIp(const IpAddress& address);

struct IpPrefix {
    IpAddress address;
    int length = 0;
    friend bool operator==(const IpPrefix&, const IpPrefix&) = default;
};

// A prefix length for this family as text ("0".."32" or "0".."128").
ParseResult<int> parsePrefixLength(std::string_view text, IpFamily family);
// "a.b.c.d/nn" or "v6/nnn"; the address need not sit on the boundary (see isOnBoundary).
ParseResult<IpPrefix> parsePrefix(std::string_view text);
// The network address: host bits cleared. 172.21.12.0/21 -> 172.21.8.0.
IpAddress networkAddress(const IpAddress& address, int prefixLength);
// The last address of the prefix (host bits set).
IpAddress lastAddress(const IpAddress& address, int prefixLength);
// Windows silently drops a route whose address has host bits set.
bool isOnBoundary(const IpAddress& address, int prefixLength);
IpPrefix normalizePrefix(const IpPrefix& prefix);
std::string formatPrefix(const IpPrefix& prefix);

enum class HostNameKind : std::uint8_t { Fqdn, AzureGateway };
// DNS name: labels of 1-63 letters/digits/hyphens/underscores not starting or ending with '-', at
// least two labels, at most 253 characters, an optional final dot; the last label not all digits.
ParseResult<HostNameKind> checkFqdn(std::string_view name);
// The same rules with a smaller label minimum: an NRPT namespace such as ".corp" (minus its
// dot) or an Active Directory single-label suffix passes with minLabels = 1.
ParseResult<HostNameKind> checkDnsName(std::string_view name, std::size_t minLabels);
// azuregateway-<guid>-<12 hex>.vpn.azure.com (case-insensitive).
bool isAzureGateway(std::string_view name);

struct PortRange {
    std::uint16_t low = 0;
    std::uint16_t high = 0;
    friend bool operator==(const PortRange&, const PortRange&) = default;
};
// "80,443,52000-52112": ports 0-65535, low <= high, spaces around items allowed.
ParseResult<std::vector<PortRange>> parsePortRanges(std::string_view text);
// parsePortRanges(text).ok, without building the list or a message when it is.
bool portRangesValid(std::string_view text);

enum class AddressRangeKind : std::uint8_t { Single, Prefix, Span };
struct AddressRange {
    AddressRangeKind kind = AddressRangeKind::Single;
    IpAddress first;      // as typed (for Prefix: the address before '/')
    IpAddress last;       // Span: the end; Prefix: the prefix's last address; Single: == first
    int prefixLength = 0; // Prefix only
};
// Traffic-filter ranges: "a.b.c.d", "a.b.c.d/nn", "a-b", comma-separated, IPv4 or IPv6.
ParseResult<std::vector<AddressRange>> parseAddressRanges(std::string_view text);
// The same into `out` (cleared first), whose memory is reused: the validator parses 10,000
// filters on every edit. False with the sentence in `error` when the text does not parse.
bool parseAddressRanges(std::string_view text, std::vector<AddressRange>& out, std::string& error);
std::string formatAddressRange(const AddressRange& range);

// Splits on `sep`, trimming spaces and tabs around each item; keeps empty items.
std::vector<std::string_view> splitList(std::string_view text, char sep);
// What trimSpaces removes: space, tab, CR, LF.
inline bool isBlankChar(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
// Without blanks at either end. Inline: the validator trims every item of 10,000 traffic
// filters several times.
inline std::string_view trimSpaces(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e && isBlankChar(text[b]))
        ++b;
    while (e > b && isBlankChar(text[e - 1]))
        --e;
    return text.substr(b, e - b);
}

} // namespace aovpn
