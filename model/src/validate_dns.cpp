// Names: gateway servers, DNS suffixes, trusted network detection, NRPT rules and a plug-in's
// server list. DNS allows more than host names do ('_' in SRV-style names, single labels in
// suffixes), so only what Windows cannot use is an error.
#include "model/net.hpp"

#include "quote.hpp"
#include "validate_internal.hpp"

#include <algorithm>
#include <unordered_map>

namespace aovpn::validation {
namespace {

void checkServers(const NativeProfile& np, Sink& sink) {
    bool any = false;
    for (std::size_t i = 0; i < np.servers.size(); ++i) {
        const std::string& fqdn = np.servers[i].fqdn;
        const std::string_view host = trimSpaces(fqdn);
        if (host.empty()) continue;
        any = true;
        if (host.size() != fqdn.size())
            sink.add("general.server-spaces", indexed("NativeProfile/Servers", i),
                     fmt::format("The server {} has spaces around it; Windows looks the name up "
                                 "with the spaces and finds nothing.",
                                 detail::quoted(fqdn)),
                     fmt::format("Write {} without the spaces.", detail::quoted(host)));
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

// Comma-separated DNS suffixes (DnsSuffix, TrustedNetworkDetection): one finding per bad entry.
// A suffix may be a single label ("corp"); Windows compares TrustedNetworkDetection entries with
// the network's connection-specific suffix as text.
void checkNameList(const std::optional<std::string>& text, std::string_view rule,
                   const std::string& field, Sink& sink) {
    if (!text || trimSpaces(*text).empty()) return;
    for (std::string_view entry : splitList(*text, ',')) {
        auto name = checkDnsName(entry, 1);
        if (!name.ok)
            sink.add(rule, field,
                     entry.empty() ? fmt::format("{} has an empty entry.", field) : name.error,
                     "Use DNS suffixes separated by commas, e.g. corp.example.net,example.local.");
    }
}

// The name as Windows matches it: case-insensitive, without a final dot.
std::string nrptKey(std::string_view name) {
    std::string key(name);
    if (key.size() > 1 && key.back() == '.') key.pop_back();
    std::transform(key.begin(), key.end(), key.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    return key;
}

// False (after reporting) when the name is unusable.
bool checkNrptName(std::string_view name, std::size_t i, Sink& sink) {
    if (name == ".") return true; // "." matches every name: valid for force tunnel
    const bool dotted = name.starts_with('.');
    auto check = checkDnsName(dotted ? name.substr(1) : name, 1);
    if (!name.empty() && check.ok) return true;
    sink.add("general.nrpt-name", indexed("DomainNameInformation", i, "DomainName"),
             name.empty() ? "The NRPT rule has no DomainName." : check.error,
             "Use .corp.example.net for a namespace, or host.corp.example.net for one host.");
    return false;
}

// Exact-host rules are often deliberate (one per server): one note for all of them.
void reportExactNames(const std::vector<std::pair<std::size_t, std::string_view>>& exact,
                      Sink& sink) {
    if (exact.empty()) return;
    const auto [first, name] = exact.front();
    const std::string field = indexed("DomainNameInformation", first, "DomainName");
    if (exact.size() == 1) {
        sink.add("general.nrpt-no-dot", field,
                 fmt::format("{} matches only that exact name, not the names under it.",
                             detail::quoted(name)),
                 fmt::format("Write .{} to cover the whole namespace.", name));
        return;
    }
    std::string names;
    for (std::size_t k = 0; k < exact.size() && k < 3; ++k)
        names += (k ? ", " : "") + detail::quoted(exact[k].second, 40);
    if (exact.size() > 3) names += fmt::format(" and {} more", exact.size() - 3);
    sink.add("general.nrpt-no-dot", field,
             fmt::format("{} NRPT rules ({}) match only their exact names, not the names under "
                         "them.",
                         exact.size(), names),
             "That is right for single hosts; write .name to cover a whole namespace.");
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

void checkNrpt(const std::vector<DomainNameInformation>& rules, Sink& sink) {
    std::vector<std::pair<std::size_t, std::string_view>> exact;
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string_view name = trimSpaces(textOf(rules[i].domainName));
        if (checkNrptName(name, i, sink)) {
            if (!name.starts_with('.')) exact.emplace_back(i, name);
            const auto [it, added] = seen.emplace(nrptKey(name), i);
            if (!added)
                sink.add("general.nrpt-duplicate",
                         indexed("DomainNameInformation", i, "DomainName"),
                         fmt::format("{} already has an NRPT rule (position {}); Windows applies "
                                     "only one of them.",
                                     detail::quoted(name), it->second + 1),
                         "Merge the two rules into one (DnsServers can list several servers).");
        }
        checkNrptServers(rules[i], i, sink);
    }
    reportExactNames(exact, sink);
}

// The host part of a ServerUrlList entry: "https://host:443/path" -> "host".
std::string_view urlHost(std::string_view entry) {
    if (const auto scheme = entry.find("://"); scheme != std::string_view::npos)
        entry.remove_prefix(scheme + 3);
    entry = entry.substr(0, entry.find_first_of("/?#"));
    if (entry.starts_with('[')) return entry.substr(1, entry.find(']') - 1); // [IPv6]
    if (std::count(entry.begin(), entry.end(), ':') == 1) entry = entry.substr(0, entry.find(':'));
    return entry;
}

// Plug-in servers: ';'-separated URLs, host names or addresses (the CSP's format).
void checkServerUrlList(const PluginProfile& plugin, Sink& sink) {
    if (!plugin.serverUrlList) return;
    auto entries = splitList(*plugin.serverUrlList, ';');
    if (entries.size() > 1 && entries.back().empty()) entries.pop_back(); // "a;b;" is fine
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string_view host = urlHost(entries[i]);
        const bool emptyLabel = host.starts_with('.') || host.find("..") != std::string::npos;
        if (!host.empty() && !emptyLabel) continue;
        sink.add("plugin.server-url", indexed("PluginProfile/ServerUrlList", i),
                 host.empty() ? fmt::format("Entry {} of ServerUrlList is empty.", i + 1)
                              : fmt::format("{} has an empty label (two dots in a row), so it "
                                            "cannot be looked up.",
                                            detail::quoted(entries[i])),
                 "List the servers separated by ';', e.g. vpn1.example.com;vpn2.example.com.");
    }
}

} // namespace

void checkServersAndDns(const Profile& profile, Sink& sink) {
    if (profile.nativeProfile) checkServers(*profile.nativeProfile, sink);
    if (profile.pluginProfile) checkServerUrlList(*profile.pluginProfile, sink);
    checkNameList(profile.dnsSuffix, "general.dns-suffix", "DnsSuffix", sink);
    checkNameList(profile.trustedNetworkDetection, "general.tnd", "TrustedNetworkDetection", sink);
    checkNrpt(profile.domainNameInformation, sink);
}

} // namespace aovpn::validation
