// Authentication rules: method present, EAP block present, server validation, cert selection.
#include "model/net.hpp"

#include "quote.hpp"
#include "validate_internal.hpp"

#include <algorithm>

namespace aovpn::validation {
namespace {

const std::string kAuth = "NativeProfile/Authentication";
const std::string kEap = "NativeProfile/Authentication/Eap";

// The TLS settings that choose the client certificate, when the EAP block is typed.
const EapTlsSettings* tlsOf(const Authentication& a) {
    if (!a.eap || (a.eap->kind != EapKind::Tls && a.eap->kind != EapKind::PeapTls)) return nullptr;
    return &a.eap->tls;
}

// For PEAP the outer tunnel validates the server; for EAP-TLS the TLS block does.
struct ServerCheck {
    const std::optional<ServerValidation>* validation;
    std::optional<bool> perform;
};
ServerCheck serverCheckOf(const EapConfig& eap) {
    if (eap.kind == EapKind::PeapTls)
        return {&eap.peap.serverValidation, eap.peap.performServerValidation};
    return {&eap.tls.serverValidation, eap.tls.performServerValidation};
}

bool isSha1Hex(std::string_view text) {
    std::string digits;
    for (char c : text)
        if (c != ' ') digits += c;
    return digits.size() == 40 && std::all_of(digits.begin(), digits.end(), detail::isHexDigit);
}

void checkHashes(const std::vector<std::string>& hashes, const std::string& field, Sink& sink) {
    for (const std::string& h : hashes)
        if (!isSha1Hex(h))
            sink.add(
                "auth.hash-format", field,
                fmt::format("{} is not a SHA-1 thumbprint (40 hex digits).", detail::quoted(h)),
                "Copy the thumbprint from the certificate's details.");
}

void checkServerValidation(const EapConfig& eap, Sink& sink) {
    const ServerCheck sc = serverCheckOf(eap);
    if (sc.perform == false) {
        sink.add("auth.server-validation-off", kEap + "/PerformServerValidation",
                 "Server certificate validation is off, so the client trusts any server "
                 "that answers.",
                 "Turn validation on and set the trusted root CA and the server names.");
        return;
    }
    if (!*sc.validation) return;
    const ServerValidation& v = **sc.validation;
    if (trimSpaces(textOf(v.serverNames)).empty())
        sink.add("auth.no-server-names", kEap + "/ServerValidation/ServerNames",
                 "No server names are set, so any server with a certificate from the trusted "
                 "root is accepted.",
                 "Enter the NPS server names, separated by ';'.");
    checkHashes(v.trustedRootCAs, kEap + "/ServerValidation/TrustedRootCA", sink);
}

void checkCertificateFilter(const EapTlsSettings& tls, Sink& sink) {
    const CertFilter* f = tls.certFilter ? &*tls.certFilter : nullptr;
    const bool byIssuer = f && f->caHashList && !f->caHashList->issuerHashes.empty();
    const bool byEku = f && f->clientAuthEkuList && !f->clientAuthEkuList->ekuNames.empty();
    if (f && f->caHashList)
        checkHashes(f->caHashList->issuerHashes, kEap + "/FilteringInfo/IssuerHash", sink);
    if (!byIssuer && !byEku)
        sink.add("auth.no-cert-filter", kEap + "/FilteringInfo",
                 "No certificate filter is set, so Windows may pick the wrong certificate when "
                 "the user has several.",
                 "Pick the user's certificate to set the issuer hash of its CA.");
}

void checkMethods(const Authentication& a, Sink& sink) {
    if (!a.userMethod && !a.machineMethod) {
        sink.add("auth.missing", kAuth, "No authentication method is set.",
                 "Use EAP (EAP-TLS with the user's certificate) for a user tunnel.");
        return;
    }
    if (is(a.userMethod, UserMethod::MSChapv2))
        sink.add("auth.mschapv2", kAuth + "/UserMethod",
                 "MSChapv2 authenticates with a password, which is weaker than a certificate.",
                 "Use EAP-TLS with a user certificate.");
    const bool wantsEap =
        is(a.userMethod, UserMethod::Eap) || is(a.machineMethod, MachineMethod::Eap);
    if (wantsEap && (!a.eap || a.eap->kind == EapKind::Empty))
        sink.add("auth.eap-missing", kEap, "EAP is selected but the EAP configuration is empty.",
                 "Pick a certificate to generate an EAP-TLS configuration.");
}

} // namespace

void checkAuthentication(const Profile& profile, Sink& sink) {
    if (!profile.nativeProfile) return;
    const NativeProfile& np = *profile.nativeProfile;
    if (!np.authentication) {
        sink.add("auth.missing", kAuth, "No authentication method is set.",
                 "Use EAP (EAP-TLS with the user's certificate) for a user tunnel.");
        return;
    }
    checkMethods(*np.authentication, sink);
    if (np.authentication->eap && np.authentication->eap->kind != EapKind::Opaque &&
        np.authentication->eap->kind != EapKind::Empty)
        checkServerValidation(*np.authentication->eap, sink);
    if (const EapTlsSettings* tls = tlsOf(*np.authentication)) checkCertificateFilter(*tls, sink);
}

} // namespace aovpn::validation
