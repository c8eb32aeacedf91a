#pragma once
// Reads one CryptoAPI certificate context into CertificateInfo (names, SANs, EKU, key, chain).
#include "platform/platform.hpp"

#include "win_util.hpp" // <windows.h> before the other SDK headers

#include <wincrypt.h>

namespace aovpn::platform::win {

// `extraStore` (may be null) is searched for issuers besides the system's CA/Root stores.
// `openKey` false (another user's store): the key is not opened, its link is enough.
CertificateInfo describeCertificate(PCCERT_CONTEXT cert, HCERTSTORE extraStore, bool openKey);

std::string hexUpper(const BYTE* data, DWORD size);

} // namespace aovpn::platform::win
