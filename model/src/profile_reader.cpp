// ProfileXML text -> Profile. Tolerant of what people paste (BOM, UTF-16, CRLF, declaration,
// comments, any order); strict about telling them where the text is broken.
#include "model/profile_xml.hpp"

#include "parse_errors.hpp"
#include "profile_reader_parts.hpp"
#include "structure_check.hpp"
#include "text_decode.hpp"

#include <fmt/format.h>

#include <cstring>

namespace aovpn {
namespace {
using xml::Reader;
using N = pugi::xml_node;
using xml::KeptReason;

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

// A list item: any number of them, but attributes make it one this tool cannot reproduce.
template <typename T, typename F> bool item(Reader& r, N c, std::vector<T>& list, F read) {
    if (!r.claim(c, false)) return false;
    list.push_back(read(r, c));
    return true;
}

// <DomainNameInformationList>, the CSP's node name, written as an element (Microsoft's own
// VPNv2 CSP sample does): read what it means, NRPT rules, and say Windows refuses it as written.
bool readDomainList(Reader& r, N c, Profile& p) {
    if (!r.claim(c, false)) return false;
    KeptReason why = xml::classifyUnknown("VPNProfile", c.name());
    r.note(c, why.rule, why.sentence + " It is read as NRPT rules and written that way.",
           std::move(why.hint),
           fmt::format("DomainNameInformation[{}]", p.domainNameInformation.size()));
    bool wrapped = false;
    for (N rule = c.child("DomainNameInformation"); rule;
         rule = rule.next_sibling("DomainNameInformation")) {
        wrapped = true;
        item(r, rule, p.domainNameInformation, readDomain);
    }
    if (!wrapped) c.set_name("DomainNameInformation"); // its children: DomainName, DNSServers...
    if (!wrapped) p.domainNameInformation.push_back(readDomain(r, c));
    return true;
}

bool readPart(Reader& r, N c, Profile& p) {
    // The elements that repeat thousands of times first: each child tries names in turn.
    if (is(c, "Route")) return item(r, c, p.routes, readRoute);
    if (is(c, "TrafficFilter")) return item(r, c, p.trafficFilters, readFilter);
    if (is(c, "Proxy")) return part(r, c, p.proxy, readProxy);
    if (is(c, "DeviceCompliance")) return part(r, c, p.deviceCompliance, readDeviceCompliance);
    if (is(c, "PluginProfile")) return part(r, c, p.pluginProfile, readPlugin);
    if (is(c, "NativeProfile")) return part(r, c, p.nativeProfile, readNative);
    if (is(c, "APNBinding")) return part(r, c, p.apnBinding, readApnBinding);
    if (is(c, "AppTrigger")) return item(r, c, p.appTriggers, readAppTrigger);
    if (is(c, "DomainNameInformation")) return item(r, c, p.domainNameInformation, readDomain);
    if (is(c, "DomainNameInformationList")) return readDomainList(r, c, p);
    return false;
}

void readRoot(Reader& r, N root, Profile& p) {
    if (xml::hasForeignAttributes(root))
        r.note(root, "xml.root-attributes", "attributes on <VPNProfile> are ignored.");
    r.children(root, p.extra, [&](N c) { return readPart(r, c, p) || readScalar(r, c, p); });
    for (N extra = root.next_sibling(); extra; extra = extra.next_sibling())
        if (extra.type() == pugi::node_element)
            r.note(extra, "xml.second-root",
                   "only one <VPNProfile> is read; this element after it is ignored.");
}

} // namespace

ReadResult readProfileXml(std::string_view input) {
    ReadResult result;
    xml::DecodedText decoded = xml::decodeInput(input);
    result.source = std::move(decoded.text);
    if (decoded.error) {
        result.errors.push_back(std::move(*decoded.error));
        return result;
    }
    result.warnings = std::move(decoded.notes);
    const std::string& text = result.source;
    if (!xml::checkAmpersands(text, result.warnings, result.errors)) return result;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(text.data(), text.size(), xml::kParseOptions, pugi::encoding_utf8);
    if (!parsed) {
        result.errors.push_back(xml::describeParseError(text, parsed));
        return result;
    }
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
