#include "ui/certificates.hpp"

#include "model/net.hpp"
#include "model/utf8_path.hpp"
#include "platform/cert_filter.hpp"
#include "ui/dialogs.hpp"
#include "ui/document.hpp"
#include "ui/tasks.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>

namespace aovpn::ui {

namespace {

std::chrono::sys_seconds nowSeconds() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}
} // namespace

EapTlsSettings* eapTls(Profile& p) {
    if (!p.nativeProfile || !p.nativeProfile->authentication) return nullptr;
    auto& eap = p.nativeProfile->authentication->eap;
    if (!eap || (eap->kind != EapKind::Tls && eap->kind != EapKind::PeapTls)) return nullptr;
    return &eap->tls;
}

std::optional<ServerValidation>* serverValidation(Profile& p) {
    if (!p.nativeProfile || !p.nativeProfile->authentication) return nullptr;
    auto& eap = p.nativeProfile->authentication->eap;
    if (!eap || (eap->kind != EapKind::Tls && eap->kind != EapKind::PeapTls)) return nullptr;
    // PEAP checks the server in its outer tunnel; plain EAP-TLS in the TLS block.
    return eap->kind == EapKind::PeapTls ? &eap->peap.serverValidation : &eap->tls.serverValidation;
}

namespace {
using Listed = platform::Result<std::vector<platform::CertificateInfo>>;

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

void rememberCaName(AppState& state, const std::string& thumbprint, const std::string& name) {
    if (!thumbprint.empty() && !name.empty()) state.certs.caNames[upper(thumbprint)] = name;
}

// On the UI thread: the read's result replaces the list; the pick follows its thumbprint.
void takeCertificates(AppState& state, Listed& listed, platform::StoreOwner owner) {
    CertificateView& v = state.certs;
    v.owner = std::move(owner);
    v.reading = false;
    v.loaded = true;
    v.picked = -1;
    v.certs.clear();
    v.loadError.clear();
    if (!listed) {
        v.loadError = listed.error().describe();
        appendLog(state.view, LogLevel::Error, v.loadError);
        return;
    }
    v.certs = std::move(listed.value());
    sortForPicking(v.certs, nowSeconds());
    for (const auto& c : v.certs) {
        rememberCaName(state, c.issuingCaThumbprint, c.issuerCommonName);
        rememberCaName(state, c.rootThumbprint, c.rootCommonName);
    }
    for (std::size_t i = 0; i < v.certs.size(); ++i)
        if (!v.pickedThumbprint.empty() && v.certs[i].thumbprint == v.pickedThumbprint)
            v.picked = static_cast<int>(i);
}
} // namespace

void loadCertificates(AppState& state) {
    if (!state.platform) {
        state.certs.loaded = true;
        state.certs.loadError = "No certificate store in this session.";
        return;
    }
    platform::Platform* p = state.platform;
    const bool started =
        state.reads->start("Reading the certificate store", [p](std::stop_token, TaskRunner&) {
            auto listed = std::make_shared<Listed>(p->certificates().listPersonal());
            // Whose store: the TARGET user's, also when an admin or SYSTEM reads it.
            platform::StoreOwner owner = p->certificates().storeOwner();
            return TaskRunner::Apply(
                [listed, owner](AppState& s) { takeCertificates(s, *listed, owner); });
        });
    if (started) state.certs.reading = true;
}

std::string unusableReason(const platform::CertificateInfo& c, std::chrono::sys_seconds now) {
    if (c.expiredAt(now)) return "expired";
    if (c.notYetValidAt(now)) return "not yet valid";
    if (!c.hasPrivateKey) return "no private key";
    if (c.hasEkuExtension && !c.clientAuth)
        return "no Client Auth EKU"; // short: the Status column fits it
    if (c.issuingCaThumbprint.empty()) return "issuing CA not found";
    return {};
}

void pickCertificate(AppState& state, int index) {
    if (index < 0 || index >= static_cast<int>(state.certs.certs.size())) return;
    const auto& cert = state.certs.certs[static_cast<std::size_t>(index)];
    if (const std::string why = unusableExplanation(cert, nowSeconds()); !why.empty()) {
        appendLog(state.view, LogLevel::Warning, why);
        state.view.status = why; // the click is answered where the user looks for it
        return;
    }
    EapTlsSettings* tls = eapTls(state.doc.profile);
    if (!tls) {
        appendLog(state.view, LogLevel::Warning,
                  "The profile has no EAP-TLS block to filter certificates in (device tunnels use "
                  "the machine certificate).");
        return;
    }
    state.certs.picked = index;
    state.certs.pickedThumbprint = cert.thumbprint;
    tls->certFilter = platform::certificateFilterFor(cert, tls->certFilter.value_or(CertFilter{}));
    markEdited(state, {});
    appendLog(state.view, LogLevel::Info, platform::describeFilterPick(cert));
    if (const auto n = admittedCertificates(state, nowSeconds()).size(); n > 1)
        appendLog(state.view, LogLevel::Warning,
                  "The filter matches " + std::to_string(n) +
                      " certificates in the store; Windows may ask the user to choose.");
}

namespace {
void setTrustedRoot(AppState& state, const std::string& thumbprint, const std::string& from) {
    auto* sv = serverValidation(state.doc.profile);
    if (!sv) {
        appendLog(state.view, LogLevel::Warning, "The profile has no EAP block to put a root in.");
        return;
    }
    (*sv ? **sv : sv->emplace()).trustedRootCAs = {thumbprint};
    markEdited(state, {});
    appendLog(state.view, LogLevel::Info, "Trusted root CA " + thumbprint + " from " + from + ".");
}
} // namespace

void trustPickedRoot(AppState& state) {
    const int i = state.certs.picked;
    if (i < 0 || i >= static_cast<int>(state.certs.certs.size())) return;
    const auto& cert = state.certs.certs[static_cast<std::size_t>(i)];
    if (cert.rootThumbprint.empty()) {
        appendLog(state.view, LogLevel::Warning, "The picked certificate's root CA is not known.");
        return;
    }
    setTrustedRoot(state, cert.rootThumbprint, "the picked certificate's chain");
}

void trustRootFile(AppState& state, const std::string& utf8Path) {
    if (!state.platform) return;
    auto read = state.platform->certificates().readCertificateFile(pathFromUtf8(utf8Path));
    if (!read) {
        reportError(state, "The certificate file could not be read", read.error());
        return;
    }
    rememberCaName(state, read.value().thumbprint, read.value().commonName);
    setTrustedRoot(state, read.value().thumbprint, utf8Path);
}

std::string caName(const AppState& state, const std::string& thumbprint) {
    const auto it = state.certs.caNames.find(upper(std::string(trimSpaces(thumbprint))));
    return it == state.certs.caNames.end() ? std::string() : it->second;
}

std::string unusableExplanation(const platform::CertificateInfo& c, std::chrono::sys_seconds now) {
    const std::string why = unusableReason(c, now);
    if (why.empty()) return {};
    const std::string name = "\"" + (c.commonName.empty() ? c.subject : c.commonName) + "\"";
    if (c.expiredAt(now))
        return name + " cannot be used: it expired on " + dateOf(c.validTo) +
               ". Renew it, or pick another.";
    if (c.notYetValidAt(now))
        return name + " cannot be used yet: it is valid from " + dateOf(c.validFrom) + ".";
    if (!c.hasPrivateKey)
        return name + " cannot be used: its private key is not in the store (import it as a " +
               "PFX with its key).";
    if (c.hasEkuExtension && !c.clientAuth)
        return name + " cannot be used: it is not issued for Client Authentication.";
    return name + " cannot be used: its issuing CA is not in the store, so no IssuerHash can " +
           "name it (import the CA certificate).";
}

std::string dateOf(std::chrono::sys_seconds t) {
    const auto ymd = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(t));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

} // namespace aovpn::ui
