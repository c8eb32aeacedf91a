// The rule catalogue and the entry point; the checks live in validate_<area>.cpp.
#include "model/validate.hpp"

#include "model/gateway_info.hpp"

#include "validate_internal.hpp"

#include <algorithm>
#include <array>

namespace aovpn {
namespace {

using S = Severity;
constexpr std::array kRules{
    // General
    RuleInfo{"general.name-missing", S::Warning, "the profile has no ProfileName"},
    RuleInfo{"general.name-slash", S::Error, "the profile name contains '/'"},
    RuleInfo{"general.name-whitespace", S::Warning, "the name starts or ends with a space"},
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
    RuleInfo{"general.dns-suffix", S::Error, "a DnsSuffix entry is not a DNS name"},
    RuleInfo{"general.tnd", S::Error, "a TrustedNetworkDetection entry is not a DNS name"},
    RuleInfo{"general.nrpt-name", S::Error, "an NRPT DomainName is empty or malformed"},
    RuleInfo{"general.nrpt-no-dot", S::Info, "an NRPT name without a leading dot"},
    RuleInfo{"general.nrpt-dns-servers", S::Error, "NRPT DnsServers are not IP addresses"},
    // Routes
    RuleInfo{"route.address", S::Error, "a route address is missing or not an IP address"},
    RuleInfo{"route.prefix", S::Error, "a route prefix is missing or out of range"},
    RuleInfo{"route.boundary", S::Error, "a route address is not on its prefix boundary"},
    RuleInfo{"route.duplicate", S::Error, "the same route twice"},
    RuleInfo{"route.metric", S::Error, "a route metric of 10000 or more"},
    RuleInfo{"route.force-tunnel-routes", S::Warning, "force tunnel with non-exclusion routes"},
    RuleInfo{"route.no-routes", S::Warning, "DisableClassBasedDefaultRoute with no routes"},
    RuleInfo{"route.default-in-split", S::Info, "a /0 route in split tunnel"},
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
    RuleInfo{"crypto.missing", S::Warning, "IKEv2 without a CryptographySuite"},
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
    RuleInfo{"device.host-routes", S::Info, "device tunnel routes wider than host routes"},
};

} // namespace

namespace validation {

void Sink::add(std::string_view rule, std::string field, std::string message, std::string hint) {
    const auto it =
        std::find_if(kRules.begin(), kRules.end(), [&](const RuleInfo& r) { return r.id == rule; });
    // An unknown id is a programming error; report it as an Error so tests catch it.
    const Severity severity = it == kRules.end() ? Severity::Error : it->severity;
    issues_.push_back(
        {severity, std::string(rule), std::move(field), std::move(message), std::move(hint)});
}

} // namespace validation

std::vector<Issue> validateProfile(const Profile& profile) {
    return validateProfile(profile, GatewayInfo{});
}

std::vector<Issue> validateProfile(const Profile& profile, const GatewayInfo& gateway) {
    validation::Sink sink;
    validation::checkGeneral(profile, sink);
    validation::checkServersAndDns(profile, sink);
    validation::checkRoutes(profile, sink);
    validation::checkClientPool(profile, gateway, sink);
    validation::checkFilters(profile, sink);
    validation::checkAuthentication(profile, sink);
    validation::checkCryptography(profile, gateway, sink);
    validation::checkDeviceTunnel(profile, sink);
    return sink.take();
}

bool hasErrors(const std::vector<Issue>& issues) {
    return countIssues(issues, Severity::Error) > 0;
}

std::size_t countIssues(const std::vector<Issue>& issues, Severity severity) {
    return static_cast<std::size_t>(std::count_if(
        issues.begin(), issues.end(), [&](const Issue& i) { return i.severity == severity; }));
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

std::span<const RuleInfo> validationRules() {
    return kRules;
}

} // namespace aovpn
