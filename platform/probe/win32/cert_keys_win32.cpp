// Check gateway on Windows: the client certificate chain's CA key hashes, as CERTREQ lists them
// (SHA-1 of SubjectPublicKeyInfo), from certificate files or the user's and machine's stores.
#include "../probe_os.hpp"
#include "win32/cert_fields_win32.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace aovpn::platform::probe {
namespace {

constexpr DWORD kEncoding = X509_ASN_ENCODING | PKCS_7_ASN_ENCODING;

bool isCa(PCCERT_CONTEXT c) {
    const CERT_EXTENSION* ext = CertFindExtension(
        szOID_BASIC_CONSTRAINTS2, c->pCertInfo->cExtension, c->pCertInfo->rgExtension);
    if (!ext) // no basic constraints: a self-signed (v1) root still counts
        return CertCompareCertificateName(kEncoding, &c->pCertInfo->Subject,
                                          &c->pCertInfo->Issuer) != FALSE;
    CERT_BASIC_CONSTRAINTS2_INFO info{};
    DWORD size = sizeof info;
    return CryptDecodeObject(kEncoding, szOID_BASIC_CONSTRAINTS2, ext->Value.pbData,
                             ext->Value.cbData, 0, &info, &size) &&
           info.fCA;
}

ChainKeys::Ca caOf(PCCERT_CONTEXT c) {
    ChainKeys::Ca ca;
    wchar_t name[512] = {};
    CertGetNameStringW(c, CERT_NAME_SIMPLE_DISPLAY_TYPE, 0, nullptr, name, 512);
    ca.name = win::narrow(name);
    DWORD size = 0;
    CryptEncodeObject(kEncoding, X509_PUBLIC_KEY_INFO, &c->pCertInfo->SubjectPublicKeyInfo, nullptr,
                      &size);
    std::vector<BYTE> spki(size);
    if (CryptEncodeObject(kEncoding, X509_PUBLIC_KEY_INFO, &c->pCertInfo->SubjectPublicKeyInfo,
                          spki.data(), &size))
        ca.keyHash = sha1({spki.data(), size});
    return ca;
}

// Every certificate in a PEM text (several blocks) or one DER file.
std::vector<std::vector<BYTE>> derBlocks(const std::string& bytes) {
    std::vector<std::vector<BYTE>> out;
    const std::string begin = "-----BEGIN CERTIFICATE-----", end = "-----END CERTIFICATE-----";
    if (bytes.find(begin) == std::string::npos) {
        out.emplace_back(bytes.begin(), bytes.end());
        return out;
    }
    for (std::size_t at = bytes.find(begin); at != std::string::npos; at = bytes.find(begin, at)) {
        const std::size_t stop = bytes.find(end, at);
        if (stop == std::string::npos) break;
        const std::string block = bytes.substr(at, stop + end.size() - at);
        DWORD size = 0;
        CryptStringToBinaryA(block.c_str(), static_cast<DWORD>(block.size()),
                             CRYPT_STRING_BASE64HEADER, nullptr, &size, nullptr, nullptr);
        std::vector<BYTE> der(size);
        if (CryptStringToBinaryA(block.c_str(), static_cast<DWORD>(block.size()),
                                 CRYPT_STRING_BASE64HEADER, der.data(), &size, nullptr, nullptr))
            out.push_back(std::move(der));
        at = stop;
    }
    return out;
}

std::vector<BYTE> thumbprintBytes(std::string_view hex) {
    std::vector<BYTE> out;
    int nibble = -1;
    for (char c : hex) {
        int v = c >= '0' && c <= '9'                     ? c - '0'
                : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                         : -1;
        if (v < 0) continue;
        if (nibble < 0) {
            nibble = v;
        } else {
            out.push_back(static_cast<BYTE>(nibble << 4 | v));
            nibble = -1;
        }
    }
    return out;
}

} // namespace

ChainKeys chainKeysFromFiles(const std::vector<std::filesystem::path>& files) {
    ChainKeys keys;
    for (const std::filesystem::path& f : files) {
        std::ifstream in(f, std::ios::binary);
        if (!in) return {{}, {}, fmt::format("{} cannot be read", win::narrow(f.wstring()))};
        const std::string bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        for (const auto& der : derBlocks(bytes)) {
            PCCERT_CONTEXT c =
                CertCreateCertificateContext(kEncoding, der.data(), static_cast<DWORD>(der.size()));
            if (!c) continue;
            if (isCa(c)) keys.cas.push_back(caOf(c));
            CertFreeCertificateContext(c);
        }
        keys.source += (keys.source.empty() ? "" : ", ") + win::narrow(f.filename().wstring());
    }
    if (keys.cas.empty())
        keys.whyUnknown = "the certificate file holds no CA certificate (give the issuing CA and "
                          "root, e.g. as one PEM file)";
    return keys;
}

ChainKeys chainKeysFromStore(const std::vector<std::string>& caThumbprints, std::string_view what) {
    ChainKeys keys;
    keys.source = std::string(what) + ", in the certificate stores";
    for (const std::string& t : caThumbprints) {
        std::vector<BYTE> hash = thumbprintBytes(t);
        CRYPT_HASH_BLOB blob{static_cast<DWORD>(hash.size()), hash.data()};
        bool found = false;
        for (DWORD where : {CERT_SYSTEM_STORE_CURRENT_USER, CERT_SYSTEM_STORE_LOCAL_MACHINE})
            for (const wchar_t* name : {L"MY", L"CA", L"Root"}) {
                if (found) break;
                HCERTSTORE store = CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, 0,
                                                 where | CERT_STORE_READONLY_FLAG, name);
                if (!store) continue;
                PCCERT_CONTEXT c = CertFindCertificateInStore(store, kEncoding, 0,
                                                              CERT_FIND_SHA1_HASH, &blob, nullptr);
                if (c) {
                    keys.cas.push_back(caOf(c));
                    CertFreeCertificateContext(c);
                    found = true;
                }
                CertCloseStore(store, 0);
            }
    }
    if (keys.cas.empty())
        keys.whyUnknown = std::string(what) + " are not in this machine's certificate stores";
    return keys;
}

} // namespace aovpn::platform::probe
