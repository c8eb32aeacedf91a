// EapHostConfig -> typed EapConfig, namespace-aware (any prefixes). The typed reading is
// accepted only if writing it back gives the same element tree; otherwise the block is kept
// verbatim, so no setting this model does not hold can be lost.
#include "element_reader.hpp"
#include "xml_emit.hpp"

#include <fmt/format.h>

namespace aovpn {
void writeEap(xml::Emitter& out, pugi::xml_node configuration, const EapConfig& eap);

namespace {
using N = pugi::xml_node;
namespace ns = eapns;

N find(N parent, std::string_view nsUri, std::string_view local) {
    for (N c : parent.children())
        if (xml::is(c, nsUri, local)) return c;
    return {};
}

std::optional<bool> flagOf(N n) {
    return n ? xml::parseBool(xml::textOf(n)) : std::nullopt;
}
std::optional<std::string> textIn(N n) {
    return n ? std::optional<std::string>(xml::textOf(n)) : std::nullopt;
}
std::optional<bool> enabledAttr(N n) {
    pugi::xml_attribute a = n.attribute("Enabled");
    return a ? xml::parseBool(a.value()) : std::nullopt;
}

ServerValidation readServerValidation(N n, std::string_view nsUri) {
    ServerValidation v;
    v.disableUserPromptForServerValidation =
        flagOf(find(n, nsUri, "DisableUserPromptForServerValidation"));
    v.serverNames = textIn(find(n, nsUri, "ServerNames"));
    for (N c : n.children())
        if (xml::is(c, nsUri, "TrustedRootCA")) v.trustedRootCAs.push_back(xml::textOf(c));
    return v;
}

EkuNameList readEkuList(N n) {
    EkuNameList l;
    l.enabled = enabledAttr(n);
    for (N in : n.children())
        if (xml::is(in, ns::kTlsV3, "EKUMapInList"))
            l.ekuNames.push_back(xml::textOf(find(in, ns::kTlsV3, "EKUName")));
    return l;
}

CertFilter readCertFilter(N info) {
    CertFilter f;
    f.allPurposeEnabled = flagOf(find(info, ns::kTlsV3, "AllPurposeEnabled"));
    if (N ca = find(info, ns::kTlsV3, "CAHashList")) {
        f.caHashList = CaHashList{enabledAttr(ca), {}};
        for (N h : ca.children())
            if (xml::is(h, ns::kTlsV3, "IssuerHash"))
                f.caHashList->issuerHashes.push_back(xml::textOf(h));
    }
    for (N m : find(info, ns::kTlsV3, "EKUMapping").children())
        if (xml::is(m, ns::kTlsV3, "EKUMap"))
            f.ekuMapping.push_back({xml::textOf(find(m, ns::kTlsV3, "EKUName")),
                                    xml::textOf(find(m, ns::kTlsV3, "EKUOID"))});
    if (N l = find(info, ns::kTlsV3, "ClientAuthEKUList")) f.clientAuthEkuList = readEkuList(l);
    if (N l = find(info, ns::kTlsV3, "AnyPurposeEKUList")) f.anyPurposeEkuList = readEkuList(l);
    return f;
}

EapTlsSettings readTls(N t) {
    EapTlsSettings s;
    N store = find(find(t, ns::kTlsV1, "CredentialsSource"), ns::kTlsV1, "CertificateStore");
    s.simpleCertSelection = flagOf(find(store, ns::kTlsV1, "SimpleCertSelection"));
    if (N v = find(t, ns::kTlsV1, "ServerValidation"))
        s.serverValidation = readServerValidation(v, ns::kTlsV1);
    s.differentUsername = flagOf(find(t, ns::kTlsV1, "DifferentUsername"));
    s.performServerValidation = flagOf(find(t, ns::kTlsV2, "PerformServerValidation"));
    s.acceptServerName = flagOf(find(t, ns::kTlsV2, "AcceptServerName"));
    if (N info = find(find(t, ns::kTlsV2, "TLSExtensions"), ns::kTlsV3, "FilteringInfo"))
        s.certFilter = readCertFilter(info);
    return s;
}

// <Eap xmlns=BaseV1><Type>n</Type><EapType .../></Eap>: the EapType when Type == n.
N eapTypeOf(N eap, int type, std::string_view typeNs) {
    N t = find(eap, ns::kBaseV1, "Type");
    if (!t || xml::parseUint(xml::textOf(t)) != static_cast<std::uint32_t>(type)) return {};
    return find(eap, typeNs, "EapType");
}

std::optional<EapConfig> readTyped(N host) {
    EapConfig c;
    N eap = find(find(host, ns::kHostConfig, "Config"), ns::kBaseV1, "Eap");
    if (N tls = eapTypeOf(eap, kEapTypeTls, ns::kTlsV1)) {
        c.kind = EapKind::Tls;
        c.tls = readTls(tls);
        return c;
    }
    N peap = eapTypeOf(eap, kEapTypePeap, ns::kPeapV1);
    N inner = eapTypeOf(find(peap, ns::kBaseV1, "Eap"), kEapTypeTls, ns::kTlsV1);
    if (!inner) return std::nullopt;
    c.kind = EapKind::PeapTls;
    c.tls = readTls(inner);
    PeapSettings& p = c.peap;
    if (N v = find(peap, ns::kPeapV1, "ServerValidation"))
        p.serverValidation = readServerValidation(v, ns::kPeapV1);
    p.fastReconnect = flagOf(find(peap, ns::kPeapV1, "FastReconnect"));
    p.innerEapOptional = flagOf(find(peap, ns::kPeapV1, "InnerEapOptional"));
    p.enableQuarantineChecks = flagOf(find(peap, ns::kPeapV1, "EnableQuarantineChecks"));
    p.requireCryptoBinding = flagOf(find(peap, ns::kPeapV1, "RequireCryptoBinding"));
    N ext = find(peap, ns::kPeapV1, "PeapExtensions");
    p.peapExtensions = static_cast<bool>(ext);
    p.performServerValidation = flagOf(find(ext, ns::kPeapV2, "PerformServerValidation"));
    p.acceptServerName = flagOf(find(ext, ns::kPeapV2, "AcceptServerName"));
    return c;
}

// Does writing `typed` back give the same tree as `host`?
bool reproduces(N host, const EapConfig& typed) {
    std::vector<XmlDiagnostic> ignored;
    xml::Emitter out(ignored);
    pugi::xml_document doc;
    N config = doc.append_child("Configuration");
    writeEap(out, config, typed);
    return ignored.empty() && xml::canonicalForm(config.first_child()) == xml::canonicalForm(host);
}

std::string_view eapMethodName(std::string_view type) {
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"13", "EAP-TLS"}, {"25", "PEAP"},    {"21", "EAP-TTLS"}, {"26", "EAP-MSCHAPv2"},
        {"18", "EAP-SIM"}, {"23", "EAP-AKA"}, {"50", "EAP-AKA'"}, {"43", "EAP-FAST"},
        {"55", "TEAP"},    {"4", "EAP-MD5"},  {"6", "EAP-GTC"},
    };
    for (const auto& [id, name] : kNames)
        if (id == type) return name;
    return {};
}

// The EAP method types along the EapHostConfig, outermost first (PEAP 25 -> inner 26).
std::vector<std::string> methodTypes(N host) {
    std::vector<std::string> types;
    struct Walker : pugi::xml_tree_walker {
        std::vector<std::string>* out;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_element && xml::localName(n) == "Type" &&
                xml::namespaceUri(n) == ns::kBaseV1)
                out->push_back(xml::trimmedText(n));
            return out->size() < 4;
        }
    } w;
    w.out = &types;
    host.traverse(w);
    if (types.empty()) // no Config: the EapMethod/Type says what it is
        if (N t = find(find(host, ns::kHostConfig, "EapMethod"), ns::kCommon, "Type"))
            types.push_back(xml::trimmedText(t));
    return types;
}

// "PEAP with EAP-MSCHAPv2 (password sign-in)", "EAP-TLS with settings beyond those this tool
// edits", "EAP method 98": what helpdesk staff need to know about a kept block.
std::string describeEapMethod(N host) {
    if (!xml::is(host, ns::kHostConfig, "EapHostConfig"))
        return "not an EapHostConfig block (it holds other XML)";
    const std::vector<std::string> types = methodTypes(host);
    if (types.empty()) return "an EapHostConfig without an EAP method type";
    auto name = [](const std::string& t) {
        const std::string_view n = eapMethodName(t);
        return n.empty() ? fmt::format("EAP method {}", t) : std::string(n);
    };
    std::string out = name(types[0]);
    if (types.size() > 1) out += " with " + name(types[1]);
    if (types.back() == "26") out += " (password sign-in)";
    if (types.back() == "13") out += ", with settings beyond those this tool edits";
    return out;
}

bool isEscapedHostConfig(N configuration) {
    if (xml::elementCount(configuration) != 0) return false;
    const std::string text = xml::trimmedText(configuration);
    return text.starts_with("<") && text.find("EapHostConfig") != std::string::npos;
}

} // namespace

EapConfig readEapConfiguration(xml::Reader& r, pugi::xml_node configuration) {
    EapConfig c;
    if (xml::elementCount(configuration) == 0 && !xml::hasSignificantText(configuration)) {
        c.kind = EapKind::Empty;
        return c;
    }
    N host = configuration.find_child([](N n) { return n.type() == pugi::node_element; });
    if (xml::elementCount(configuration) == 1 && !xml::hasSignificantText(configuration) &&
        xml::is(host, ns::kHostConfig, "EapHostConfig")) {
        if (auto typed = readTyped(host); typed && reproduces(host, *typed)) return *typed;
    }
    c.kind = EapKind::Opaque;
    c.opaqueXml = xml::rawContent(configuration);
    if (isEscapedHostConfig(configuration))
        r.note(configuration, "eap.escaped",
               "the EAP configuration is an escaped EapHostConfig string (text, not XML "
               "elements), so Windows finds no EAP settings in it.",
               "Unescape it (aovpn normalize --fix does), or paste the EapHostConfig XML itself.");
    else
        r.note(configuration, "eap.kept",
               fmt::format("the EAP configuration is {}; this tool keeps it exactly as it is but "
                           "does not edit it.",
                           describeEapMethod(host)));
    return c;
}

} // namespace aovpn
