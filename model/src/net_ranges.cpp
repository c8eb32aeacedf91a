// Comma-separated lists in traffic filters: port ranges and address ranges.
#include "model/net.hpp"

#include "net_quick.hpp"
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
// and without making their messages (10,000 traffic filters are checked on every edit). The
// scan keeps its place in a pointer pair, which stays in registers.
struct Scan {
    const char* p;
    const char* end;
    explicit Scan(std::string_view text) : p(text.data()), end(text.data() + text.size()) {}
    bool atEnd() const { return p == end; }
    void skipBlanks() {
        while (p < end && isBlankChar(*p))
            ++p;
    }
    // 1 to 5 digits, at most 65535, and the blanks after them.
    bool port(std::uint16_t& out) {
        const char* q = p;
        const char* stop = end - q > 6 ? q + 6 : end; // six digits are already too many
        unsigned value = 0;
        while (q < stop && detail::isDigit(*q))
            value = value * 10 + static_cast<unsigned>(*q++ - '0');
        if (q == p || q - p > 5 || value > 65535) return false;
        out = static_cast<std::uint16_t>(value);
        p = q;
        skipBlanks();
        return true;
    }
    // "443" or "52000 - 52112", with the blanks around it.
    bool portRange(PortRange& out) {
        skipBlanks();
        if (!port(out.low)) return false;
        out.high = out.low;
        if (p < end && *p == '-') {
            ++p;
            skipBlanks();
            if (!port(out.high)) return false;
        }
        return out.low <= out.high;
    }
};

bool quickPortRange(std::string_view item, PortRange& out) {
    Scan scan(item);
    return scan.portRange(out) && scan.atEnd();
}

// The whole comma-separated list; false sends it to the careful parser.
bool quickPortRanges(std::string_view text) {
    if (trimSpaces(text).empty()) return false;
    for (Scan scan(text);; ++scan.p) { // ++p steps over a comma
        PortRange range;
        if (!scan.portRange(range)) return false;
        if (scan.atEnd()) return true;
        if (*scan.p != ',') return false;
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

// "a.b.c.d" or "a.b.c.d/nn" written plainly, in one pass (see net_quick.hpp).
bool quickIpv4Range(std::string_view item, AddressRange& out) {
    const std::size_t slash = item.find('/');
    if (!detail::quickIpv4(item.substr(0, slash), out.first)) return false;
    if (slash == std::string_view::npos) {
        out.last = out.first;
        return true;
    }
    const std::string_view digits = item.substr(slash + 1);
    if (digits.empty() || digits.size() > 2 || !detail::allDigits(digits)) return false;
    const int length =
        digits.size() == 1 ? digits[0] - '0' : (digits[0] - '0') * 10 + digits[1] - '0';
    if (length > 32) return false;
    out.kind = AddressRangeKind::Prefix;
    out.prefixLength = length;
    out.last = lastAddress(out.first, length);
    return true;
}

ParseResult<AddressRange> parseAddressRange(std::string_view item) {
    using R = ParseResult<AddressRange>;
    if (AddressRange quick; quickIpv4Range(item, quick)) return R::success(quick);
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
