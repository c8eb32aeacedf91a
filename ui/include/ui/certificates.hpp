#pragma once
// The certificate picker's logic, apart from its widgets: which store certificates can sign in,
// and what picking one writes into the EAP-TLS filter (no element pins a single certificate:
// the filter is the issuing CA's hash plus the client-auth EKU).
#include "ui/state.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace aovpn::ui {

// Starts reading the personal store on the read worker (state.reads); the list, or the error,
// arrives through its drain(). The pick is kept by thumbprint. Does nothing while a read runs.
void loadCertificates(AppState& state);
// Why this certificate cannot be used for EAP-TLS sign-in; empty when it can.
std::string unusableReason(const platform::CertificateInfo& cert, std::chrono::sys_seconds now);
// Why, in a sentence with what to do (empty when it can be used): a click on a greyed row says it.
std::string unusableExplanation(const platform::CertificateInfo& cert,
                                std::chrono::sys_seconds now);
// "2027-05-01".
std::string dateOf(std::chrono::sys_seconds t);
// The CN of a CA seen by its thumbprint (any case), or "".
std::string caName(const AppState& state, const std::string& thumbprint);
// Fills CAHashList/IssuerHash and the client-auth EKU filter from certs.certs[index].
void pickCertificate(AppState& state, int index);
// Whether Windows' EAP-TLS filter offers `cert`: a CA of its chain is in CAHashList (when that
// is enabled), it has one of ClientAuthEKUList's EKUs (names mapped to OIDs by EKUMapping; when
// enabled), and a certificate without an EKU extension only with AllPurposeEnabled.
bool filterAdmits(const CertFilter& filter, const platform::CertificateInfo& cert);
// The usable store certificates the profile's filter admits (none without an EAP-TLS filter).
std::vector<int> admittedCertificates(const AppState& state, std::chrono::sys_seconds now);
// Findings about the store rather than the profile (the validator never sees the store): the
// filter still admits several usable certificates. Listed and counted with the validator's.
std::vector<Issue> storeFindings(const AppState& state, std::chrono::sys_seconds now);

// A change of the filter that admits the picked certificate and fewer of the others.
struct Narrowing {
    std::string label; // the button: "Filter on EKU Smart Card Logon"
    std::string why;   // its tooltip: what it changes and which certificates it leaves out
    CertFilter filter;
};
// What would narrow the filter to the pick: an EKU the picked certificate has and the other
// admitted ones lack, or its issuing CA where the filter names the root.
std::vector<Narrowing> narrowings(const AppState& state, std::chrono::sys_seconds now);
void applyNarrowing(AppState& state, const Narrowing& n);
// Store order: usable certificates first, then the one that expires last first.
void sortForPicking(std::vector<platform::CertificateInfo>& certs, std::chrono::sys_seconds now);
// Sets ServerValidation/TrustedRootCA to the picked certificate's chain root.
void trustPickedRoot(AppState& state);
// Sets ServerValidation/TrustedRootCA from a certificate file (the server's root CA).
void trustRootFile(AppState& state, const std::string& utf8Path);

// The EAP-TLS block of the profile, and the slot of its server validation (outer PEAP or
// TLS); null when the profile has no such block.
EapTlsSettings* eapTls(Profile& profile);
std::optional<ServerValidation>* serverValidation(Profile& profile);

} // namespace aovpn::ui
