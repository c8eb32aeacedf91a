#pragma once
// The VPNv2 ProfileXML as typed values. std::optional marks elements that may be absent, so
// "absent" and "false" stay distinct and a profile read and written back gains no elements.
// `extra` members keep elements this model does not know (or could not parse), as raw XML,
// written back after the known children of the same parent.
#include "model/eap.hpp"
#include "model/enums.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn {

// Elements kept verbatim: each string is one element's outer XML, with the namespace
// declarations it needs (and the comments that preceded it).
using RawElements = std::vector<std::string>;

// A comment kept through read -> write, attached to the element it preceded. In a struct's
// `comments`, `before` names the child element it precedes, "" means before this element itself
// (its own start tag), and kCommentAtEnd the end of its content.
struct Comment {
    std::string text; // between <!-- and -->, never holding "--" or ending in '-'
    std::string before;
    bool operator==(const Comment&) const = default;
};
using Comments = std::vector<Comment>;
inline constexpr std::string_view kCommentAtEnd = "/";

struct Proxy {
    std::optional<std::string> autoConfigUrl;
    std::optional<std::string> manualServer; // Manual/Server
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const Proxy&) const = default;
};

// APNBinding (cellular access point), all optional.
struct ApnBinding {
    std::optional<std::string> providerId;
    std::optional<std::string> accessPointName;
    std::optional<std::string> userName;
    std::optional<std::string> password;
    std::optional<bool> isCompressionEnabled;
    std::optional<std::string> authenticationType;
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const ApnBinding&) const = default;
};

struct Sso {
    std::optional<bool> enabled;
    std::optional<std::string> eku;
    std::optional<std::string> issuerHash;
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const Sso&) const = default;
};

struct DeviceCompliance {
    std::optional<bool> enabled;
    std::optional<Sso> sso;
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const DeviceCompliance&) const = default;
};

struct PluginProfile {
    std::optional<std::string> serverUrlList;
    std::optional<std::string> customConfiguration; // inner XML as read (may hold elements)
    std::optional<std::string> pluginPackageFamilyName;
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const PluginProfile&) const = default;
};

struct AppTrigger {
    std::optional<std::string> appId; // App/Id
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const AppTrigger&) const = default;
};

struct DomainNameInformation {
    std::optional<std::string> domainName; // ".corp.example.net" for a namespace
    std::optional<std::string> dnsServers; // comma-separated
    std::optional<std::string> webProxyServers;
    std::optional<bool> autoTrigger;
    std::optional<bool> persistent;
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const DomainNameInformation&) const = default;
};

struct TrafficFilter {
    std::optional<std::string> appId; // App/Id: exe path, package family name or SYSTEM
    std::optional<std::string> claims;
    std::optional<std::uint32_t> protocol; // 0-255 (range checked by the validator)
    std::optional<std::string> localPortRanges;
    std::optional<std::string> remotePortRanges;
    std::optional<std::string> localAddressRanges;
    std::optional<std::string> remoteAddressRanges;
    std::optional<Known<RoutingPolicy>> routingPolicyType;
    std::optional<Known<FilterDirection>> direction;
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const TrafficFilter&) const = default;
};

struct CryptographySuite {
    std::optional<Known<AuthTransform>> authenticationTransformConstants;
    std::optional<Known<CipherTransform>> cipherTransformConstants;
    std::optional<Known<PfsGroup>> pfsGroup;
    std::optional<Known<DhGroup>> dhGroup;
    std::optional<Known<IntegrityCheck>> integrityCheckMethod;
    std::optional<Known<EncryptionMethod>> encryptionMethod;
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const CryptographySuite&) const = default;
};

struct Authentication {
    std::optional<Known<UserMethod>> userMethod;
    std::optional<Known<MachineMethod>> machineMethod;
    std::optional<EapConfig> eap; // Eap/Configuration
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const Authentication&) const = default;
};

// NativeProfile/ProtocolList (Windows 11): protocols tried in order.
struct ProtocolList {
    std::vector<Known<NativeProtocol>> protocols; // NativeProtocol/Type*
    std::optional<std::uint32_t> retryTimeInHours;
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const ProtocolList&) const = default;
};

// One entry of Servers: "fqdn[;friendlyName]". fqdn holds no ',' or ';' and friendlyName no ','
// (the validator reports them; the text could not be split back).
struct VpnServer {
    std::string fqdn;
    std::optional<std::string> friendlyName;
    bool operator==(const VpnServer&) const = default;
};

struct NativeProfile {
    std::vector<VpnServer> servers; // empty: no Servers element
    std::optional<Known<RoutingPolicy>> routingPolicyType;
    std::optional<Known<NativeProtocol>> nativeProtocolType;
    std::optional<std::string> l2tpPsk;
    std::optional<bool> disableClassBasedDefaultRoute;
    std::optional<bool> plumbIkev2TsAsRoutes;
    std::optional<CryptographySuite> cryptographySuite;
    std::optional<Authentication> authentication;
    std::optional<ProtocolList> protocolList; // Windows 11
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const NativeProfile&) const = default;
};

struct Route {
    std::optional<std::string> address; // IPv4 or IPv6, on the prefix boundary
    std::optional<std::uint32_t> prefixSize;
    std::optional<bool> exclusionRoute;
    std::optional<std::uint32_t> metric;
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const Route&) const = default;
};

struct Profile {
    std::optional<std::string> profileName;
    std::optional<std::string> edpModeId;
    std::optional<bool> rememberCredentials;
    std::optional<bool> alwaysOn;
    std::optional<std::string> dnsSuffix;               // comma-separated, first is primary
    std::optional<std::string> trustedNetworkDetection; // comma-separated
    std::optional<bool> disableAdvancedOptionsEditButton;
    std::optional<bool> disableDisconnectButton;
    std::optional<bool> lockDown;
    std::optional<bool> deviceTunnel;
    std::optional<bool> registerDns;
    std::optional<bool> byPassForLocal;
    std::optional<bool> requireVpnClientAppUi;
    std::optional<Proxy> proxy;
    std::optional<ApnBinding> apnBinding;
    std::optional<DeviceCompliance> deviceCompliance;
    std::optional<PluginProfile> pluginProfile;
    std::vector<AppTrigger> appTriggers;
    std::vector<DomainNameInformation> domainNameInformation;
    std::vector<TrafficFilter> trafficFilters;
    std::optional<NativeProfile> nativeProfile;
    std::vector<Route> routes;
    // Windows 11 nodes, not in the published XSD.
    std::optional<Known<DataEncryption>> dataEncryption;
    std::optional<bool> disableIkev2Fragmentation;
    std::optional<std::uint32_t> ipv4InterfaceMetric;
    std::optional<std::uint32_t> ipv6InterfaceMetric;
    std::optional<std::uint32_t> networkOutageTime;
    std::optional<bool> privateNetwork;
    std::optional<bool> useRasCredentials;
    std::optional<bool> alwaysOnActive;
    RawElements extra;
    Comments comments = {}; // (initialised, so aggregate initialisers may stop before it)
    bool operator==(const Profile&) const = default;
};

// Servers text <-> list. "" gives no entries; otherwise every ','-separated part is an entry
// (kept exactly, spaces included), split at its first ';'.
std::vector<VpnServer> parseServers(std::string_view text);
std::string formatServers(const std::vector<VpnServer>& servers);

} // namespace aovpn
