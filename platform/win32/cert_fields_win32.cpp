#include "cert_fields_win32.hpp"

#include "win_util.hpp"

#include <cstring>
#include <memory>

namespace aovpn::platform::win {

namespace {
constexpr DWORD kEncoding = X509_ASN_ENCODING | PKCS_7_ASN_ENCODING;
constexpr const char* kUpnOid = "1.3.6.1.4.1.311.20.2.3"; // szOID_NT_PRINCIPAL_NAME

struct LocalFreeDel {
    void operator()(void* p) const { LocalFree(p); }
};

// CryptDecodeObjectEx with CRYPT_DECODE_ALLOC_FLAG; the result is freed with LocalFree.
template <class T>
std::unique_ptr<T, LocalFreeDel> decode(LPCSTR type, const BYTE* data, DWORD size) {
    void* out = nullptr;
    DWORD outSize = 0;
    if (!CryptDecodeObjectEx(kEncoding, type, data, size, CRYPT_DECODE_ALLOC_FLAG, nullptr, &out,
                             &outSize))
        return nullptr;
    return std::unique_ptr<T, LocalFreeDel>(static_cast<T*>(out));
}

// The SDK's structure-type constants are small integers cast to LPCSTR.
LPCSTR structType(std::uintptr_t id) {
    return reinterpret_cast<LPCSTR>(id);
}

std::string nameString(PCCERT_CONTEXT c, DWORD type, DWORD flags, const char* oid = nullptr) {
    void* param = const_cast<char*>(oid);
    wchar_t buf[512];
    const DWORD n = CertGetNameStringW(c, type, flags, param, buf, 512);
    return n > 1 ? narrow(std::wstring_view(buf, n - 1)) : std::string();
}

std::string fullName(const CERT_NAME_BLOB& blob) {
    const DWORD type = CERT_X500_NAME_STR;
    wchar_t buf[1024];
    const DWORD n =
        CertNameToStrW(X509_ASN_ENCODING, const_cast<CERT_NAME_BLOB*>(&blob), type, buf, 1024);
    return n > 1 ? narrow(std::wstring_view(buf, n - 1)) : std::string();
}

std::chrono::sys_seconds toSysSeconds(const FILETIME& ft) {
    const auto ticks = (static_cast<std::uint64_t>(ft.dwHighDateTime) << 32) | ft.dwLowDateTime;
    constexpr std::uint64_t kEpochDiff = 116444736000000000ULL; // 1601 -> 1970 in 100 ns
    if (ticks < kEpochDiff) return {};
    return std::chrono::sys_seconds(std::chrono::seconds((ticks - kEpochDiff) / 10000000ULL));
}

std::string upnFrom(const CERT_OTHER_NAME& other) {
    auto value = decode<CERT_NAME_VALUE>(structType(24) /* X509_UNICODE_ANY_STRING */,
                                         other.Value.pbData, other.Value.cbData);
    if (!value) return {};
    return narrow(std::wstring_view(reinterpret_cast<const wchar_t*>(value->Value.pbData),
                                    value->Value.cbData / sizeof(wchar_t)));
}

void readAltNames(PCCERT_CONTEXT c, CertificateInfo& info) {
    const CERT_INFO* ci = c->pCertInfo;
    PCERT_EXTENSION ext =
        CertFindExtension(szOID_SUBJECT_ALT_NAME2, ci->cExtension, ci->rgExtension);
    if (!ext) return;
    auto names = decode<CERT_ALT_NAME_INFO>(structType(12) /* X509_ALTERNATE_NAME */,
                                            ext->Value.pbData, ext->Value.cbData);
    if (!names) return;
    for (DWORD i = 0; i < names->cAltEntry; ++i) {
        const CERT_ALT_NAME_ENTRY& e = names->rgAltEntry[i];
        if (e.dwAltNameChoice == CERT_ALT_NAME_RFC822_NAME && info.email.empty())
            info.email = narrow(e.pwszRfc822Name);
        if (e.dwAltNameChoice == CERT_ALT_NAME_OTHER_NAME &&
            std::strcmp(e.pOtherName->pszObjId, kUpnOid) == 0)
            info.upn = upnFrom(*e.pOtherName);
    }
}

void readEku(PCCERT_CONTEXT c, CertificateInfo& info) {
    DWORD size = 0;
    if (!CertGetEnhancedKeyUsage(c, CERT_FIND_EXT_ONLY_ENHKEY_USAGE_FLAG, nullptr, &size)) return;
    std::vector<BYTE> buf(size);
    auto* usage = reinterpret_cast<CERT_ENHKEY_USAGE*>(buf.data());
    if (!CertGetEnhancedKeyUsage(c, CERT_FIND_EXT_ONLY_ENHKEY_USAGE_FLAG, usage, &size)) return;
    info.hasEkuExtension = true;
    for (DWORD i = 0; i < usage->cUsageIdentifier; ++i) {
        info.ekuOids.emplace_back(usage->rgpszUsageIdentifier[i]);
        if (info.ekuOids.back() == kClientAuthOid) info.clientAuth = true;
    }
}

// SHA-1 of the encoded certificate (what Windows shows as the thumbprint). Hashed here rather than
// read from CERT_SHA1_HASH_PROP_ID, which chain element contexts do not always carry (Wine).
std::string thumbprintOf(PCCERT_CONTEXT c) {
    BYTE hash[20];
    DWORD size = sizeof hash;
    if (!CryptHashCertificate(0, CALG_SHA1, 0, c->pbCertEncoded, c->cbCertEncoded, hash, &size))
        return {};
    return hexUpper(hash, size);
}

// A key we can open silently, or one that is there but needs the user/smart card to open.
bool hasPrivateKey(PCCERT_CONTEXT c) {
    DWORD size = 0;
    const bool provInfo =
        CertGetCertificateContextProperty(c, CERT_KEY_PROV_INFO_PROP_ID, nullptr, &size);
    HCRYPTPROV_OR_NCRYPT_KEY_HANDLE key = 0;
    DWORD spec = 0;
    BOOL callerFree = FALSE;
    const DWORD flags = CRYPT_ACQUIRE_SILENT_FLAG | CRYPT_ACQUIRE_ALLOW_NCRYPT_KEY_FLAG;
    if (CryptAcquireCertificatePrivateKey(c, flags, nullptr, &key, &spec, &callerFree)) {
        if (callerFree) {
            if (spec == CERT_NCRYPT_KEY_SPEC)
                NCryptFreeObject(key);
            else
                CryptReleaseContext(key, 0);
        }
        return true;
    }
    // NTE_SILENT_CONTEXT: the key exists but its provider wants UI (smart card, protected key).
    return provInfo && GetLastError() == static_cast<DWORD>(NTE_SILENT_CONTEXT);
}

void readChain(PCCERT_CONTEXT c, HCERTSTORE extraStore, CertificateInfo& info) {
    CERT_CHAIN_PARA para{};
    para.cbSize = sizeof para;
    // A fresh engine sees CA certificates added since this process started; the default engine
    // may work from a snapshot (Wine does).
    CERT_CHAIN_ENGINE_CONFIG config{};
    config.cbSize = sizeof config;
    HCERTCHAINENGINE engine = nullptr;
    if (!CertCreateCertificateChainEngine(&config, &engine)) engine = nullptr;
    PCCERT_CHAIN_CONTEXT chain = nullptr;
    const BOOL built =
        CertGetCertificateChain(engine, c, nullptr, extraStore, &para, 0, nullptr, &chain);
    if (engine) CertFreeCertificateChainEngine(engine);
    if (!built) return;
    if (chain->cChain > 0) {
        const CERT_SIMPLE_CHAIN* simple = chain->rgpChain[0];
        for (DWORD i = 0; i < simple->cElement; ++i)
            info.chainThumbprints.push_back(thumbprintOf(simple->rgpElement[i]->pCertContext));
        const auto& last = *simple->rgpElement[simple->cElement - 1];
        info.chainComplete = (last.TrustStatus.dwInfoStatus & CERT_TRUST_IS_SELF_SIGNED) != 0;
        if (info.chainComplete)
            info.rootCommonName = visibleText(
                nameString(last.pCertContext, CERT_NAME_ATTR_TYPE, 0, szOID_COMMON_NAME));
    }
    CertFreeCertificateChain(chain);
    if (info.chainThumbprints.size() > 1) info.issuingCaThumbprint = info.chainThumbprints[1];
    if (info.chainComplete) info.rootThumbprint = info.chainThumbprints.back();
}
} // namespace

std::string hexUpper(const BYTE* data, DWORD size) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (DWORD i = 0; i < size; ++i) {
        out += hex[data[i] >> 4];
        out += hex[data[i] & 0xF];
    }
    return out;
}

CertificateInfo describeCertificate(PCCERT_CONTEXT c, HCERTSTORE extraStore, bool openKey) {
    CertificateInfo info;
    info.subject = fullName(c->pCertInfo->Subject);
    info.issuer = fullName(c->pCertInfo->Issuer);
    info.commonName = nameString(c, CERT_NAME_ATTR_TYPE, 0, szOID_COMMON_NAME);
    info.issuerCommonName =
        nameString(c, CERT_NAME_ATTR_TYPE, CERT_NAME_ISSUER_FLAG, szOID_COMMON_NAME);
    info.thumbprint = thumbprintOf(c);
    info.validFrom = toSysSeconds(c->pCertInfo->NotBefore);
    info.validTo = toSysSeconds(c->pCertInfo->NotAfter);
    readAltNames(c, info);
    if (info.email.empty()) info.email = nameString(c, CERT_NAME_EMAIL_TYPE, 0);
    readEku(c, info);
    DWORD linkSize = 0;
    info.hasPrivateKey = openKey ? hasPrivateKey(c)
                                 : CertGetCertificateContextProperty(c, CERT_KEY_PROV_INFO_PROP_ID,
                                                                     nullptr, &linkSize) != FALSE;
    readChain(c, extraStore, info);
    info.selfSigned = CertCompareCertificateName(X509_ASN_ENCODING, &c->pCertInfo->Subject,
                                                 &c->pCertInfo->Issuer) != FALSE;
    for (std::string* field : {&info.subject, &info.commonName, &info.issuer,
                               &info.issuerCommonName, &info.upn, &info.email})
        *field = visibleText(*field);
    return info;
}

} // namespace aovpn::platform::win
