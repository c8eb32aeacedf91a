// The rule catalogue: every id the reader and the validator report, its severity and a summary
// (`aovpn rules` prints it). Severities live only here, so a rule cannot drift between call sites.
#include "model/rules.hpp"

#include <algorithm>
#include <array>

namespace aovpn {
namespace {

using S = Severity;
constexpr std::array kRules{
    // Reading the text (reported by readProfileXml)
    RuleInfo{"xml.malformed", S::Error, "the text is not well-formed XML"},
    RuleInfo{"xml.no-profile", S::Error, "the text holds no <VPNProfile>"},
    RuleInfo{"xml.too-deep", S::Error, "elements nested absurdly deep"},
    RuleInfo{"xml.nul-reference", S::Error, "a &#0; character reference (cuts the value)"},
    RuleInfo{"xml.bare-ampersand", S::Warning, "a bare '&' (Windows rejects the profile)"},
    RuleInfo{"xml.text-cleaned", S::Warning, "characters XML cannot carry were removed"},
    RuleInfo{"xml.stray-text", S::Warning, "text directly inside an element is ignored"},
    RuleInfo{"xml.root-attributes", S::Warning, "attributes on <VPNProfile> are ignored"},
    RuleInfo{"xml.second-root", S::Warning, "elements after </VPNProfile> are ignored"},
    RuleInfo{"xml.empty-servers", S::Warning, "an empty <Servers> is left out when saved"},
    RuleInfo{"text.encoding", S::Error, "an encoding this tool cannot convert"},
    RuleInfo{"text.encoding-converted", S::Info, "a declared 8-bit encoding converted to UTF-8"},
    RuleInfo{"text.encoding-guessed", S::Warning, "not UTF-8 and no declaration: read as 1252"},
    RuleInfo{"text.utf16-no-bom", S::Info, "UTF-16 without a byte order mark"},
    RuleInfo{"structure.misplaced", S::Error, "a known element under the wrong parent"},
    RuleInfo{"structure.csp-node", S::Error, "a CSP node name used as an element"},
    RuleInfo{"structure.app-text", S::Error, "<App> holds a path as text instead of <Id>"},
    RuleInfo{"structure.name-case", S::Error, "a known element name in the wrong case"},
    RuleInfo{"structure.duplicate", S::Warning, "an element that may appear once, repeated"},
    RuleInfo{"structure.attributes", S::Warning, "attributes this tool does not understand"},
    RuleInfo{"structure.shape", S::Warning, "an element with children where text belongs"},
    RuleInfo{"structure.unknown", S::Warning, "an element this tool does not know (kept)"},
    RuleInfo{"value.bool", S::Error, "a boolean that is empty or not true/false"},
    RuleInfo{"value.number", S::Error, "a number that is empty or not a whole number"},
    RuleInfo{"eap.kept", S::Info, "an EAP method this tool keeps but does not edit"},
    RuleInfo{"eap.escaped", S::Error, "the EAP configuration is escaped text, not XML"},
    // General
    RuleInfo{"general.name-missing", S::Warning, "the profile has no ProfileName"},
    RuleInfo{"general.name-slash", S::Error, "the profile name contains '/'"},
    RuleInfo{"general.name-whitespace", S::Warning, "the name starts or ends with a space"},
    RuleInfo{"general.name-length", S::Error, "a name longer than a RAS entry name (256)"},
    RuleInfo{"general.no-connection", S::Error, "neither NativeProfile nor PluginProfile"},
    RuleInfo{"general.native-and-plugin", S::Error, "both NativeProfile and PluginProfile"},
    RuleInfo{"general.unknown-value", S::Error, "a value outside the CSP's closed set"},
    RuleInfo{"general.weak-protocol", S::Warning, "PPTP or L2TP"},
    RuleInfo{"general.l2tp-psk", S::Warning, "a pre-shared key stored in the profile"},
    RuleInfo{"general.automatic-protocol", S::Info, "Automatic tries SSTP first"},
    RuleInfo{"general.always-on-no-tnd", S::Warning, "AlwaysOn without TrustedNetworkDetection"},
    RuleInfo{"general.proxy-split-tunnel", S::Warning, "a proxy is ignored in split tunnel"},
    RuleInfo{"general.servers-empty", S::Error, "NativeProfile has no server"},
    RuleInfo{"general.server-name", S::Error, "a server is not a DNS name or IP address"},
    RuleInfo{"general.server-spaces", S::Error, "a server name with spaces around it"},
    RuleInfo{"general.dns-suffix", S::Error, "a DnsSuffix entry is not a DNS name"},
    RuleInfo{"general.tnd", S::Error, "a TrustedNetworkDetection entry is not a DNS suffix"},
    RuleInfo{"general.nrpt-name", S::Error, "an NRPT DomainName is empty or malformed"},
    RuleInfo{"general.nrpt-no-dot", S::Info, "NRPT names without a leading dot (exact hosts)"},
    RuleInfo{"general.nrpt-duplicate", S::Warning, "two NRPT rules for the same name"},
    RuleInfo{"general.nrpt-dns-servers", S::Error, "NRPT DnsServers are not IP addresses"},
    RuleInfo{"plugin.server-url", S::Error, "a ServerUrlList entry empty or with an empty label"},
    // Routes
    RuleInfo{"route.address", S::Error, "a route address is missing or not an IP address"},
    RuleInfo{"route.prefix", S::Error, "a route prefix is missing or out of range"},
    RuleInfo{"route.boundary", S::Error, "a route address is not on its prefix boundary"},
    RuleInfo{"route.duplicate", S::Error, "the same route twice"},
    RuleInfo{"route.metric", S::Error, "a route metric of 10000 or more"},
    RuleInfo{"route.force-tunnel-routes", S::Warning, "force tunnel with non-exclusion routes"},
    RuleInfo{"route.no-routes", S::Warning, "DisableClassBasedDefaultRoute with no routes"},
    RuleInfo{"route.default-in-split", S::Info, "a /0 route in split tunnel"},
    RuleInfo{"route.outside-filters", S::Warning, "a route no traffic filter lets through"},
    RuleInfo{"route.client-pool", S::Warning, "a route overlapping the VPN client address pool"},
    // Traffic filters
    RuleInfo{"filter.protocol", S::Error, "a protocol number above 255"},
    RuleInfo{"filter.ports-protocol", S::Error, "port ranges without protocol 6 or 17"},
    RuleInfo{"filter.ports", S::Error, "malformed port ranges"},
    RuleInfo{"filter.addresses", S::Error, "malformed address ranges"},
    RuleInfo{"filter.address-boundary", S::Warning, "an address range prefix with host bits"},
    RuleInfo{"filter.app-empty", S::Error, "an App/Id that is empty"},
    RuleInfo{"filter.ipv6-routes", S::Warning, "traffic filters with IPv6 routes"},
    // Authentication and cryptography
    RuleInfo{"auth.missing", S::Error, "no authentication method"},
    RuleInfo{"auth.eap-missing", S::Error, "EAP selected but no EAP configuration"},
    RuleInfo{"auth.mschapv2", S::Warning, "password authentication (MSChapv2)"},
    RuleInfo{"auth.server-validation-off", S::Warning, "server certificate not validated"},
    RuleInfo{"auth.no-server-names", S::Warning, "no server names to check"},
    RuleInfo{"auth.no-cert-filter", S::Warning, "no certificate filter (issuer hash / EKU)"},
    RuleInfo{"auth.hash-format", S::Error, "an issuer or root hash is not 40 hex digits"},
    RuleInfo{"crypto.missing", S::Warning, "IKEv2 (or a ProtocolList with it), no crypto suite"},
    RuleInfo{"crypto.incomplete", S::Warning, "a CryptographySuite missing values"},
    RuleInfo{"crypto.weak", S::Warning, "a weak algorithm (DES, 3DES, MD5, SHA-1, DH 1/2)"},
    RuleInfo{"crypto.azure-policy", S::Error,
             "an Azure server with a suite outside Azure's default P2S policy (13868)"},
    RuleInfo{"crypto.custom-policy", S::Error,
             "a suite outside the gateway's declared custom policy (13868)"},
    // Device tunnel
    RuleInfo{"device.user-auth", S::Error, "device tunnel without machine certificate auth"},
    RuleInfo{"device.protocol", S::Error, "device tunnel not IKEv2"},
    RuleInfo{"device.force-tunnel", S::Error, "device tunnel with force tunnel"},
    RuleInfo{"device.plugin", S::Error, "device tunnel with a plugin profile"},
    RuleInfo{"device.not-always-on", S::Warning, "device tunnel without AlwaysOn"},
    RuleInfo{"device.traffic-filters", S::Warning, "device tunnel with traffic filters"},
    RuleInfo{"device.nrpt", S::Warning, "NRPT rules on a device tunnel (not supported)"},
    RuleInfo{"device.host-routes", S::Info, "device tunnel routes wider than host routes"},
};

} // namespace

std::span<const RuleInfo> validationRules() {
    return kRules;
}

const RuleInfo* findRule(std::string_view id) {
    const auto it =
        std::find_if(kRules.begin(), kRules.end(), [&](const RuleInfo& r) { return r.id == id; });
    return it == kRules.end() ? nullptr : &*it;
}

std::string_view severityName(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "error";
}

} // namespace aovpn
