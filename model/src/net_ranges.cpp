// Comma-separated lists in traffic filters: port ranges and address ranges.
#include "model/net.hpp"

#include "quote.hpp"

#include <fmt/format.h>

namespace aovpn {
namespace {

using detail::quoted;

std::string emptyItemMessage(std::string_view text) {
    return fmt::format("{} has an empty item (two commas in a row, or a comma at the start or "
                       "end).",
                       quoted(text));
}

ParseResult<std::uint16_t> parsePort(std::string_view text) {
    if (!detail::allDigits(text))
        return ParseResult<std::uint16_t>::failure(
            fmt::format("{} is not a port number (0 to 65535).", quoted(text)));
    unsigned long value = 0;
    if (text.size() > 5 || !detail::parseDigits(text, value) || value > 65535)
        return ParseResult<std::uint16_t>::failure(
            fmt::format("Port {} is above 65535.", quoted(text)));
    return ParseResult<std::uint16_t>::success(static_cast<std::uint16_t>(value));
}

// Ports and ranges exactly as the careful parsers below accept them, in one pass over the text
// and without making their messages (10,000 traffic filters are checked on every edit).
void skipBlanks(std::string_view text, std::size_t& i) {
    while (i < text.size() && isBlankChar(text[i]))
        ++i;
}

// 1 to 5 digits at `i`, at most 65535, and the blanks after them.
bool scanPort(std::string_view text, std::size_t& i, std::uint16_t& out) {
    const std::size_t start = i;
    unsigned value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start <= 5)
        value = value * 10 + static_cast<unsigned>(text[i++] - '0');
    if (i == start || i - start > 5 || value > 65535) return false;
    out = static_cast<std::uint16_t>(value);
    skipBlanks(text, i);
    return true;
}

// "443" or "52000 - 52112" at `i`, with the blanks around it.
bool scanPortRange(std::string_view text, std::size_t& i, PortRange& out) {
    skipBlanks(text, i);
    if (!scanPort(text, i, out.low)) return false;
    out.high = out.low;
    if (i < text.size() && text[i] == '-') {
        skipBlanks(text, ++i);
        if (!scanPort(text, i, out.high)) return false;
    }
    return out.low <= out.high;
}

bool quickPortRange(std::string_view item, PortRange& out) {
    std::size_t i = 0;
    return scanPortRange(item, i, out) && i == item.size();
}

// The whole comma-separated list; false sends it to the careful parser.
bool quickPortRanges(std::string_view text) {
    if (trimSpaces(text).empty()) return false;
    for (std::size_t i = 0;; ++i) { // ++i steps over a comma
        PortRange range;
        if (!scanPortRange(text, i, range)) return false;
        if (i == text.size()) return true;
        if (text[i] != ',') return false;
    }
}

ParseResult<PortRange> parsePortRange(std::string_view item) {
    if (PortRange quick; quickPortRange(item, quick)) return ParseResult<PortRange>::success(quick);
    const std::size_t dash = item.find('-');
    auto low = parsePort(trimSpaces(item.substr(0, dash)));
    if (!low.ok) return ParseResult<PortRange>::failure(low.error);
    if (dash == std::string_view::npos)
        return ParseResult<PortRange>::success({low.value, low.value});
    auto high = parsePort(trimSpaces(item.substr(dash + 1)));
    if (!high.ok) return ParseResult<PortRange>::failure(high.error);
    if (low.value > high.value)
        return ParseResult<PortRange>::failure(fmt::format(
            "The range {} runs backwards; write {}-{}.", quoted(item), high.value, low.value));
    return ParseResult<PortRange>::success({low.value, high.value});
}

ParseResult<AddressRange> parseAddressRange(std::string_view item) {
    using R = ParseResult<AddressRange>;
    AddressRange range;
    if (item.find('/') != std::string_view::npos) {
        auto prefix = parsePrefix(item);
        if (!prefix.ok) return R::failure(prefix.error);
        range.kind = AddressRangeKind::Prefix;
        range.first = prefix.value.address;
        range.prefixLength = prefix.value.length;
        range.last = lastAddress(range.first, range.prefixLength);
        return R::success(range);
    }
    const std::size_t dash = item.find('-');
    auto first = parseIp(trimSpaces(item.substr(0, dash)));
    if (!first.ok) return R::failure(first.error);
    range.first = range.last = first.value;
    if (dash == std::string_view::npos) return R::success(range);
    auto last = parseIp(trimSpaces(item.substr(dash + 1)));
    if (!last.ok) return R::failure(last.error);
    if (last.value.family != first.value.family)
        return R::failure(fmt::format("The range {} mixes IPv4 and IPv6.", quoted(item)));
    if (last.value < first.value)
        return R::failure(fmt::format("The range {} runs backwards; the first address must be "
                                      "the lower one.",
                                      quoted(item)));
    range.kind = AddressRangeKind::Span;
    range.last = last.value;
    return R::success(range);
}

// Calls `f` with each trimmed ','-separated item (empty ones too), without building a list:
// 10,000 traffic filters are checked on every edit. Stops early when `f` returns false.
template <typename F> bool eachItem(std::string_view text, F f) {
    for (std::size_t start = 0;;) {
        const std::size_t comma = text.find(',', start);
        if (!f(trimSpaces(text.substr(start, comma - start)))) return false;
        if (comma == std::string_view::npos) return true;
        start = comma + 1;
    }
}

} // namespace

std::vector<std::string_view> splitList(std::string_view text, char sep) {
    std::vector<std::string_view> items = detail::splitRaw(text, sep);
    for (std::string_view& item : items)
        item = trimSpaces(item);
    return items;
}

ParseResult<std::vector<PortRange>> parsePortRanges(std::string_view text) {
    using R = ParseResult<std::vector<PortRange>>;
    if (trimSpaces(text).empty()) return R::failure("Enter ports, e.g. 80,443,52000-52112.");
    std::vector<PortRange> out;
    std::string error;
    eachItem(text, [&](std::string_view item) {
        if (item.empty()) return (error = emptyItemMessage(text), false);
        auto range = parsePortRange(item);
        if (!range.ok) return (error = range.error, false);
        out.push_back(range.value);
        return true;
    });
    if (!error.empty()) return R::failure(std::move(error));
    return R::success(std::move(out));
}

bool portRangesValid(std::string_view text) {
    return quickPortRanges(text) || parsePortRanges(text).ok; // the careful one has the last word
}

bool parseAddressRanges(std::string_view text, std::vector<AddressRange>& out, std::string& error) {
    out.clear();
    if (trimSpaces(text).empty()) {
        error = "Enter addresses, e.g. 10.0.0.5, 10.1.0.0/16 or 10.2.0.1-10.2.0.9.";
        return false;
    }
    return eachItem(text, [&](std::string_view item) {
        if (item.empty()) return (error = emptyItemMessage(text), false);
        auto range = parseAddressRange(item);
        if (!range.ok) return (error = std::move(range.error), false);
        out.push_back(range.value);
        return true;
    });
}

ParseResult<std::vector<AddressRange>> parseAddressRanges(std::string_view text) {
    using R = ParseResult<std::vector<AddressRange>>;
    std::vector<AddressRange> out;
    std::string error;
    if (!parseAddressRanges(text, out, error)) return R::failure(std::move(error));
    return R::success(std::move(out));
}

std::string formatAddressRange(const AddressRange& range) {
    switch (range.kind) {
    case AddressRangeKind::Prefix:
        return formatPrefix({range.first, range.prefixLength});
    case AddressRangeKind::Span:
        return formatIp(range.first) + "-" + formatIp(range.last);
    case AddressRangeKind::Single:
        break;
    }
    return formatIp(range.first);
}

} // namespace aovpn
