// Names: gateway servers, DNS suffixes, trusted network detection and NRPT rules.
#include "model/net.hpp"

#include "quote.hpp"
#include "validate_internal.hpp"

namespace aovpn::validation {
namespace {

void checkServers(const NativeProfile& np, Sink& sink) {
    bool any = false;
    for (std::size_t i = 0; i < np.servers.size(); ++i) {
        const std::string_view host = trimSpaces(np.servers[i].fqdn);
        if (host.empty()) continue;
        any = true;
        if (parseIp(host).ok) continue; // the CSP allows a routable IP address
        auto name = checkFqdn(host);
        if (!name.ok)
            sink.add("general.server-name", indexed("NativeProfile/Servers", i), name.error,
                     "Enter the gateway's public DNS name, e.g. vpn.example.com.");
    }
    if (!any)
        sink.add("general.servers-empty", "NativeProfile/Servers",
                 "No VPN server is set, so there is nothing to connect to.",
                 "Enter the gateway's public DNS name, e.g. vpn.example.com.");
}

// Comma-separated DNS names (DnsSuffix, TrustedNetworkDetection): one finding per bad entry.
void checkNameList(const std::optional<std::string>& text, std::string_view rule,
                   const std::string& field, Sink& sink) {
    if (!text || trimSpaces(*text).empty()) return;
    for (std::string_view entry : splitList(*text, ',')) {
        auto name = checkFqdn(entry);
        if (!name.ok)
            sink.add(rule, field,
                     entry.empty() ? fmt::format("{} has an empty entry.", field) : name.error,
                     "Use DNS names separated by commas, e.g. corp.example.net,example.local.");
    }
}

void checkNrptName(const DomainNameInformation& d, std::size_t i, Sink& sink) {
    const std::string field = indexed("DomainNameInformation", i, "DomainName");
    const std::string_view name = trimSpaces(textOf(d.domainName));
    if (name == ".") return; // "." matches every name: valid for force tunnel
    const bool dotted = name.starts_with('.');
    auto check = checkFqdn(dotted ? name.substr(1) : name);
    // A namespace rule may be a single label (".corp"), so only the label checks apply.
    const bool singleLabelOk =
        !check.ok && dotted && check.error.find("single label") != std::string::npos;
    if (name.empty() || (!check.ok && !singleLabelOk)) {
        sink.add("general.nrpt-name", field,
                 name.empty() ? "The NRPT rule has no DomainName." : check.error,
                 "Use .corp.example.net for a namespace, or host.corp.example.net for one host.");
        return;
    }
    if (!dotted)
        sink.add("general.nrpt-no-dot", field,
                 fmt::format("{} matches only that exact name, not the names under it.",
                             detail::quoted(name)),
                 fmt::format("Write .{} to cover the whole namespace.", name));
}

void checkNrptServers(const DomainNameInformation& d, std::size_t i, Sink& sink) {
    if (!d.dnsServers || trimSpaces(*d.dnsServers).empty()) return;
    for (std::string_view server : splitList(*d.dnsServers, ',')) {
        auto ip = parseIp(server);
        if (!ip.ok) {
            sink.add("general.nrpt-dns-servers", indexed("DomainNameInformation", i, "DnsServers"),
                     server.empty() ? "DnsServers has an empty entry." : ip.error,
                     "List DNS server IP addresses separated by commas, e.g. "
                     "10.0.0.10,10.0.0.11.");
            return;
        }
    }
}

} // namespace

void checkServersAndDns(const Profile& profile, Sink& sink) {
    if (profile.nativeProfile) checkServers(*profile.nativeProfile, sink);
    checkNameList(profile.dnsSuffix, "general.dns-suffix", "DnsSuffix", sink);
    checkNameList(profile.trustedNetworkDetection, "general.tnd", "TrustedNetworkDetection", sink);
    for (std::size_t i = 0; i < profile.domainNameInformation.size(); ++i) {
        checkNrptName(profile.domainNameInformation[i], i, sink);
        checkNrptServers(profile.domainNameInformation[i], i, sink);
    }
}

} // namespace aovpn::validation
