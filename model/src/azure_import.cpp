// importAzurePackage: Generic/VpnSettings.xml and the gateway roots into a user-tunnel profile.
#include "model/azure_package.hpp"

#include "azure_import_internal.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <pugixml.hpp>

#include <algorithm>

namespace aovpn {
namespace {

using Result = ParseResult<AzureImport>;

const PackageEntry* findEntry(const std::vector<PackageEntry>& entries, std::string_view tail) {
    for (const PackageEntry& e : entries) {
        const std::string key = entryKey(e.name);
        if (key.size() >= tail.size() &&
            key.compare(key.size() - tail.size(), tail.size(), tail) == 0 &&
            (key.size() == tail.size() || key[key.size() - tail.size() - 1] == '/'))
            return &e;
    }
    return nullptr;
}

bool endsWith(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

bool hasFolder(const std::vector<PackageEntry>& entries, std::string_view folder) {
    return std::any_of(entries.begin(), entries.end(), [&](const PackageEntry& e) {
        const std::string key = entryKey(e.name);
        return key.rfind(std::string(folder) + "/", 0) == 0 ||
               key.find("/" + std::string(folder) + "/") != std::string::npos;
    });
}

// Why a package without Generic/VpnSettings.xml cannot be imported.
std::string withoutSettings(const std::vector<PackageEntry>& entries) {
    if (findEntry(entries, "azurevpn/azurevpnconfig.xml"))
        return "This is the Azure VPN Client's package (AzureVPN/azurevpnconfig.xml): that file is "
               "the Azure VPN Client's own format, not a ProfileXML, and Windows' built-in VPN "
               "cannot use it. Download the package of a gateway with IKEv2 and certificate "
               "authentication.";
    if (hasFolder(entries, "openvpn"))
        return "This is an OpenVPN-only package (OpenVPN/vpnconfig.ovpn): Windows' built-in VPN "
               "has no OpenVPN. Add IKEv2 to the gateway's tunnel types and download again.";
    if (hasFolder(entries, "windowsamd64") || hasFolder(entries, "windowsx86"))
        return "This is an SSTP-only package: SSTP-only packages have no Generic folder "
               "(no VpnSettings.xml), so there is nothing to import but an installer. Add IKEv2 to "
               "the gateway's tunnel types and download again, or enter the gateway by hand.";
    return "This is not an Azure VPN client package: it has no Generic/VpnSettings.xml.";
}

std::string localName(const pugi::xml_node& n) {
    const std::string_view name = n.name();
    const std::size_t colon = name.find(':');
    return std::string(colon == std::string_view::npos ? name : name.substr(colon + 1));
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
    for (pugi::xml_node c : parent.children())
        if (c.type() == pugi::node_element && detail::equalsNoCase(localName(c), name)) return c;
    return {};
}

// All text under a node, descendants included ("<CaCerts><string>..</string></CaCerts>").
std::vector<std::string> texts(const pugi::xml_node& n) {
    std::vector<std::string> out;
    for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
            out.emplace_back(c.value());
        if (c.type() == pugi::node_element)
            for (std::string& t : texts(c))
                out.push_back(std::move(t));
    }
    return out;
}

std::vector<std::string> items(const pugi::xml_node& n) {
    std::vector<std::string> out;
    for (const std::string& t : texts(n)) {
        std::string normal = t;
        std::replace_if(
            normal.begin(), normal.end(),
            [](char c) { return c == ';' || c == ' ' || c == '\n' || c == '\r' || c == '\t'; },
            ',');
        for (std::string_view item : splitList(normal, ','))
            if (!item.empty()) out.emplace_back(item);
    }
    return out;
}

// VpnServer, VpnType: the gateway and the protocol (IKEv2 whenever it is listed).
bool readGateway(const pugi::xml_node& root, AzureImport& out, std::string& error) {
    const std::vector<std::string> server = items(child(root, "VpnServer"));
    if (server.size() != 1 || !checkFqdn(server.front()).ok) {
        error = server.empty()
                    ? "Generic/VpnSettings.xml has no VpnServer."
                    : fmt::format("VpnServer '{}' is not a DNS name.", fmt::join(server, ","));
        return false;
    }
    out.profile = azureUserTunnel(server.front());
    const std::vector<std::string> types = items(child(root, "VpnType"));
    auto listed = [&](std::string_view t) {
        return std::any_of(types.begin(), types.end(),
                           [&](const std::string& v) { return detail::equalsNoCase(v, t); });
    };
    if (!listed("IkeV2") && !listed("Sstp")) {
        error = fmt::format("VpnType '{}' has neither IkeV2 nor Sstp: Windows' built-in VPN "
                            "cannot use this gateway.",
                            fmt::join(types, ","));
        return false;
    }
    if (!listed("IkeV2")) out.profile.nativeProfile->nativeProtocolType = NativeProtocol::SSTP;
    out.summary.push_back(fmt::format("Server {} ({})", server.front(),
                                      listed("IkeV2") ? "IKEv2" : "SSTP: IKEv2 is not enabled"));
    return true;
}

// Routes: one route per prefix, the prefix kept exactly as Azure gives it.
bool readRoutes(const pugi::xml_node& root, AzureImport& out, std::string& error) {
    for (const std::string& item : items(child(root, "Routes"))) {
        const ParseResult<IpPrefix> prefix = parsePrefix(item);
        if (!prefix.ok) {
            error = fmt::format("Routes holds '{}': {}", item, prefix.error);
            return false;
        }
        Route r;
        r.address = item.substr(0, item.find('/'));
        r.prefixSize = static_cast<std::uint32_t>(prefix.value.length);
        out.profile.routes.push_back(std::move(r));
    }
    out.summary.push_back(fmt::format("{} route(s) from Routes (the VNet and peered ranges)",
                                      out.profile.routes.size()));
    return true;
}

// VpnClientAddressPool and CustomDnsServers: kept beside the profile, offered for NRPT.
bool readPoolAndDns(const pugi::xml_node& root, AzureImport& out, std::string& error) {
    for (const std::string& item : items(child(root, "VpnClientAddressPool"))) {
        const ParseResult<IpPrefix> pool = parsePrefix(item);
        if (!pool.ok) {
            error = fmt::format("VpnClientAddressPool holds '{}': {}", item, pool.error);
            return false;
        }
        out.gateway.clientAddressPools.push_back(pool.value);
        out.summary.push_back(fmt::format("VPN client address pool {} (routes into it are "
                                          "flagged)",
                                          item));
    }
    for (const std::string& item : items(child(root, "CustomDnsServers"))) {
        if (!parseIp(item).ok) {
            error = fmt::format("CustomDnsServers holds '{}', not an IP address.", item);
            return false;
        }
        out.customDns.push_back(item);
    }
    return true;
}

// VpnServerRoot.cer and CaCerts/string: TrustedRootCA pinned (server validation is on in the
// Azure user tunnel already, for the gateway's name).
bool readRoots(const pugi::xml_node& root, const std::vector<PackageEntry>& entries,
               AzureImport& out, std::string& error) {
    std::vector<std::string> thumbs;
    auto add = [&](std::string_view bytes, std::string_view what) {
        const ParseResult<std::string> t = azure::certificateThumbprint(bytes, what);
        if (!t.ok) error = t.error;
        if (t.ok && std::find(thumbs.begin(), thumbs.end(), t.value) == thumbs.end())
            thumbs.push_back(t.value);
        return t.ok;
    };
    if (const PackageEntry* cer = findEntry(entries, "generic/vpnserverroot.cer"))
        if (!add(cer->data, "Generic/VpnServerRoot.cer")) return false;
    for (const std::string& b64 : texts(child(root, "CaCerts"))) {
        const auto der = azure::decodeBase64(b64);
        if (!der || !add(*der, "A CaCerts/string entry")) {
            if (!der) error = "A CaCerts/string entry is not base64.";
            return false;
        }
    }
    auto& tls = out.profile.nativeProfile->authentication->eap->tls;
    tls.serverValidation->trustedRootCAs = thumbs;
    if (thumbs.empty()) {
        out.todo.push_back("The package holds no gateway root: Windows checks the gateway's "
                           "name and a root this PC trusts, and may ask the user. Add the "
                           "gateway's root under Server validation to pin it.");
        return true;
    }
    tls.serverValidation->disableUserPromptForServerValidation = true;
    out.summary.push_back(
        fmt::format("Server validation on, trusted root(s) {}", fmt::join(thumbs, ", ")));
    out.todo.push_back("Azure rotates the gateway's root: a pinned TrustedRootCA means importing "
                       "the package again when it does (the connection fails with 13801 "
                       "until then).");
    return true;
}

void applyOptions(const pugi::xml_node& root, const AzureImportOptions& o, AzureImport& out) {
    const std::vector<std::string> vnet = items(child(root, "VnetName"));
    out.profile.profileName = o.name             ? *o.name
                              : vnet.size() == 1 ? vnet.front() + " (Azure)"
                                                 : std::string("Azure VPN");
    if (out.customDns.empty()) return;
    const std::string servers = fmt::format("{}", fmt::join(out.customDns, ","));
    if (!o.nrptNamespace) {
        out.todo.push_back(fmt::format("CustomDnsServers {}: to resolve internal names through "
                                       "the tunnel, add an NRPT rule for your namespace with "
                                       "these servers.",
                                       servers));
        return;
    }
    DomainNameInformation rule;
    rule.domainName = o.nrptNamespace->starts_with('.') ? *o.nrptNamespace : "." + *o.nrptNamespace;
    rule.dnsServers = servers;
    out.profile.domainNameInformation.push_back(rule);
    out.summary.push_back(fmt::format("NRPT rule {} -> {}", *rule.domainName, servers));
}

} // namespace

ParseResult<AzureImport> importAzurePackage(const std::vector<PackageEntry>& entries,
                                            const AzureImportOptions& options) {
    const PackageEntry* settings = findEntry(entries, "generic/vpnsettings.xml");
    if (!settings) return Result::failure(withoutSettings(entries));
    if (std::count_if(entries.begin(), entries.end(), [](const PackageEntry& e) {
            return azurePackageWants(e.name) && endsWith(entryKey(e.name), "vpnsettings.xml");
        }) > 1)
        return Result::failure("The package holds more than one Generic/VpnSettings.xml (two "
                               "gateways' packages in one?): import each package on its own.");
    if (!settings->hasData || settings->data.empty())
        return Result::failure("Generic/VpnSettings.xml is empty (0 bytes): the download was cut "
                               "short. Download the package again.");
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(settings->data.data(), settings->data.size());
    const pugi::xml_node root = doc.document_element();
    if (!parsed || !detail::equalsNoCase(localName(root), "VpnProfile"))
        return Result::failure(fmt::format("Generic/VpnSettings.xml is not the VpnProfile document "
                                           "Azure writes ({}).",
                                           parsed ? "another root element" : parsed.description()));
    AzureImport out;
    std::string error;
    if (!readGateway(root, out, error) || !readRoutes(root, out, error) ||
        !readPoolAndDns(root, out, error) || !readRoots(root, entries, out, error))
        return Result::failure(error);
    applyOptions(root, options, out);
    out.todo.insert(out.todo.begin(),
                    "Pick the user's client certificate (Authentication): its issuing CA becomes "
                    "the EAP-TLS certificate filter.");
    return Result::success(std::move(out));
}

} // namespace aovpn
