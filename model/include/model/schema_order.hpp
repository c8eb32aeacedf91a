#pragma once
// THE element order of ProfileXML, one table per parent. The writer emits children, then sorts
// them by these tables; nothing else in the code knows the order.
//
// Order = the xs:sequence of the published VPNProfileSchema.xsd (Intune on Windows 11 rejects
// profiles out of that order). Nodes newer than the XSD follow, in the order of Richard Hicks's
// public Windows 11 24H2 samples (profiles deployed that way are known to work through Intune);
// AlwaysOnActive, absent from those samples, goes last. Elements not in a table (kept unknown
// elements) come after all known ones, in the order they were read.
#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace aovpn::schema {

inline constexpr std::array<std::string_view, 30> kVpnProfile{
    "ProfileName", "EdpModeId", "RememberCredentials", "AlwaysOn", "DnsSuffix",
    "TrustedNetworkDetection", "DisableAdvancedOptionsEditButton", "DisableDisconnectButton",
    "LockDown", "DeviceTunnel", "RegisterDNS", "ByPassForLocal", "RequireVpnClientAppUI", "Proxy",
    "APNBinding", "DeviceCompliance", "PluginProfile", "AppTrigger", "DomainNameInformation",
    "TrafficFilter", "NativeProfile", "Route",
    // Windows 11, not in the XSD:
    "NetworkOutageTime", "IPv4InterfaceMetric", "IPv6InterfaceMetric", "UseRasCredentials",
    "DataEncryption", "PrivateNetwork", "DisableIKEv2Fragmentation", "AlwaysOnActive"};

inline constexpr std::array<std::string_view, 2> kProxy{"AutoConfigUrl", "Manual"};
inline constexpr std::array<std::string_view, 6> kApnBinding{
    "ProviderId", "AccessPointName",      "UserName",
    "Password",   "IsCompressionEnabled", "AuthenticationType"};
inline constexpr std::array<std::string_view, 2> kDeviceCompliance{"Enabled", "Sso"};
inline constexpr std::array<std::string_view, 3> kSso{"Enabled", "Eku", "IssuerHash"};
inline constexpr std::array<std::string_view, 3> kPluginProfile{
    "ServerUrlList", "CustomConfiguration", "PluginPackageFamilyName"};
inline constexpr std::array<std::string_view, 1> kAppTrigger{"App"};
inline constexpr std::array<std::string_view, 5> kDomainNameInformation{
    "DomainName", "DnsServers", "WebProxyServers", "AutoTrigger", "Persistent"};
inline constexpr std::array<std::string_view, 9> kTrafficFilter{"App",
                                                                "Claims",
                                                                "Protocol",
                                                                "LocalPortRanges",
                                                                "RemotePortRanges",
                                                                "LocalAddressRanges",
                                                                "RemoteAddressRanges",
                                                                "RoutingPolicyType",
                                                                "Direction"};
// ProtocolList (Windows 11) after the XSD's sequence.
inline constexpr std::array<std::string_view, 9> kNativeProfile{"Servers",
                                                                "RoutingPolicyType",
                                                                "NativeProtocolType",
                                                                "L2tpPsk",
                                                                "DisableClassBasedDefaultRoute",
                                                                "PlumbIKEv2TSAsRoutes",
                                                                "CryptographySuite",
                                                                "Authentication",
                                                                "ProtocolList"};
inline constexpr std::array<std::string_view, 6> kCryptographySuite{
    "AuthenticationTransformConstants",
    "CipherTransformConstants",
    "PfsGroup",
    "DHGroup",
    "IntegrityCheckMethod",
    "EncryptionMethod"};
// The XSD has a choice (UserMethod, Eap) | MachineMethod; Hicks's Intune samples need both
// methods, written UserMethod, MachineMethod, Eap.
inline constexpr std::array<std::string_view, 3> kAuthentication{"UserMethod", "MachineMethod",
                                                                 "Eap"};
inline constexpr std::array<std::string_view, 2> kProtocolList{"NativeProtocol",
                                                               "RetryTimeInHours"};
inline constexpr std::array<std::string_view, 4> kRoute{"Address", "PrefixSize", "ExclusionRoute",
                                                        "Metric"};

// Index of `name` in `order`, or order.size() when it is not there (sorts last).
constexpr std::size_t rank(std::span<const std::string_view> order, std::string_view name) {
    for (std::size_t i = 0; i < order.size(); ++i)
        if (order[i] == name) return i;
    return order.size();
}

} // namespace aovpn::schema
