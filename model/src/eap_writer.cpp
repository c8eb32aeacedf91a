// EapConfig -> EapHostConfig XML, in the shape Windows itself exports (Get-EapConfiguration):
// the same namespaces, declared where Windows declares them, children in schema order.
#include "model/eap.hpp"

#include "xml_emit.hpp"

namespace aovpn {
namespace {
using xml::child;
using xml::Emitter;
namespace ns = eapns;

void writeServerValidation(Emitter& out, pugi::xml_node parent, const ServerValidation& v) {
    pugi::xml_node n = child(parent, "ServerValidation");
    out.opt(n, "DisableUserPromptForServerValidation", v.disableUserPromptForServerValidation);
    out.opt(n, "ServerNames", v.serverNames);
    for (const auto& ca : v.trustedRootCAs)
        out.text(n, "TrustedRootCA", ca);
}

void writeEkuList(Emitter& out, pugi::xml_node parent, const char* name, const EkuNameList& l) {
    pugi::xml_node n = child(parent, name);
    if (l.enabled) n.append_attribute("Enabled").set_value(xml::boolText(*l.enabled));
    for (const auto& eku : l.ekuNames)
        out.text(child(n, "EKUMapInList"), "EKUName", eku);
}

void writeCertFilter(Emitter& out, pugi::xml_node parent, const CertFilter& f) {
    pugi::xml_node n =
        child(child(parent, "TLSExtensions", ns::kTlsV2), "FilteringInfo", ns::kTlsV3);
    out.opt(n, "AllPurposeEnabled", f.allPurposeEnabled);
    if (f.caHashList) {
        pugi::xml_node c = child(n, "CAHashList");
        if (f.caHashList->enabled)
            c.append_attribute("Enabled").set_value(xml::boolText(*f.caHashList->enabled));
        for (const auto& h : f.caHashList->issuerHashes)
            out.text(c, "IssuerHash", h);
    }
    if (!f.ekuMapping.empty()) {
        pugi::xml_node m = child(n, "EKUMapping");
        for (const auto& e : f.ekuMapping) {
            pugi::xml_node map = child(m, "EKUMap");
            out.text(map, "EKUName", e.name);
            out.text(map, "EKUOID", e.oid);
        }
    }
    if (f.clientAuthEkuList) writeEkuList(out, n, "ClientAuthEKUList", *f.clientAuthEkuList);
    if (f.anyPurposeEkuList) writeEkuList(out, n, "AnyPurposeEKUList", *f.anyPurposeEkuList);
}

// <Eap xmlns=BaseV1><Type>13</Type><EapType xmlns=TlsV1>...</EapType></Eap>
void writeTlsEap(Emitter& out, pugi::xml_node parent, const EapTlsSettings& t) {
    pugi::xml_node eap = child(parent, "Eap", ns::kBaseV1);
    out.text(eap, "Type", std::to_string(kEapTypeTls));
    pugi::xml_node n = child(eap, "EapType", ns::kTlsV1);
    if (t.simpleCertSelection)
        out.text(child(child(n, "CredentialsSource"), "CertificateStore"), "SimpleCertSelection",
                 xml::boolText(*t.simpleCertSelection));
    if (t.serverValidation) writeServerValidation(out, n, *t.serverValidation);
    out.opt(n, "DifferentUsername", t.differentUsername);
    if (t.performServerValidation)
        child(n, "PerformServerValidation", ns::kTlsV2)
            .text()
            .set(xml::boolText(*t.performServerValidation));
    if (t.acceptServerName)
        child(n, "AcceptServerName", ns::kTlsV2).text().set(xml::boolText(*t.acceptServerName));
    if (t.certFilter) writeCertFilter(out, n, *t.certFilter);
}

void writePeapEap(Emitter& out, pugi::xml_node parent, const EapConfig& c) {
    const PeapSettings& p = c.peap;
    pugi::xml_node eap = child(parent, "Eap", ns::kBaseV1);
    out.text(eap, "Type", std::to_string(kEapTypePeap));
    pugi::xml_node n = child(eap, "EapType", ns::kPeapV1);
    if (p.serverValidation) writeServerValidation(out, n, *p.serverValidation);
    out.opt(n, "FastReconnect", p.fastReconnect);
    out.opt(n, "InnerEapOptional", p.innerEapOptional);
    writeTlsEap(out, n, c.tls);
    out.opt(n, "EnableQuarantineChecks", p.enableQuarantineChecks);
    out.opt(n, "RequireCryptoBinding", p.requireCryptoBinding);
    if (!p.peapExtensions) return;
    pugi::xml_node x = child(n, "PeapExtensions");
    if (p.performServerValidation)
        child(x, "PerformServerValidation", ns::kPeapV2)
            .text()
            .set(xml::boolText(*p.performServerValidation));
    if (p.acceptServerName)
        child(x, "AcceptServerName", ns::kPeapV2).text().set(xml::boolText(*p.acceptServerName));
}

void writeHostConfig(Emitter& out, pugi::xml_node configuration, const EapConfig& c) {
    const int type = c.kind == EapKind::PeapTls ? kEapTypePeap : kEapTypeTls;
    pugi::xml_node host = child(configuration, "EapHostConfig", ns::kHostConfig);
    pugi::xml_node method = child(host, "EapMethod");
    child(method, "Type", ns::kCommon).text().set(type);
    child(method, "VendorId", ns::kCommon).text().set(0);
    child(method, "VendorType", ns::kCommon).text().set(0);
    child(method, "AuthorId", ns::kCommon).text().set(0);
    pugi::xml_node config = host.append_child("Config");
    config.append_attribute("xmlns").set_value(std::string(ns::kHostConfig).c_str());
    if (c.kind == EapKind::PeapTls)
        writePeapEap(out, config, c);
    else
        writeTlsEap(out, config, c.tls);
}

} // namespace

void writeEap(Emitter& out, pugi::xml_node configuration, const EapConfig& eap) {
    switch (eap.kind) {
    case EapKind::Empty:
        return;
    case EapKind::Opaque:
        out.raw(configuration, eap.opaqueXml);
        return;
    case EapKind::Tls:
    case EapKind::PeapTls:
        writeHostConfig(out, configuration, eap);
        return;
    }
}

} // namespace aovpn
