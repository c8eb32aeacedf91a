#pragma once
// OpenSSL helpers for the offline certificate store: load PEM/DER files and fill CertificateInfo.
#include "platform/platform.hpp"

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace aovpn::platform::offline {

struct X509Free {
    void operator()(X509* x) const { X509_free(x); }
};
struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

// What one file holds: its certificates and unencrypted private keys.
struct LoadedFile {
    std::filesystem::path path;
    std::vector<X509Ptr> certs;
    std::vector<PkeyPtr> keys;
    bool hasEncryptedKey = false; // a key we cannot open without a password
};

// Loads a PEM (any number of certificates/keys) or a DER certificate. Error when unreadable or
// when nothing in it parses.
Result<LoadedFile> loadCertificateFile(const std::filesystem::path& file);

// The fields of one certificate, without chain or private key (the store adds those).
CertificateInfo describeCertificate(X509* cert);

bool isCaCertificate(X509* cert);
bool issuedBy(X509* cert, X509* issuer);
// Subject and issuer names are equal (cheap; issuedBy also checks the key).
bool selfIssued(X509* cert);
std::string sha1Thumbprint(X509* cert);

} // namespace aovpn::platform::offline
