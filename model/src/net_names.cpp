// DNS names as typed into Servers, DnsSuffix, TrustedNetworkDetection and NRPT rules.
#include "model/net.hpp"

#include "quote.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace aovpn {
namespace {

using detail::quoted;

ParseResult<HostNameKind> fail(std::string message) {
    return ParseResult<HostNameKind>::failure(std::move(message));
}

// '_' is legal in DNS (RFC 2181 section 11): SRV owner names (_sip._tls.corp.example) carry it,
// Windows resolves names that hold it, and TrustedNetworkDetection compares it as text.
bool isLabelChar(char c) {
    return detail::isAlpha(c) || detail::isDigit(c) || c == '-' || c == '_';
}

std::string describeChar(char c) {
    if (static_cast<unsigned char>(c) >= 0x80)
        return "a non-ASCII character (use the xn-- form of an international name)";
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return "a control character";
    if (c == ' ') return "a space";
    return fmt::format("'{}'", c);
}

// An error phrase for one label, or empty.
std::string checkLabel(std::string_view label, std::string_view name) {
    if (label.empty())
        return fmt::format("{} has an empty label (two dots in a row, or a leading dot).",
                           quoted(name));
    if (label.size() > 63)
        return fmt::format("The label {} in {} has {} characters; a label may have at most 63.",
                           quoted(label, 24), quoted(name, 24), label.size());
    if (auto bad = std::find_if_not(label.begin(), label.end(), isLabelChar); bad != label.end())
        return fmt::format("{} contains {}; a DNS name allows only letters, digits, hyphens, "
                           "underscores and dots.",
                           quoted(name), describeChar(*bad));
    if (label.front() == '-' || label.back() == '-')
        return fmt::format("The label {} in {} starts or ends with a hyphen.", quoted(label),
                           quoted(name));
    return {};
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

ParseResult<HostNameKind> checkFqdn(std::string_view name) {
    return checkDnsName(name, 2);
}

ParseResult<HostNameKind> checkDnsName(std::string_view name, std::size_t minLabels) {
    if (name.empty()) return fail("A DNS name is required, e.g. vpn.example.com.");
    std::string_view n = name;
    if (n.size() > 1 && n.back() == '.') n.remove_suffix(1); // an absolute name is fine
    if (n.size() > 253)
        return fail(fmt::format("{} has {} characters; a DNS name may have at most 253.",
                                quoted(name, 40), n.size()));
    const std::vector<std::string_view> labels = detail::splitRaw(n, '.');
    for (std::string_view label : labels)
        if (std::string why = checkLabel(label, name); !why.empty()) return fail(why);
    if (parseIpv4(n).ok)
        return fail(fmt::format("{} is an IP address, not a DNS name.", quoted(name)));
    if (labels.size() < minLabels)
        return fail(fmt::format("{} is a single label; enter the full name, e.g. {}.example.com.",
                                quoted(name), n));
    if (detail::allDigits(labels.back()))
        return fail(
            fmt::format("{} ends in an all-digit label, which no DNS domain has.", quoted(name)));
    return ParseResult<HostNameKind>::success(isAzureGateway(n) ? HostNameKind::AzureGateway
                                                                : HostNameKind::Fqdn);
}

bool isAzureGateway(std::string_view name) {
    // azuregateway-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx-xxxxxxxxxxxx.vpn.azure.com
    static constexpr std::string_view kPrefix = "azuregateway-";
    static constexpr std::string_view kSuffix = ".vpn.azure.com";
    std::string s = lower(name);
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s.size() != kPrefix.size() + 49 + kSuffix.size()) return false;
    if (!s.starts_with(kPrefix) || !s.ends_with(kSuffix)) return false;
    const std::string_view mid = std::string_view(s).substr(kPrefix.size(), 49);
    for (std::size_t i = 0; i < mid.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23 || i == 36;
        if (dash ? mid[i] != '-' : !detail::isHexDigit(mid[i])) return false;
    }
    return true;
}

} // namespace aovpn
