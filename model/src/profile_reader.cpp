// ProfileXML text -> Profile. Tolerant of what people paste (BOM, UTF-16, CRLF, declaration,
// comments, any order); strict about telling them where the text is broken.
#include "model/profile_xml.hpp"

#include "parse_errors.hpp"
#include "profile_reader_parts.hpp"

#include <cstring>

namespace aovpn {
namespace {
using xml::Reader;
using N = pugi::xml_node;

constexpr auto is = isElement;

template <typename T, typename F> bool part(Reader& r, N c, std::optional<T>& slot, F read) {
    if (!r.claim(c, slot.has_value())) return false;
    slot = read(r, c);
    return true;
}

bool readScalar(Reader& r, N c, Profile& p) {
    if (is(c, "ProfileName")) return r.str(c, p.profileName);
    if (is(c, "EdpModeId")) return r.str(c, p.edpModeId);
    if (is(c, "RememberCredentials")) return r.flag(c, p.rememberCredentials);
    if (is(c, "AlwaysOn")) return r.flag(c, p.alwaysOn);
    if (is(c, "DnsSuffix")) return r.str(c, p.dnsSuffix);
    if (is(c, "TrustedNetworkDetection")) return r.str(c, p.trustedNetworkDetection);
    if (is(c, "DisableAdvancedOptionsEditButton"))
        return r.flag(c, p.disableAdvancedOptionsEditButton);
    if (is(c, "DisableDisconnectButton")) return r.flag(c, p.disableDisconnectButton);
    if (is(c, "LockDown")) return r.flag(c, p.lockDown);
    if (is(c, "DeviceTunnel")) return r.flag(c, p.deviceTunnel);
    if (is(c, "RegisterDNS")) return r.flag(c, p.registerDns);
    if (is(c, "ByPassForLocal")) return r.flag(c, p.byPassForLocal);
    if (is(c, "RequireVpnClientAppUI")) return r.flag(c, p.requireVpnClientAppUi);
    if (is(c, "DataEncryption")) return r.known(c, p.dataEncryption);
    if (is(c, "DisableIKEv2Fragmentation")) return r.flag(c, p.disableIkev2Fragmentation);
    if (is(c, "IPv4InterfaceMetric")) return r.uint(c, p.ipv4InterfaceMetric);
    if (is(c, "IPv6InterfaceMetric")) return r.uint(c, p.ipv6InterfaceMetric);
    if (is(c, "NetworkOutageTime")) return r.uint(c, p.networkOutageTime);
    if (is(c, "PrivateNetwork")) return r.flag(c, p.privateNetwork);
    if (is(c, "UseRasCredentials")) return r.flag(c, p.useRasCredentials);
    if (is(c, "AlwaysOnActive")) return r.flag(c, p.alwaysOnActive);
    return false;
}

bool readPart(Reader& r, N c, Profile& p) {
    // The elements that repeat thousands of times first: each child tries names in turn.
    if (is(c, "Route")) return (p.routes.push_back(readRoute(r, c)), true);
    if (is(c, "TrafficFilter")) return (p.trafficFilters.push_back(readFilter(r, c)), true);
    if (is(c, "Proxy")) return part(r, c, p.proxy, readProxy);
    if (is(c, "DeviceCompliance")) return part(r, c, p.deviceCompliance, readDeviceCompliance);
    if (is(c, "PluginProfile")) return part(r, c, p.pluginProfile, readPlugin);
    if (is(c, "NativeProfile")) return part(r, c, p.nativeProfile, readNative);
    if (is(c, "APNBinding"))
        return part(r, c, p.apnBinding, [](Reader&, N n) { return xml::rawElement(n); });
    if (is(c, "AppTrigger")) return (p.appTriggers.push_back(readAppTrigger(r, c)), true);
    if (is(c, "DomainNameInformation"))
        return (p.domainNameInformation.push_back(readDomain(r, c)), true);
    return false;
}

void readRoot(Reader& r, N root, Profile& p) {
    if (root.first_attribute()) r.warn(root, "attributes on <VPNProfile> are ignored.");
    r.children(root, p.extra, [&](N c) { return readPart(r, c, p) || readScalar(r, c, p); });
    for (N extra = root.next_sibling(); extra; extra = extra.next_sibling())
        if (extra.type() == pugi::node_element)
            r.warn(extra, "only one <VPNProfile> is read; this element after it is ignored.");
}

} // namespace

ReadResult readProfileXml(std::string_view input) {
    ReadResult result;
    const std::string text = xml::toUtf8WithoutBom(input);
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(text.data(), text.size(), xml::kParseOptions, pugi::encoding_utf8);
    if (!parsed) {
        result.errors.push_back(xml::describeParseError(text, parsed));
        return result;
    }
    xml::checkAmpersands(text, result.warnings);
    Reader r(text, result);
    if (!r.prepare(doc)) return result;
    N root = doc.document_element();
    if (!root || std::string_view(root.name()) != "VPNProfile") {
        result.errors.push_back(xml::missingRoot(text, root));
        return result;
    }
    readRoot(r, root, result.profile);
    r.finish();
    return result;
}

} // namespace aovpn
