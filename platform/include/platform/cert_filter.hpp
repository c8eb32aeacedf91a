#pragma once
// The EAP-TLS certificate filter a picked certificate becomes: its issuing CA's hash in
// CAHashList, the Client Authentication EKU, and AllPurposeEnabled when the certificate has no
// EKU extension at all (valid for any purpose; without it Windows' filter excludes the
// certificate and the dial fails "no certificate", 798).
#include "model/eap.hpp"
#include "platform/platform.hpp"

namespace aovpn::platform {

inline constexpr std::string_view kClientAuthEkuName = "Client Authentication";

// `base` keeps what the filter already holds that the pick does not decide (AnyPurposeEKUList).
CertFilter certificateFilterFor(const CertificateInfo& cert, CertFilter base = {});

// One line for the log: what the filter now asks for.
std::string describeFilterPick(const CertificateInfo& cert);

} // namespace aovpn::platform
