// The test root in and out of this machine's trusted roots (see gateway_test_support.hpp).
#include "gateway_test_support.hpp"

#ifdef _WIN32
#include <windows.h>
// wincrypt.h needs windows.h first
#include <fstream>
#include <sstream>
#include <wincrypt.h>
#else
#include <cstdlib>
#endif

namespace aovpn::test {

#ifdef _WIN32
namespace {

std::vector<BYTE> caDer() {
    std::ifstream in(certFile("ca.pem"), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    const std::string pem = s.str();
    DWORD size = 0;
    CryptStringToBinaryA(pem.c_str(), 0, CRYPT_STRING_BASE64HEADER, nullptr, &size, nullptr,
                         nullptr);
    std::vector<BYTE> der(size);
    REQUIRE(CryptStringToBinaryA(pem.c_str(), 0, CRYPT_STRING_BASE64HEADER, der.data(), &size,
                                 nullptr, nullptr));
    return der;
}

void rootStore(bool add) {
    HCERTSTORE store =
        CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, 0, CERT_SYSTEM_STORE_CURRENT_USER, L"Root");
    REQUIRE(store != nullptr);
    const std::vector<BYTE> der = caDer();
    PCCERT_CONTEXT added = nullptr;
    REQUIRE(CertAddEncodedCertificateToStore(store, X509_ASN_ENCODING, der.data(),
                                             static_cast<DWORD>(der.size()),
                                             CERT_STORE_ADD_REPLACE_EXISTING, &added));
    if (!add) CertDeleteCertificateFromStore(CertDuplicateCertificateContext(added));
    CertFreeCertificateContext(added);
    CertCloseStore(store, 0);
}

} // namespace

void trustTestRoot() {
    rootStore(true);
}
void distrustTestRoot() {
    rootStore(false);
}
#else
void trustTestRoot() {
    setenv("SSL_CERT_FILE", (env("AOVPN_GW_CERTS") + "/ca.pem").c_str(), 1);
}
void distrustTestRoot() {
    setenv("SSL_CERT_FILE", (env("AOVPN_GW_CERTS") + "/other-ca.pem").c_str(), 1);
}
#endif

} // namespace aovpn::test
