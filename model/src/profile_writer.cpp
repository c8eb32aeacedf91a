// Profile -> canonical ProfileXML. Children are appended in any order and then sorted by the
// tables in model/schema_order.hpp, the only place that knows the order. Kept unknown elements
// are appended after the sort: they stay last, in the order they were read.
#include "model/profile_xml.hpp"
#include "model/schema_order.hpp"

#include "xml_emit.hpp"

namespace aovpn {
void writeEap(xml::Emitter& out, pugi::xml_node configuration, const EapConfig& eap);

namespace {
using xml::Emitter;

void writeProxy(Emitter& out, pugi::xml_node parent, const Proxy& p) {
    pugi::xml_node n = parent.append_child("Proxy");
    out.opt(n, "AutoConfigUrl", p.autoConfigUrl);
    if (p.manualServer) out.text(n.append_child("Manual"), "Server", *p.manualServer);
    xml::orderChildren(n, schema::kProxy);
    out.raw(n, p.extra);
}

void writeApnBinding(Emitter& out, pugi::xml_node parent, const ApnBinding& a) {
    pugi::xml_node n = parent.append_child("APNBinding");
    out.opt(n, "ProviderId", a.providerId);
    out.opt(n, "AccessPointName", a.accessPointName);
    out.opt(n, "UserName", a.userName);
    out.opt(n, "Password", a.password);
    out.opt(n, "IsCompressionEnabled", a.isCompressionEnabled);
    out.opt(n, "AuthenticationType", a.authenticationType);
    xml::orderChildren(n, schema::kApnBinding);
    out.raw(n, a.extra);
}

void writeDeviceCompliance(Emitter& out, pugi::xml_node parent, const DeviceCompliance& d) {
    pugi::xml_node n = parent.append_child("DeviceCompliance");
    out.opt(n, "Enabled", d.enabled);
    if (d.sso) {
        pugi::xml_node s = n.append_child("Sso");
        out.opt(s, "Enabled", d.sso->enabled);
        out.opt(s, "Eku", d.sso->eku);
        out.opt(s, "IssuerHash", d.sso->issuerHash);
        xml::orderChildren(s, schema::kSso);
        out.raw(s, d.sso->extra);
    }
    xml::orderChildren(n, schema::kDeviceCompliance);
    out.raw(n, d.extra);
}

void writePlugin(Emitter& out, pugi::xml_node parent, const PluginProfile& p) {
    pugi::xml_node n = parent.append_child("PluginProfile");
    out.opt(n, "ServerUrlList", p.serverUrlList);
    if (p.customConfiguration)
        out.raw(n.append_child("CustomConfiguration"), *p.customConfiguration);
    out.opt(n, "PluginPackageFamilyName", p.pluginPackageFamilyName);
    xml::orderChildren(n, schema::kPluginProfile);
    out.raw(n, p.extra);
}

void writeAppTrigger(Emitter& out, pugi::xml_node parent, const AppTrigger& t) {
    pugi::xml_node n = parent.append_child("AppTrigger");
    if (t.appId) out.text(n.append_child("App"), "Id", *t.appId);
    xml::orderChildren(n, schema::kAppTrigger);
    out.raw(n, t.extra);
}

void writeDomain(Emitter& out, pugi::xml_node parent, const DomainNameInformation& d) {
    pugi::xml_node n = parent.append_child("DomainNameInformation");
    out.opt(n, "DomainName", d.domainName);
    out.opt(n, "DnsServers", d.dnsServers);
    out.opt(n, "WebProxyServers", d.webProxyServers);
    out.opt(n, "AutoTrigger", d.autoTrigger);
    out.opt(n, "Persistent", d.persistent);
    xml::orderChildren(n, schema::kDomainNameInformation);
    out.raw(n, d.extra);
}

void writeFilter(Emitter& out, pugi::xml_node parent, const TrafficFilter& f) {
    pugi::xml_node n = parent.append_child("TrafficFilter");
    if (f.appId) out.text(n.append_child("App"), "Id", *f.appId);
    out.opt(n, "Claims", f.claims);
    out.opt(n, "Protocol", f.protocol);
    out.opt(n, "LocalPortRanges", f.localPortRanges);
    out.opt(n, "RemotePortRanges", f.remotePortRanges);
    out.opt(n, "LocalAddressRanges", f.localAddressRanges);
    out.opt(n, "RemoteAddressRanges", f.remoteAddressRanges);
    out.opt(n, "RoutingPolicyType", f.routingPolicyType);
    out.opt(n, "Direction", f.direction);
    xml::orderChildren(n, schema::kTrafficFilter);
    out.raw(n, f.extra);
}

void writeCrypto(Emitter& out, pugi::xml_node parent, const CryptographySuite& c) {
    pugi::xml_node n = parent.append_child("CryptographySuite");
    out.opt(n, "AuthenticationTransformConstants", c.authenticationTransformConstants);
    out.opt(n, "CipherTransformConstants", c.cipherTransformConstants);
    out.opt(n, "PfsGroup", c.pfsGroup);
    out.opt(n, "DHGroup", c.dhGroup);
    out.opt(n, "IntegrityCheckMethod", c.integrityCheckMethod);
    out.opt(n, "EncryptionMethod", c.encryptionMethod);
    xml::orderChildren(n, schema::kCryptographySuite);
    out.raw(n, c.extra);
}

void writeAuthentication(Emitter& out, pugi::xml_node parent, const Authentication& a) {
    pugi::xml_node n = parent.append_child("Authentication");
    out.opt(n, "UserMethod", a.userMethod);
    out.opt(n, "MachineMethod", a.machineMethod);
    if (a.eap) writeEap(out, n.append_child("Eap").append_child("Configuration"), *a.eap);
    xml::orderChildren(n, schema::kAuthentication);
    out.raw(n, a.extra);
}

void writeProtocolList(Emitter& out, pugi::xml_node parent, const ProtocolList& l) {
    pugi::xml_node n = parent.append_child("ProtocolList");
    for (const auto& p : l.protocols)
        out.text(n.append_child("NativeProtocol"), "Type", std::string(toText(p)));
    out.opt(n, "RetryTimeInHours", l.retryTimeInHours);
    xml::orderChildren(n, schema::kProtocolList);
    out.raw(n, l.extra);
}

void writeNative(Emitter& out, pugi::xml_node parent, const NativeProfile& p) {
    pugi::xml_node n = parent.append_child("NativeProfile");
    if (!p.servers.empty()) out.text(n, "Servers", formatServers(p.servers));
    out.opt(n, "RoutingPolicyType", p.routingPolicyType);
    out.opt(n, "NativeProtocolType", p.nativeProtocolType);
    out.opt(n, "L2tpPsk", p.l2tpPsk);
    out.opt(n, "DisableClassBasedDefaultRoute", p.disableClassBasedDefaultRoute);
    out.opt(n, "PlumbIKEv2TSAsRoutes", p.plumbIkev2TsAsRoutes);
    if (p.cryptographySuite) writeCrypto(out, n, *p.cryptographySuite);
    if (p.authentication) writeAuthentication(out, n, *p.authentication);
    if (p.protocolList) writeProtocolList(out, n, *p.protocolList);
    xml::orderChildren(n, schema::kNativeProfile);
    out.raw(n, p.extra);
}

void writeRoute(Emitter& out, pugi::xml_node parent, const Route& r) {
    pugi::xml_node n = parent.append_child("Route");
    out.opt(n, "Address", r.address);
    out.opt(n, "PrefixSize", r.prefixSize);
    out.opt(n, "ExclusionRoute", r.exclusionRoute);
    out.opt(n, "Metric", r.metric);
    xml::orderChildren(n, schema::kRoute);
    out.raw(n, r.extra);
}

void writeScalars(Emitter& out, pugi::xml_node n, const Profile& p) {
    out.opt(n, "ProfileName", p.profileName);
    out.opt(n, "EdpModeId", p.edpModeId);
    out.opt(n, "RememberCredentials", p.rememberCredentials);
    out.opt(n, "AlwaysOn", p.alwaysOn);
    out.opt(n, "DnsSuffix", p.dnsSuffix);
    out.opt(n, "TrustedNetworkDetection", p.trustedNetworkDetection);
    out.opt(n, "DisableAdvancedOptionsEditButton", p.disableAdvancedOptionsEditButton);
    out.opt(n, "DisableDisconnectButton", p.disableDisconnectButton);
    out.opt(n, "LockDown", p.lockDown);
    out.opt(n, "DeviceTunnel", p.deviceTunnel);
    out.opt(n, "RegisterDNS", p.registerDns);
    out.opt(n, "ByPassForLocal", p.byPassForLocal);
    out.opt(n, "RequireVpnClientAppUI", p.requireVpnClientAppUi);
}

void writeWindows11(Emitter& out, pugi::xml_node n, const Profile& p) {
    out.opt(n, "NetworkOutageTime", p.networkOutageTime);
    out.opt(n, "IPv4InterfaceMetric", p.ipv4InterfaceMetric);
    out.opt(n, "IPv6InterfaceMetric", p.ipv6InterfaceMetric);
    out.opt(n, "UseRasCredentials", p.useRasCredentials);
    out.opt(n, "DataEncryption", p.dataEncryption);
    out.opt(n, "PrivateNetwork", p.privateNetwork);
    out.opt(n, "DisableIKEv2Fragmentation", p.disableIkev2Fragmentation);
    out.opt(n, "AlwaysOnActive", p.alwaysOnActive);
}

void writeProfile(Emitter& out, pugi::xml_node n, const Profile& p) {
    writeScalars(out, n, p);
    if (p.proxy) writeProxy(out, n, *p.proxy);
    if (p.apnBinding) writeApnBinding(out, n, *p.apnBinding);
    if (p.deviceCompliance) writeDeviceCompliance(out, n, *p.deviceCompliance);
    if (p.pluginProfile) writePlugin(out, n, *p.pluginProfile);
    for (const auto& t : p.appTriggers)
        writeAppTrigger(out, n, t);
    for (const auto& d : p.domainNameInformation)
        writeDomain(out, n, d);
    for (const auto& f : p.trafficFilters)
        writeFilter(out, n, f);
    if (p.nativeProfile) writeNative(out, n, *p.nativeProfile);
    for (const auto& r : p.routes)
        writeRoute(out, n, r);
    writeWindows11(out, n, p);
    xml::orderChildren(n, schema::kVpnProfile);
    out.raw(n, p.extra);
}

class StringWriter : public pugi::xml_writer {
  public:
    std::string out;
    void write(const void* data, size_t size) override {
        out.append(static_cast<const char*>(data), size);
    }
};

} // namespace

WriteResult writeProfileXmlChecked(const Profile& profile) {
    WriteResult result;
    Emitter out(result.warnings);
    pugi::xml_document doc;
    writeProfile(out, doc.append_child("VPNProfile"), profile);
    StringWriter w;
    doc.save(w, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    result.xml = std::move(w.out);
    return result;
}

std::string writeProfileXml(const Profile& profile) {
    return writeProfileXmlChecked(profile).xml;
}

} // namespace aovpn
