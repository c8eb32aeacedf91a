#ifdef _WIN32
#include "win32_test_certs.hpp"

#include <cstdio>

namespace aovpn::test {

namespace {
const wchar_t* const kProvider = MS_ENHANCED_PROV_W;

std::vector<BYTE> encode(LPCSTR type, const void* value) {
    DWORD size = 0;
    CryptEncodeObjectEx(X509_ASN_ENCODING, type, value, 0, nullptr, nullptr, &size);
    std::vector<BYTE> out(size);
    CryptEncodeObjectEx(X509_ASN_ENCODING, type, value, 0, nullptr, out.data(), &size);
    out.resize(size);
    return out;
}

std::vector<BYTE> encodeName(const std::wstring& x500) {
    DWORD size = 0;
    CertStrToNameW(X509_ASN_ENCODING, x500.c_str(), CERT_X500_NAME_STR, nullptr, nullptr, &size,
                   nullptr);
    std::vector<BYTE> out(size);
    CertStrToNameW(X509_ASN_ENCODING, x500.c_str(), CERT_X500_NAME_STR, nullptr, out.data(), &size,
                   nullptr);
    return out;
}

FILETIME daysFromNow(int days) {
    FILETIME now;
    GetSystemTimeAsFileTime(&now);
    ULARGE_INTEGER u;
    u.LowPart = now.dwLowDateTime;
    u.HighPart = now.dwHighDateTime;
    u.QuadPart += static_cast<ULONGLONG>(static_cast<LONGLONG>(days) * 864000000000LL);
    return FILETIME{u.LowPart, u.HighPart};
}

// Extension values and the CERT_EXTENSION array pointing at them.
struct Extensions {
    std::vector<std::vector<BYTE>> values;
    std::vector<CERT_EXTENSION> list;
    std::vector<std::string> oids;
    void add(const char* oid, std::vector<BYTE> v) {
        oids.emplace_back(oid);
        values.push_back(std::move(v));
    }
    CERT_EXTENSIONS finish() {
        list.clear();
        for (std::size_t i = 0; i < values.size(); ++i)
            list.push_back({const_cast<char*>(oids[i].c_str()),
                            FALSE,
                            {static_cast<DWORD>(values[i].size()), values[i].data()}});
        return {static_cast<DWORD>(list.size()), list.data()};
    }
};

// Short-form DER only: test values stay under 128 bytes.
void appendTlv(std::vector<BYTE>& out, BYTE tag, const std::vector<BYTE>& value) {
    out.push_back(tag);
    out.push_back(static_cast<BYTE>(value.size()));
    out.insert(out.end(), value.begin(), value.end());
}

std::vector<BYTE> ascii(const std::wstring& s) {
    std::vector<BYTE> out;
    for (wchar_t c : s)
        out.push_back(static_cast<BYTE>(c));
    return out;
}

Extensions extensionsFor(const CertOptions& o) {
    Extensions e;
    if (o.ca) {
        CERT_BASIC_CONSTRAINTS2_INFO bc{TRUE, FALSE, 0};
        e.add(szOID_BASIC_CONSTRAINTS2, encode(X509_BASIC_CONSTRAINTS2, &bc));
    }
    if (!o.eku.empty()) {
        std::vector<LPSTR> ids;
        for (const auto& oid : o.eku)
            ids.push_back(const_cast<char*>(oid.c_str()));
        CERT_ENHKEY_USAGE u{static_cast<DWORD>(ids.size()), ids.data()};
        e.add(szOID_ENHANCED_KEY_USAGE, encode(X509_ENHANCED_KEY_USAGE, &u));
    }
    // Subject alternative names in DER by hand: Wine's encoder cannot write an otherName (UPN).
    std::vector<BYTE> names;
    if (!o.email.empty()) appendTlv(names, 0x81, ascii(o.email)); // [1] rfc822Name
    if (!o.upn.empty()) {
        std::vector<BYTE> other = {
            0x06, 10,   0x2B, 0x06, 0x01, 0x04,
            0x01, 0x82, 0x37, 0x14, 0x02, 0x03}; // OID 1.3.6.1.4.1.311.20.2.3 (UPN)
        std::vector<BYTE> utf8;
        appendTlv(utf8, 0x0C, ascii(o.upn));
        appendTlv(other, 0xA0, utf8);  // [0] EXPLICIT UTF8String
        appendTlv(names, 0xA0, other); // [0] otherName
    }
    if (!names.empty()) {
        std::vector<BYTE> seq;
        appendTlv(seq, 0x30, names);
        e.add(szOID_SUBJECT_ALT_NAME2, seq);
    }
    return e;
}

std::string thumbprintOf(PCCERT_CONTEXT c) {
    BYTE hash[20];
    DWORD size = sizeof hash;
    CryptHashCertificate(0, CALG_SHA1, 0, c->pbCertEncoded, c->cbCertEncoded, hash, &size);
    std::string out;
    char buf[3];
    for (DWORD i = 0; i < size; ++i) {
        std::snprintf(buf, sizeof buf, "%02X", hash[i]);
        out += buf;
    }
    return out;
}

HCERTSTORE openStore(const wchar_t* name) {
    return CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, 0, CERT_SYSTEM_STORE_CURRENT_USER, name);
}

// Deletes go through the registry provider and are committed: from a CERT_STORE_PROV_SYSTEM_W
// store Wine reports the delete as done but never writes it back to the registry.
HCERTSTORE openStoreForDelete(const wchar_t* name) {
    return CertOpenStore(CERT_STORE_PROV_SYSTEM_REGISTRY_W, 0, 0, CERT_SYSTEM_STORE_CURRENT_USER,
                         name);
}
} // namespace

CryptoApiCerts::CryptoApiCerts()
    : prefix_(L"aovpn-test-" + std::to_wstring(GetCurrentProcessId()) + L"-") {}

CryptoApiCerts::~CryptoApiCerts() {
    for (const auto& m : made_) {
        HCERTSTORE s = openStoreForDelete(m.store);
        if (!s) continue;
        CRYPT_HASH_BLOB blob{};
        std::vector<BYTE> hash(20);
        for (std::size_t i = 0; i < 20; ++i)
            hash[i] = static_cast<BYTE>(std::stoi(m.thumbprint.substr(i * 2, 2), nullptr, 16));
        blob = {20, hash.data()};
        // Loop: a system store may hold more than one physical copy.
        while (PCCERT_CONTEXT c = CertFindCertificateInStore(s, X509_ASN_ENCODING, 0,
                                                             CERT_FIND_SHA1_HASH, &blob, nullptr)) {
            if (!CertDeleteCertificateFromStore(c)) break; // frees c
        }
        CertControlStore(s, 0, CERT_STORE_CTRL_COMMIT, nullptr);
        CertCloseStore(s, 0);
    }
    if (caProv_) CryptReleaseContext(caProv_, 0);
    for (const auto& c : containers_) {
        HCRYPTPROV p = 0;
        CryptAcquireContextW(&p, c.c_str(), kProvider, PROV_RSA_FULL, CRYPT_DELETEKEYSET);
    }
}

HCRYPTPROV CryptoApiCerts::newKey(const std::wstring& container) {
    HCRYPTPROV prov = 0;
    CryptAcquireContextW(&prov, container.c_str(), kProvider, PROV_RSA_FULL, CRYPT_DELETEKEYSET);
    if (!CryptAcquireContextW(&prov, container.c_str(), kProvider, PROV_RSA_FULL, CRYPT_NEWKEYSET))
        return 0;
    containers_.push_back(container);
    HCRYPTKEY key = 0;
    if (CryptGenKey(prov, AT_KEYEXCHANGE, (1024u << 16) | CRYPT_EXPORTABLE, &key))
        CryptDestroyKey(key);
    return prov;
}

std::string CryptoApiCerts::add(PCCERT_CONTEXT c, const wchar_t* store, bool withKeyProps) {
    HCERTSTORE s = openStore(store);
    if (withKeyProps)
        CertAddCertificateContextToStore(s, c, CERT_STORE_ADD_REPLACE_EXISTING, nullptr);
    else // the encoded bytes only: no key link
        CertAddEncodedCertificateToStore(s, X509_ASN_ENCODING, c->pbCertEncoded, c->cbCertEncoded,
                                         CERT_STORE_ADD_REPLACE_EXISTING, nullptr);
    CertCloseStore(s, 0);
    const std::string tp = thumbprintOf(c);
    made_.push_back(
        {tp, std::vector<BYTE>(c->pbCertEncoded, c->pbCertEncoded + c->cbCertEncoded), store});
    return tp;
}

std::string CryptoApiCerts::selfSigned(const CertOptions& o) {
    const std::wstring container = prefix_ + std::to_wstring(containers_.size());
    HCRYPTPROV prov = newKey(container);
    auto name = encodeName(L"CN=" + o.cn + L", O=AOVPN Test");
    CERT_NAME_BLOB blob{static_cast<DWORD>(name.size()), name.data()};
    CRYPT_KEY_PROV_INFO kpi{const_cast<wchar_t*>(container.c_str()),
                            const_cast<wchar_t*>(kProvider),
                            PROV_RSA_FULL,
                            0,
                            0,
                            nullptr,
                            AT_KEYEXCHANGE};
    SYSTEMTIME from, to;
    const FILETIME f = daysFromNow(o.fromDays), t = daysFromNow(o.toDays);
    FileTimeToSystemTime(&f, &from);
    FileTimeToSystemTime(&t, &to);
    Extensions ext = extensionsFor(o);
    CERT_EXTENSIONS list = ext.finish();
    PCCERT_CONTEXT c =
        CertCreateSelfSignCertificate(prov, &blob, 0, &kpi, nullptr, &from, &to, &list);
    CryptReleaseContext(prov, 0);
    if (!c) return {};
    const std::string tp = add(c, o.ca ? L"CA" : L"MY", o.privateKey);
    CertFreeCertificateContext(c);
    return tp;
}

std::string CryptoApiCerts::makeCa(const std::wstring& cn) {
    const std::wstring container = prefix_ + L"ca";
    caProv_ = newKey(container);
    caSubject_ = encodeName(L"CN=" + cn + L", O=AOVPN Test");
    CERT_NAME_BLOB blob{static_cast<DWORD>(caSubject_.size()), caSubject_.data()};
    CRYPT_KEY_PROV_INFO kpi{const_cast<wchar_t*>(container.c_str()),
                            const_cast<wchar_t*>(kProvider),
                            PROV_RSA_FULL,
                            0,
                            0,
                            nullptr,
                            AT_KEYEXCHANGE};
    CertOptions o;
    o.ca = true;
    Extensions ext = extensionsFor(o);
    CERT_EXTENSIONS list = ext.finish();
    PCCERT_CONTEXT c =
        CertCreateSelfSignCertificate(caProv_, &blob, 0, &kpi, nullptr, nullptr, nullptr, &list);
    if (!c) return {};
    const std::string tp = add(c, L"MY", false); // beside the leaf, as many helpdesks import it
    CertFreeCertificateContext(c);
    return tp;
}

std::string CryptoApiCerts::signedByCa(const CertOptions& o) {
    const std::wstring container = prefix_ + std::to_wstring(containers_.size());
    HCRYPTPROV prov = newKey(container);
    DWORD size = 0;
    CryptExportPublicKeyInfo(prov, AT_KEYEXCHANGE, X509_ASN_ENCODING, nullptr, &size);
    std::vector<BYTE> spki(size);
    auto* pub = reinterpret_cast<CERT_PUBLIC_KEY_INFO*>(spki.data());
    CryptExportPublicKeyInfo(prov, AT_KEYEXCHANGE, X509_ASN_ENCODING, pub, &size);
    auto subject = encodeName(L"CN=" + o.cn + L", O=AOVPN Test");
    BYTE serial[] = {0x42, static_cast<BYTE>(containers_.size())};
    Extensions ext = extensionsFor(o);
    CERT_EXTENSIONS list = ext.finish();
    CERT_INFO info{};
    info.dwVersion = CERT_V3;
    info.SerialNumber = {sizeof serial, serial};
    info.SignatureAlgorithm.pszObjId = const_cast<char*>(szOID_RSA_SHA1RSA);
    info.Issuer = {static_cast<DWORD>(caSubject_.size()), caSubject_.data()};
    info.NotBefore = daysFromNow(o.fromDays);
    info.NotAfter = daysFromNow(o.toDays);
    info.Subject = {static_cast<DWORD>(subject.size()), subject.data()};
    info.SubjectPublicKeyInfo = *pub;
    info.cExtension = list.cExtension;
    info.rgExtension = list.rgExtension;
    DWORD len = 0;
    CryptSignAndEncodeCertificate(caProv_, AT_KEYEXCHANGE, X509_ASN_ENCODING,
                                  X509_CERT_TO_BE_SIGNED, &info, &info.SignatureAlgorithm, nullptr,
                                  nullptr, &len);
    std::vector<BYTE> der(len);
    if (!CryptSignAndEncodeCertificate(caProv_, AT_KEYEXCHANGE, X509_ASN_ENCODING,
                                       X509_CERT_TO_BE_SIGNED, &info, &info.SignatureAlgorithm,
                                       nullptr, der.data(), &len))
        return {};
    CryptReleaseContext(prov, 0);
    PCCERT_CONTEXT c = CertCreateCertificateContext(X509_ASN_ENCODING, der.data(), len);
    CRYPT_KEY_PROV_INFO kpi{const_cast<wchar_t*>(container.c_str()),
                            const_cast<wchar_t*>(kProvider),
                            PROV_RSA_FULL,
                            0,
                            0,
                            nullptr,
                            AT_KEYEXCHANGE};
    if (o.privateKey) CertSetCertificateContextProperty(c, CERT_KEY_PROV_INFO_PROP_ID, 0, &kpi);
    const std::string tp = add(c, L"MY", o.privateKey);
    CertFreeCertificateContext(c);
    return tp;
}

std::vector<BYTE> CryptoApiCerts::der(const std::string& thumbprint) const {
    for (const auto& m : made_)
        if (m.thumbprint == thumbprint) return m.der;
    return {};
}

} // namespace aovpn::test
#endif
