#pragma once
// Test certificates made with OpenSSL's API at test time (Linux only): a CA, leaves signed by it,
// expired ones, with and without client-auth EKU, UPN and e-mail SANs.
#ifndef _WIN32
#include <filesystem>
#include <memory>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <string>

namespace aovpn::test {

struct KeyDel {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct CertDel {
    void operator()(X509* x) const { X509_free(x); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyDel>;
using Cert = std::unique_ptr<X509, CertDel>;

inline Key newKey() {
    return Key(EVP_EC_gen("P-256"));
}

struct CertSpec {
    std::string cn;
    long fromDays = -1; // relative to now
    long toDays = 365;
    bool ca = false;
    std::string eku;     // e.g. "clientAuth,serverAuth"; empty = no EKU extension
    std::string altName; // e.g. "email:a@b.c,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:a@corp"
};

inline void addExt(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// Signs with issuerKey; issuer == nullptr makes it self-signed.
inline Cert makeCert(const CertSpec& spec, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuerKey) {
    static long serial = 1;
    Cert c(X509_new());
    X509_set_version(c.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(c.get()), serial++);
    X509_time_adj_ex(X509_getm_notBefore(c.get()), static_cast<int>(spec.fromDays), 0, nullptr);
    X509_time_adj_ex(X509_getm_notAfter(c.get()), static_cast<int>(spec.toDays), 0, nullptr);
    X509_set_pubkey(c.get(), key);
    X509_NAME* name = X509_get_subject_name(c.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("AOVPN Test"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(spec.cn.data()),
                               static_cast<int>(spec.cn.size()), -1, 0); // NULs kept
    X509_set_issuer_name(c.get(), issuer ? X509_get_subject_name(issuer) : name);
    X509* signer = issuer ? issuer : c.get();
    addExt(c.get(), signer, NID_basic_constraints, spec.ca ? "critical,CA:TRUE" : "CA:FALSE");
    addExt(c.get(), signer, NID_subject_key_identifier, "hash");
    if (!spec.eku.empty()) addExt(c.get(), signer, NID_ext_key_usage, spec.eku);
    if (!spec.altName.empty()) addExt(c.get(), signer, NID_subject_alt_name, spec.altName);
    X509_sign(c.get(), issuer ? issuerKey : key, EVP_sha256());
    return c;
}

inline void writePem(const std::filesystem::path& file, X509* cert, EVP_PKEY* key = nullptr) {
    FILE* f = std::fopen(file.c_str(), "wb");
    if (cert) PEM_write_X509(f, cert);
    if (key) PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(f);
}

inline void writeDer(const std::filesystem::path& file, X509* cert) {
    FILE* f = std::fopen(file.c_str(), "wb");
    i2d_X509_fp(f, cert);
    std::fclose(f);
}

inline std::string thumbprint(X509* cert) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    X509_digest(cert, EVP_sha1(), md, &n);
    std::string out;
    char buf[3];
    for (unsigned i = 0; i < n; ++i) {
        std::snprintf(buf, sizeof buf, "%02X", md[i]);
        out += buf;
    }
    return out;
}

} // namespace aovpn::test
#endif
