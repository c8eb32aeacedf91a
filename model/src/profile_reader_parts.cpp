// Element readers for the parts of a VPNProfile. Each takes what it knows; Reader::children
// keeps everything else verbatim in the part's `extra`.
#include "profile_reader_parts.hpp"

#include <cstring>

namespace aovpn {
namespace {
using xml::Reader;
using N = pugi::xml_node;

constexpr auto is = isElement;

Sso readSso(Reader& r, N node) {
    Sso s;
    r.children(node, s.extra, [&](N c) {
        if (is(c, "Enabled")) return r.flag(c, s.enabled);
        if (is(c, "Eku")) return r.str(c, s.eku);
        if (is(c, "IssuerHash")) return r.str(c, s.issuerHash);
        return false;
    });
    return s;
}

CryptographySuite readCrypto(Reader& r, N node) {
    CryptographySuite s;
    r.children(node, s.extra, [&](N c) {
        if (is(c, "AuthenticationTransformConstants"))
            return r.known(c, s.authenticationTransformConstants);
        if (is(c, "CipherTransformConstants")) return r.known(c, s.cipherTransformConstants);
        if (is(c, "PfsGroup")) return r.known(c, s.pfsGroup);
        if (is(c, "DHGroup")) return r.known(c, s.dhGroup);
        if (is(c, "IntegrityCheckMethod")) return r.known(c, s.integrityCheckMethod);
        if (is(c, "EncryptionMethod")) return r.known(c, s.encryptionMethod);
        return false;
    });
    return s;
}

// Eap/Configuration: the wrapper must hold exactly one Configuration.
bool readEapWrapper(Reader& r, N node, std::optional<EapConfig>& slot) {
    if (!r.claim(node, slot.has_value())) return false;
    N config = node.child("Configuration");
    if (xml::elementCount(node) != 1 || !config || xml::hasForeignAttributes(config) ||
        xml::hasSignificantText(node)) {
        r.reject("structure.shape", "<Eap> should hold exactly one <Configuration>");
        return false;
    }
    slot = readEapConfiguration(r, config);
    return true;
}

Authentication readAuthentication(Reader& r, N node) {
    Authentication a;
    r.children(node, a.extra, [&](N c) {
        if (is(c, "UserMethod")) return r.known(c, a.userMethod);
        if (is(c, "MachineMethod")) return r.known(c, a.machineMethod);
        if (is(c, "Eap")) return readEapWrapper(r, c, a.eap);
        return false;
    });
    return a;
}

ProtocolList readProtocolList(Reader& r, N node) {
    ProtocolList l;
    r.children(node, l.extra, [&](N c) {
        if (is(c, "RetryTimeInHours")) return r.uint(c, l.retryTimeInHours);
        std::optional<std::string> type;
        if (!is(c, "NativeProtocol") || !r.wrapped(c, "Type", type)) return false;
        l.protocols.push_back(parseKnown<NativeProtocol>(*type));
        return true;
    });
    return l;
}

bool readServers(Reader& r, N node, NativeProfile& p) {
    std::optional<std::string> text;
    if (!r.claim(node, !p.servers.empty()) || !r.str(node, text)) return false;
    if (text->empty())
        r.note(node, "xml.empty-servers", "<Servers> is empty; it is left out when saved.");
    p.servers = parseServers(*text);
    return true;
}

} // namespace

Proxy readProxy(Reader& r, N node) {
    Proxy p;
    r.children(node, p.extra, [&](N c) {
        if (is(c, "AutoConfigUrl")) return r.str(c, p.autoConfigUrl);
        if (is(c, "Manual")) return r.wrapped(c, "Server", p.manualServer);
        return false;
    });
    return p;
}

ApnBinding readApnBinding(Reader& r, N node) {
    ApnBinding a;
    r.children(node, a.extra, [&](N c) {
        if (is(c, "ProviderId")) return r.str(c, a.providerId);
        if (is(c, "AccessPointName")) return r.str(c, a.accessPointName);
        if (is(c, "UserName")) return r.str(c, a.userName);
        if (is(c, "Password")) return r.str(c, a.password);
        if (is(c, "IsCompressionEnabled")) return r.flag(c, a.isCompressionEnabled);
        if (is(c, "AuthenticationType")) return r.str(c, a.authenticationType);
        return false;
    });
    return a;
}

DeviceCompliance readDeviceCompliance(Reader& r, N node) {
    DeviceCompliance d;
    r.children(node, d.extra, [&](N c) {
        if (is(c, "Enabled")) return r.flag(c, d.enabled);
        if (is(c, "Sso") && r.claim(c, d.sso.has_value())) return (d.sso = readSso(r, c), true);
        return false;
    });
    return d;
}

PluginProfile readPlugin(Reader& r, N node) {
    PluginProfile p;
    r.children(node, p.extra, [&](N c) {
        if (is(c, "ServerUrlList")) return r.str(c, p.serverUrlList);
        if (is(c, "PluginPackageFamilyName")) return r.str(c, p.pluginPackageFamilyName);
        if (!is(c, "CustomConfiguration") || !r.claim(c, p.customConfiguration.has_value()))
            return false;
        // Vendors put XML here although the XSD says string: keep the content as XML text.
        p.customConfiguration = xml::rawContent(c);
        return true;
    });
    return p;
}

AppTrigger readAppTrigger(Reader& r, N node) {
    AppTrigger t;
    r.children(node, t.extra, [&](N c) { return is(c, "App") && r.wrapped(c, "Id", t.appId); });
    return t;
}

DomainNameInformation readDomain(Reader& r, N node) {
    DomainNameInformation d;
    r.children(node, d.extra, [&](N c) {
        if (is(c, "DomainName")) return r.str(c, d.domainName);
        if (is(c, "DnsServers")) return r.str(c, d.dnsServers);
        if (is(c, "WebProxyServers")) return r.str(c, d.webProxyServers);
        if (is(c, "AutoTrigger")) return r.flag(c, d.autoTrigger);
        if (is(c, "Persistent")) return r.flag(c, d.persistent);
        return false;
    });
    return d;
}

TrafficFilter readFilter(Reader& r, N node) {
    TrafficFilter f;
    r.children(node, f.extra, [&](N c) {
        if (is(c, "App")) return r.wrapped(c, "Id", f.appId);
        if (is(c, "Claims")) return r.str(c, f.claims);
        if (is(c, "Protocol")) return r.uint(c, f.protocol);
        if (is(c, "LocalPortRanges")) return r.str(c, f.localPortRanges);
        if (is(c, "RemotePortRanges")) return r.str(c, f.remotePortRanges);
        if (is(c, "LocalAddressRanges")) return r.str(c, f.localAddressRanges);
        if (is(c, "RemoteAddressRanges")) return r.str(c, f.remoteAddressRanges);
        if (is(c, "RoutingPolicyType")) return r.known(c, f.routingPolicyType);
        if (is(c, "Direction")) return r.known(c, f.direction);
        return false;
    });
    return f;
}

NativeProfile readNative(Reader& r, N node) {
    NativeProfile p;
    r.children(node, p.extra, [&](N c) {
        if (is(c, "Servers")) return readServers(r, c, p);
        if (is(c, "RoutingPolicyType")) return r.known(c, p.routingPolicyType);
        if (is(c, "NativeProtocolType")) return r.known(c, p.nativeProtocolType);
        if (is(c, "L2tpPsk")) return r.str(c, p.l2tpPsk);
        if (is(c, "DisableClassBasedDefaultRoute"))
            return r.flag(c, p.disableClassBasedDefaultRoute);
        if (is(c, "PlumbIKEv2TSAsRoutes")) return r.flag(c, p.plumbIkev2TsAsRoutes);
        if (is(c, "CryptographySuite") && r.claim(c, p.cryptographySuite.has_value()))
            return (p.cryptographySuite = readCrypto(r, c), true);
        if (is(c, "Authentication") && r.claim(c, p.authentication.has_value()))
            return (p.authentication = readAuthentication(r, c), true);
        if (is(c, "ProtocolList") && r.claim(c, p.protocolList.has_value()))
            return (p.protocolList = readProtocolList(r, c), true);
        return false;
    });
    return p;
}

Route readRoute(Reader& r, N node) {
    Route route;
    r.children(node, route.extra, [&](N c) {
        if (is(c, "Address")) return r.str(c, route.address);
        if (is(c, "PrefixSize")) return r.uint(c, route.prefixSize);
        if (is(c, "ExclusionRoute")) return r.flag(c, route.exclusionRoute);
        if (is(c, "Metric")) return r.uint(c, route.metric);
        return false;
    });
    return route;
}

} // namespace aovpn
