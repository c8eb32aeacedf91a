#pragma once
// The certificate picker's logic, apart from its widgets: which store certificates can sign in,
// and what picking one writes into the EAP-TLS filter (no element pins a single certificate:
// the filter is the issuing CA's hash plus the client-auth EKU).
#include "ui/state.hpp"

#include <chrono>
#include <string>

namespace aovpn::ui {

// Starts reading the personal store on the read worker (state.reads); the list, or the error,
// arrives through its drain(). The pick is kept by thumbprint. Does nothing while a read runs.
void loadCertificates(AppState& state);
// Why this certificate cannot be used for EAP-TLS sign-in; empty when it can.
std::string unusableReason(const platform::CertificateInfo& cert, std::chrono::sys_seconds now);
// Fills CAHashList/IssuerHash and the client-auth EKU filter from certs.certs[index].
void pickCertificate(AppState& state, int index);
// How many usable certificates in the store the picked filter still matches.
int filterMatches(const AppState& state, int index, std::chrono::sys_seconds now);
// Sets ServerValidation/TrustedRootCA to the picked certificate's chain root.
void trustPickedRoot(AppState& state);
// Sets ServerValidation/TrustedRootCA from a certificate file (the server's root CA).
void trustRootFile(AppState& state, const std::string& utf8Path);

// The EAP-TLS block of the profile, and the slot of its server validation (outer PEAP or
// TLS); null when the profile has no such block.
EapTlsSettings* eapTls(Profile& profile);
std::optional<ServerValidation>* serverValidation(Profile& profile);

} // namespace aovpn::ui
