// Test tool (Windows build only, run under Wine by scripts/wine-import-cert.sh): puts test
// certificates where the app's picker looks, and lists what the picker then sees.
//   aovpn_import_cert import FILE   .pfx/.p12 (password from AOVPN_PFX_PASSWORD, may be unset),
//                                   or a certificate alone, DER or PEM
//   aovpn_import_cert list          the picker's view: the product's own certificate store code
//   aovpn_import_cert remove THUMB  deletes the certificate from CurrentUser\My, Root and CA
// A certificate with a private key goes to CurrentUser\My; a self-signed CA to CurrentUser\Root
// (the chain's anchor), another CA to CurrentUser\CA, anything else to CurrentUser\My.
#include "platform/platform.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>
// clang-format off
#include <windows.h>
#include <wincrypt.h>
#include <shellapi.h>
// clang-format on

namespace {

std::string thumbprintOf(PCCERT_CONTEXT c) {
    BYTE hash[20];
    DWORD size = sizeof hash;
    if (!CertGetCertificateContextProperty(c, CERT_SHA1_HASH_PROP_ID, hash, &size)) return {};
    std::string out;
    for (DWORD i = 0; i < size; ++i) {
        char two[3];
        std::snprintf(two, sizeof two, "%02X", hash[i]);
        out += two;
    }
    return out;
}

std::string subjectOf(PCCERT_CONTEXT c) {
    char name[512] = {};
    CertGetNameStringA(c, CERT_NAME_SIMPLE_DISPLAY_TYPE, 0, nullptr, name, sizeof name);
    return name;
}

bool hasKey(PCCERT_CONTEXT c) {
    DWORD size = 0;
    return CertGetCertificateContextProperty(c, CERT_KEY_PROV_INFO_PROP_ID, nullptr, &size) != 0;
}

bool isCa(PCCERT_CONTEXT c) {
    PCERT_EXTENSION ext = CertFindExtension(szOID_BASIC_CONSTRAINTS2, c->pCertInfo->cExtension,
                                            c->pCertInfo->rgExtension);
    if (!ext) return false;
    CERT_BASIC_CONSTRAINTS2_INFO info{};
    DWORD size = sizeof info;
    if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_BASIC_CONSTRAINTS2, ext->Value.pbData,
                             ext->Value.cbData, 0, nullptr, &info, &size))
        return false;
    return info.fCA != FALSE;
}

bool selfSigned(PCCERT_CONTEXT c) {
    return CertCompareCertificateName(X509_ASN_ENCODING, &c->pCertInfo->Subject,
                                      &c->pCertInfo->Issuer) != FALSE;
}

const wchar_t* storeFor(PCCERT_CONTEXT c) {
    if (hasKey(c)) return L"My";
    if (isCa(c)) return selfSigned(c) ? L"Root" : L"CA";
    return L"My";
}

bool addTo(PCCERT_CONTEXT c) {
    const wchar_t* name = storeFor(c);
    HCERTSTORE store =
        CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, 0, CERT_SYSTEM_STORE_CURRENT_USER, name);
    if (!store) {
        std::fprintf(stderr, "cannot open CurrentUser\\%ls (error %lu)\n", name, GetLastError());
        return false;
    }
    const bool ok =
        CertAddCertificateContextToStore(store, c, CERT_STORE_ADD_REPLACE_EXISTING, nullptr);
    if (ok)
        std::printf("imported %s  %s  into CurrentUser\\%ls%s\n", thumbprintOf(c).c_str(),
                    subjectOf(c).c_str(), name, hasKey(c) ? " (with its private key)" : "");
    else
        std::fprintf(stderr, "cannot add %s to CurrentUser\\%ls (error %lu)\n",
                     subjectOf(c).c_str(), name, GetLastError());
    CertCloseStore(store, 0);
    return ok;
}

std::wstring passwordFromEnvironment() {
    const wchar_t* p = _wgetenv(L"AOVPN_PFX_PASSWORD");
    return p ? p : L"";
}

int importPfx(std::vector<BYTE>& bytes) {
    CRYPT_DATA_BLOB blob{static_cast<DWORD>(bytes.size()), bytes.data()};
    const std::wstring password = passwordFromEnvironment();
    HCERTSTORE pfx =
        PFXImportCertStore(&blob, password.c_str(), CRYPT_USER_KEYSET | CRYPT_EXPORTABLE);
    if (!pfx) {
        std::fprintf(stderr,
                     "the PFX could not be opened (error %lu): wrong password "
                     "(AOVPN_PFX_PASSWORD) or not a PKCS#12 file\n",
                     GetLastError());
        return 1;
    }
    int added = 0, failed = 0;
    for (PCCERT_CONTEXT c = nullptr; (c = CertEnumCertificatesInStore(pfx, c)) != nullptr;)
        (addTo(c) ? added : failed)++;
    CertCloseStore(pfx, 0);
    if (added == 0 && failed == 0) std::fprintf(stderr, "the PFX holds no certificate\n");
    return added > 0 && failed == 0 ? 0 : 1;
}

int importCertificate(std::vector<BYTE>& bytes) {
    std::vector<BYTE> der = bytes;
    DWORD size = 0;
    const auto text = reinterpret_cast<const char*>(bytes.data());
    if (CryptStringToBinaryA(text, static_cast<DWORD>(bytes.size()), CRYPT_STRING_BASE64HEADER,
                             nullptr, &size, nullptr, nullptr)) {
        der.resize(size);
        CryptStringToBinaryA(text, static_cast<DWORD>(bytes.size()), CRYPT_STRING_BASE64HEADER,
                             der.data(), &size, nullptr, nullptr);
        der.resize(size);
    }
    PCCERT_CONTEXT c =
        CertCreateCertificateContext(X509_ASN_ENCODING, der.data(), static_cast<DWORD>(der.size()));
    if (!c) {
        std::fprintf(stderr, "not a certificate (DER or PEM) nor a PFX (error %lu)\n",
                     GetLastError());
        return 1;
    }
    const bool ok = addTo(c);
    CertFreeCertificateContext(c);
    return ok ? 0 : 1;
}

int runImport(const std::wstring& file) {
    std::ifstream in(file.c_str(), std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot open %ls\n", file.c_str());
        return 1;
    }
    std::vector<BYTE> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CRYPT_DATA_BLOB blob{static_cast<DWORD>(bytes.size()), bytes.data()};
    return PFXIsPFXBlob(&blob) ? importPfx(bytes) : importCertificate(bytes);
}

int runList() {
    auto platform = aovpn::platform::makeSystemPlatform();
    auto& store = platform->certificates();
    auto listed = store.listPersonal();
    if (!listed) {
        std::fprintf(stderr, "%s\n", listed.error().describe().c_str());
        return 1;
    }
    std::printf("%s\n", store.storeOwner().description.c_str());
    for (const auto& c : listed.value())
        std::printf("%s  %s  key=%s clientAuth=%s eku=%s chain=%s\n", c.thumbprint.c_str(),
                    c.subject.c_str(), c.hasPrivateKey ? "yes" : "no", c.clientAuth ? "yes" : "no",
                    c.hasEkuExtension ? "listed" : "none",
                    c.chainComplete ? "complete" : "incomplete");
    return 0;
}

// The key container a certificate's key lives in goes with it (CryptoAPI keys only).
void deleteKeyOf(PCCERT_CONTEXT c) {
    DWORD size = 0;
    if (!CertGetCertificateContextProperty(c, CERT_KEY_PROV_INFO_PROP_ID, nullptr, &size)) return;
    std::vector<BYTE> buffer(size);
    if (!CertGetCertificateContextProperty(c, CERT_KEY_PROV_INFO_PROP_ID, buffer.data(), &size))
        return;
    const auto* info = reinterpret_cast<const CRYPT_KEY_PROV_INFO*>(buffer.data());
    if (info->dwProvType == 0) return; // a CNG key: not ours to guess at
    HCRYPTPROV prov = 0;
    CryptAcquireContextW(&prov, info->pwszContainerName, info->pwszProvName, info->dwProvType,
                         CRYPT_DELETEKEYSET | (info->dwFlags & CRYPT_MACHINE_KEYSET));
}

int removeFrom(const wchar_t* name, const std::vector<BYTE>& sha1) {
    // The registry store itself, not the system store's collection: under Wine a delete through
    // the collection is reported done but never written back.
    HCERTSTORE store = CertOpenStore(CERT_STORE_PROV_SYSTEM_REGISTRY_W, 0, 0,
                                     CERT_SYSTEM_STORE_CURRENT_USER, name);
    if (!store) return 0;
    CRYPT_HASH_BLOB blob{static_cast<DWORD>(sha1.size()), const_cast<BYTE*>(sha1.data())};
    int removed = 0;
    // Find-and-delete until none is left: a system store may hold several physical copies, and
    // deleting while enumerating loops for ever under Wine.
    while (PCCERT_CONTEXT c = CertFindCertificateInStore(store, X509_ASN_ENCODING, 0,
                                                         CERT_FIND_SHA1_HASH, &blob, nullptr)) {
        const std::string t = thumbprintOf(c);
        deleteKeyOf(c);
        if (!CertDeleteCertificateFromStore(c)) break; // frees c
        std::printf("removed %s from CurrentUser\\%ls\n", t.c_str(), name);
        ++removed;
    }
    if (removed > 0) CertControlStore(store, 0, CERT_STORE_CTRL_COMMIT, nullptr);
    CertCloseStore(store, 0);
    return removed;
}

int runRemove(const std::wstring& thumbprint) {
    std::vector<BYTE> sha1;
    for (std::size_t i = 0; i + 1 < thumbprint.size() + 1 && i + 2 <= thumbprint.size(); i += 2)
        sha1.push_back(
            static_cast<BYTE>(std::wcstoul(thumbprint.substr(i, 2).c_str(), nullptr, 16)));
    if (thumbprint.size() != 40 ||
        thumbprint.find_first_not_of(L"0123456789abcdefABCDEF") != std::wstring::npos) {
        std::fprintf(stderr, "a thumbprint is 40 hex digits: %ls\n", thumbprint.c_str());
        return 2;
    }
    int removed = 0;
    for (const wchar_t* name : {L"My", L"Root", L"CA"})
        removed += removeFrom(name, sha1);
    if (removed == 0)
        std::fprintf(stderr, "no certificate %ls in My, Root or CA\n", thumbprint.c_str());
    return removed > 0 ? 0 : 1;
}

} // namespace

int main() {
    int argc = 0;
    wchar_t** argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    const std::wstring cmd = argc > 1 ? argv[1] : L"";
    if (cmd == L"import" && argc == 3) return runImport(argv[2]);
    if (cmd == L"list" && argc == 2) return runList();
    if (cmd == L"remove" && argc == 3) return runRemove(argv[2]);
    std::fprintf(stderr, "usage: aovpn_import_cert import FILE | list | remove THUMBPRINT\n");
    return 2;
}
