#include "openssl_parse.hpp"

#include "platform/atomic_file.hpp"

#include "folder_profile_store.hpp"

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace aovpn::platform::offline {

namespace {
constexpr const char* kUpnOid = "1.3.6.1.4.1.311.20.2.3"; // Microsoft UPN otherName

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

BioPtr memBio(const std::string& bytes) {
    return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

// A password callback that gives none: encrypted keys fail to load instead of prompting.
int noPassword(char*, int, int, void*) {
    return -1;
}

void loadPem(const std::string& bytes, LoadedFile& out) {
    auto bio = memBio(bytes);
    while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, noPassword, nullptr))
        out.certs.emplace_back(x);
    auto keyBio = memBio(bytes);
    while (EVP_PKEY* k = PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassword, nullptr))
        out.keys.emplace_back(k);
    out.hasEncryptedKey = bytes.find("ENCRYPTED") != std::string::npos;
    ERR_clear_error(); // the loops end on "no more objects", which is not an error here
}

std::string utf8(const ASN1_STRING* s) {
    unsigned char* raw = nullptr;
    const int n = ASN1_STRING_to_UTF8(&raw, s);
    if (n < 0) return {};
    std::string out(reinterpret_cast<char*>(raw), static_cast<std::size_t>(n));
    OPENSSL_free(raw);
    return out;
}

std::string nameEntry(const X509_NAME* name, int nid) {
    const int i = X509_NAME_get_index_by_NID(name, nid, -1);
    if (i < 0) return {};
    return utf8(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i)));
}

// "C=US, O=Org, CN=leaf" in certificate order, UTF-8, like CertNameToStr's X500 form.
std::string nameText(const X509_NAME* name) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    const unsigned long flags =
        (XN_FLAG_ONELINE & ~XN_FLAG_SPC_EQ & ~ASN1_STRFLGS_ESC_MSB) | ASN1_STRFLGS_UTF8_CONVERT;
    X509_NAME_print_ex(bio.get(), name, 0, flags);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

std::chrono::sys_seconds toSysSeconds(const ASN1_TIME* t) {
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return {};
    return std::chrono::sys_seconds(std::chrono::seconds(::timegm(&tm)));
}

std::string oidText(const ASN1_OBJECT* obj) {
    char buf[128];
    const int n = OBJ_obj2txt(buf, sizeof buf, obj, 1);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(std::min(n, 127))) : std::string();
}

void readAltNames(X509* cert, CertificateInfo& info) {
    auto* names =
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
    if (!names) return;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* g = sk_GENERAL_NAME_value(names, i);
        if (g->type == GEN_EMAIL && info.email.empty()) info.email = utf8(g->d.rfc822Name);
        if (g->type == GEN_OTHERNAME && oidText(g->d.otherName->type_id) == kUpnOid &&
            g->d.otherName->value->type == V_ASN1_UTF8STRING)
            info.upn = utf8(g->d.otherName->value->value.utf8string);
    }
    GENERAL_NAMES_free(names);
}

void readEku(X509* cert, CertificateInfo& info) {
    auto* eku = static_cast<EXTENDED_KEY_USAGE*>(
        X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr));
    if (!eku) return;
    info.hasEkuExtension = true;
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku); ++i)
        info.ekuOids.push_back(oidText(sk_ASN1_OBJECT_value(eku, i)));
    EXTENDED_KEY_USAGE_free(eku);
    for (const auto& oid : info.ekuOids)
        if (oid == kClientAuthOid) info.clientAuth = true;
}
} // namespace

Result<LoadedFile> loadCertificateFile(const std::filesystem::path& file) {
    const std::string action = "Read the certificate file " + file.string();
    // Regular files only (a FIFO would hang, /dev/zero never ends), and a size cap.
    auto bytes = readRegularFile(file, kMaxProfileBytes, action);
    if (!bytes) return bytes.error();
    LoadedFile out;
    out.path = file;
    if (bytes.value().find("-----BEGIN") != std::string::npos) {
        loadPem(bytes.value(), out);
    } else {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.value().data());
        if (X509* x = d2i_X509(nullptr, &p, static_cast<long>(bytes.value().size())))
            out.certs.emplace_back(x);
    }
    if (out.certs.empty() && out.keys.empty()) {
        const unsigned long code = ERR_peek_last_error();
        char msg[256] = "no certificate found in the file";
        if (code) ERR_error_string_n(code, msg, sizeof msg);
        ERR_clear_error();
        Error e = makeError(action, CodeKind::OpenSsl, static_cast<std::uint32_t>(code), msg);
        e.meaning = "The file is not a PEM or DER (.cer) certificate.";
        e.nextStep = "Export the certificate as Base-64 (.pem/.cer) or DER (.cer) and try again.";
        return e;
    }
    return out;
}

std::string sha1Thumbprint(X509* cert) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (X509_digest(cert, EVP_sha1(), md, &n) != 1) return {};
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned int i = 0; i < n; ++i) {
        out += hex[md[i] >> 4];
        out += hex[md[i] & 0xF];
    }
    return out;
}

bool isCaCertificate(X509* cert) {
    return X509_check_ca(cert) != 0;
}

bool selfIssued(X509* cert) {
    return X509_NAME_cmp(X509_get_subject_name(cert), X509_get_issuer_name(cert)) == 0;
}

bool issuedBy(X509* cert, X509* issuer) {
    return X509_check_issued(issuer, cert) == X509_V_OK;
}

CertificateInfo describeCertificate(X509* cert) {
    CertificateInfo info;
    const X509_NAME* subject = X509_get_subject_name(cert);
    const X509_NAME* issuer = X509_get_issuer_name(cert);
    info.subject = nameText(subject);
    info.commonName = nameEntry(subject, NID_commonName);
    info.issuer = nameText(issuer);
    info.issuerCommonName = nameEntry(issuer, NID_commonName);
    info.thumbprint = sha1Thumbprint(cert);
    info.validFrom = toSysSeconds(X509_get0_notBefore(cert));
    info.validTo = toSysSeconds(X509_get0_notAfter(cert));
    readAltNames(cert, info);
    if (info.email.empty()) info.email = nameEntry(subject, NID_pkcs9_emailAddress);
    readEku(cert, info);
    info.selfSigned = selfIssued(cert) && issuedBy(cert, cert);
    for (std::string* field : {&info.subject, &info.commonName, &info.issuer,
                               &info.issuerCommonName, &info.upn, &info.email})
        *field = visibleText(*field);
    return info;
}

} // namespace aovpn::platform::offline
