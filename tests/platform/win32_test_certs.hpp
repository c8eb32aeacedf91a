#pragma once
// Test certificates made for real in Wine's (or Windows') CurrentUser\My with CryptoAPI, removed
// again by the destructor. Windows builds only.
#ifdef _WIN32
#include <string>
#include <vector>
// clang-format off
#include <windows.h>
#include <wincrypt.h>
// clang-format on

namespace aovpn::test {

struct CertOptions {
    std::wstring cn;
    int fromDays = -1; // relative to now
    int toDays = 365;
    bool privateKey = true;
    bool ca = false;
    std::vector<std::string> eku; // OIDs; empty = no EKU extension
    std::wstring email, upn;      // subject alternative names
};

class CryptoApiCerts {
  public:
    CryptoApiCerts();
    ~CryptoApiCerts(); // deletes every certificate and key container it made
    CryptoApiCerts(const CryptoApiCerts&) = delete;
    CryptoApiCerts& operator=(const CryptoApiCerts&) = delete;

    // Self-signed, into CurrentUser\My (or CurrentUser\CA for a CA). Returns the thumbprint.
    std::string selfSigned(const CertOptions& o);
    // Signed by the CA made with makeCa(), into CurrentUser\My.
    std::string makeCa(const std::wstring& cn);
    std::string signedByCa(const CertOptions& o);
    // DER bytes of a certificate made here, by thumbprint.
    std::vector<BYTE> der(const std::string& thumbprint) const;

  private:
    struct Made {
        std::string thumbprint;
        std::vector<BYTE> der;
        const wchar_t* store;
    };
    HCRYPTPROV newKey(const std::wstring& container);
    std::string add(PCCERT_CONTEXT c, const wchar_t* store, bool withKeyProps);
    std::vector<Made> made_;
    std::vector<std::wstring> containers_;
    HCRYPTPROV caProv_ = 0;
    std::vector<BYTE> caSubject_;
    std::wstring prefix_;
};

} // namespace aovpn::test
#endif
