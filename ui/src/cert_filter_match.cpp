// What the EAP-TLS certificate filter admits from the store, and what would narrow it to the
// picked certificate (ui/certificates.hpp).
#include "platform/cert_filter.hpp"
#include "ui/certificates.hpp"
#include "ui/document.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace aovpn::ui {

namespace {

const std::string kFilterField = "NativeProfile/Authentication/Eap/FilteringInfo";

bool sameHex(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) ==
                      std::toupper(static_cast<unsigned char>(y));
           });
}

bool hasOid(const platform::CertificateInfo& c, std::string_view oid) {
    return std::find(c.ekuOids.begin(), c.ekuOids.end(), oid) != c.ekuOids.end();
}

std::string oidOf(const CertFilter& f, const std::string& name) {
    for (const EkuMap& m : f.ekuMapping)
        if (m.name == name) return m.oid;
    return {};
}

// Names Windows shows for EKUs a client certificate may carry besides Client Authentication.
std::string ekuName(const std::string& oid) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> known{{
        {"1.3.6.1.4.1.311.20.2.2", "Smart Card Logon"},
        {"1.3.6.1.5.5.7.3.1", "Server Authentication"},
        {"1.3.6.1.5.5.7.3.4", "Secure Email"},
        {"1.3.6.1.5.5.7.3.3", "Code Signing"},
        {"1.3.6.1.5.5.7.3.7", "IP security user"},
        {"1.3.6.1.5.5.8.2.2", "IP security IKE intermediate"},
        {"1.3.6.1.4.1.311.10.3.4", "Encrypting File System"},
        {"1.3.6.1.4.1.311.10.3.12", "Document Signing"},
    }};
    for (const auto& [o, name] : known)
        if (o == oid) return std::string(name);
    return "EKU " + oid;
}

const CertFilter* profileFilter(const AppState& state) {
    auto& p = const_cast<Profile&>(state.doc.profile); // eapTls() is not const; nothing changes
    const EapTlsSettings* tls = eapTls(p);
    return tls && tls->certFilter ? &*tls->certFilter : nullptr;
}

const platform::CertificateInfo* picked(const AppState& state) {
    const int i = state.certs.picked;
    if (i < 0 || i >= static_cast<int>(state.certs.certs.size())) return nullptr;
    return &state.certs.certs[static_cast<std::size_t>(i)];
}

} // namespace

bool filterAdmits(const CertFilter& f, const platform::CertificateInfo& cert) {
    if (f.caHashList && f.caHashList->enabled.value_or(false) &&
        !f.caHashList->issuerHashes.empty()) {
        bool inChain = false;
        for (const auto& h : f.caHashList->issuerHashes) {
            inChain |= sameHex(h, cert.issuingCaThumbprint) || sameHex(h, cert.rootThumbprint);
            for (std::size_t k = 1; k < cert.chainThumbprints.size(); ++k) // [0] is the leaf
                inChain |= sameHex(h, cert.chainThumbprints[k]);
        }
        if (!inChain) return false;
    }
    if (!cert.hasEkuExtension) return f.allPurposeEnabled.value_or(false);
    if (f.clientAuthEkuList && f.clientAuthEkuList->enabled.value_or(false) &&
        !f.clientAuthEkuList->ekuNames.empty()) {
        bool any = false;
        for (const auto& name : f.clientAuthEkuList->ekuNames)
            any |= hasOid(cert, oidOf(f, name));
        if (!any) return false;
    }
    return true;
}

std::vector<int> admittedCertificates(const AppState& state, std::chrono::sys_seconds now) {
    std::vector<int> out;
    const CertFilter* f = profileFilter(state);
    if (!f) return out;
    for (std::size_t i = 0; i < state.certs.certs.size(); ++i) {
        const auto& c = state.certs.certs[i];
        if (unusableReason(c, now).empty() && filterAdmits(*f, c))
            out.push_back(static_cast<int>(i));
    }
    return out;
}

std::vector<Issue> storeFindings(const AppState& state, std::chrono::sys_seconds now) {
    std::vector<Issue> out;
    const auto admitted = admittedCertificates(state, now);
    if (admitted.size() < 2) return out;
    Issue i;
    i.severity = Severity::Warning;
    i.rule = "store.filter-matches-several";
    i.field = kFilterField;
    i.message = "The certificate filter matches " + std::to_string(admitted.size()) +
                " usable certificates in the store: Windows may ask which, or pick another "
                "(13801 when it is the wrong one).";
    i.hint = "Narrow the filter under the certificate table, or remove the extra certificates.";
    out.push_back(std::move(i));
    return out;
}

std::vector<Narrowing> narrowings(const AppState& state, std::chrono::sys_seconds now) {
    std::vector<Narrowing> out;
    const CertFilter* f = profileFilter(state);
    const platform::CertificateInfo* mine = picked(state);
    if (!f || !mine) return out;
    std::vector<const platform::CertificateInfo*> others;
    for (int i : admittedCertificates(state, now))
        if (i != state.certs.picked)
            others.push_back(&state.certs.certs[static_cast<std::size_t>(i)]);
    if (others.empty()) return out;
    // An EKU only the pick has: the filter lists that one (a single listed EKU narrows whether
    // Windows wants one or all of the listed ones).
    for (const auto& oid : mine->ekuOids) {
        if (oid == platform::kClientAuthOid) continue;
        if (std::any_of(others.begin(), others.end(),
                        [&](const auto* c) { return hasOid(*c, oid); }))
            continue;
        Narrowing n;
        n.label = "Filter on " + ekuName(oid);
        n.why = "The picked certificate has " + ekuName(oid) + " (" + oid + "); the " +
                std::to_string(others.size()) +
                " other matching certificate(s) do not. ClientAuthEKUList then names only it.";
        n.filter = *f;
        n.filter.ekuMapping = {EkuMap{ekuName(oid), oid}};
        n.filter.clientAuthEkuList = EkuNameList{true, {ekuName(oid)}};
        out.push_back(std::move(n));
    }
    // The filter names the root: its issuing CA leaves out certificates of sibling CAs.
    const bool namesRoot =
        f->caHashList && !mine->rootThumbprint.empty() &&
        std::any_of(f->caHashList->issuerHashes.begin(), f->caHashList->issuerHashes.end(),
                    [&](const auto& h) { return sameHex(h, mine->rootThumbprint); });
    const bool othersElsewhere = std::any_of(others.begin(), others.end(), [&](const auto* c) {
        return !sameHex(c->issuingCaThumbprint, mine->issuingCaThumbprint);
    });
    if (namesRoot && othersElsewhere && !mine->issuingCaThumbprint.empty() &&
        !sameHex(mine->issuingCaThumbprint, mine->rootThumbprint)) {
        Narrowing n;
        n.label = "Filter on its issuing CA";
        n.why =
            "IssuerHash names the root, which every CA under it shares: " + mine->issuerCommonName +
            " (" + mine->issuingCaThumbprint +
            ") instead leaves out certificates from the root's other CAs.";
        n.filter = *f;
        n.filter.caHashList = CaHashList{true, {mine->issuingCaThumbprint}};
        out.push_back(std::move(n));
    }
    return out;
}

void applyNarrowing(AppState& state, const Narrowing& n) {
    EapTlsSettings* tls = eapTls(state.doc.profile);
    if (!tls) return;
    tls->certFilter = n.filter;
    markEdited(state, {});
    appendLog(state.view, LogLevel::Info, "Certificate filter narrowed: " + n.why);
}

void sortForPicking(std::vector<platform::CertificateInfo>& certs, std::chrono::sys_seconds now) {
    std::stable_sort(certs.begin(), certs.end(), [now](const auto& a, const auto& b) {
        const bool ua = unusableReason(a, now).empty(), ub = unusableReason(b, now).empty();
        if (ua != ub) return ua;
        return a.validTo > b.validTo;
    });
}

} // namespace aovpn::ui
