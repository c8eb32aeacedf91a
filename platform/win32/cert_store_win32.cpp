// CurrentUser\My through CryptoAPI, and single .cer/.pem files.
#include "cert_store_win32.hpp"

#include "platform/atomic_file.hpp"

#include "cert_fields_win32.hpp"
#include "session_win32.hpp"
#include "win_util.hpp"

namespace aovpn::platform::win {

namespace {
constexpr DWORD kEncoding = X509_ASN_ENCODING | PKCS_7_ASN_ENCODING;
constexpr std::uintmax_t kMaxCertificateFileBytes = 16u * 1024 * 1024;

struct StoreCloser {
    void operator()(void* s) const { CertCloseStore(s, 0); }
};
using StorePtr = std::unique_ptr<void, StoreCloser>;

// CERT_STORE_PROV_SYSTEM_W is ((LPCSTR)10) in the SDK; spelled without the C-style cast.
LPCSTR systemStoreProvider() {
    return reinterpret_cast<LPCSTR>(std::uintptr_t{10});
}

bool otherUser(const Win32CertificateStore::Owners& o) {
    return o.target && o.target->sid != o.process.sid;
}

// CurrentUser\My, or the target user's My under HKEY_USERS\<SID>.
StorePtr openPersonal(const Win32CertificateStore::Owners& o) {
    const DWORD common = CERT_STORE_READONLY_FLAG | CERT_STORE_OPEN_EXISTING_FLAG;
    if (!otherUser(o))
        return StorePtr(CertOpenStore(systemStoreProvider(), 0, 0,
                                      CERT_SYSTEM_STORE_CURRENT_USER | common, L"MY"));
    // The registry store of HKEY_USERS\<SID>\...\My: what CERT_SYSTEM_STORE_USERS "<SID>\MY"
    // opens, spelled as a registry provider (Wine has no CERT_SYSTEM_STORE_USERS).
    const std::wstring path =
        widen(o.target->sid) + L"\\Software\\Microsoft\\SystemCertificates\\My";
    HKEY key = nullptr;
    const LONG rc = RegOpenKeyExW(HKEY_USERS, path.c_str(), 0, KEY_READ, &key);
    if (rc != ERROR_SUCCESS) {
        SetLastError(static_cast<DWORD>(rc));
        return nullptr;
    }
    // CERT_STORE_PROV_REG is ((LPCSTR)4); the store keeps its own handle to the key.
    StorePtr store(CertOpenStore(reinterpret_cast<LPCSTR>(std::uintptr_t{4}), 0, 0,
                                 CERT_STORE_READONLY_FLAG, key));
    const DWORD err = GetLastError();
    RegCloseKey(key);
    SetLastError(err);
    return store;
}

std::string storeText(const Win32CertificateStore::Owners& o) {
    if (!otherUser(o)) return "CurrentUser\\My of " + o.process.name;
    return "the personal store of " + o.target->name + " (HKEY_USERS\\" + o.target->sid +
           "\\...\\My), read as " + o.process.name;
}

// PEM text ("-----BEGIN CERTIFICATE-----") or raw DER bytes -> DER.
std::optional<std::vector<BYTE>> toDer(const std::string& bytes) {
    if (bytes.find("-----BEGIN") == std::string::npos)
        return std::vector<BYTE>(bytes.begin(), bytes.end());
    DWORD size = 0;
    const auto len = static_cast<DWORD>(bytes.size());
    if (!CryptStringToBinaryA(bytes.data(), len, CRYPT_STRING_BASE64HEADER, nullptr, &size, nullptr,
                              nullptr))
        return std::nullopt;
    std::vector<BYTE> der(size);
    if (!CryptStringToBinaryA(bytes.data(), len, CRYPT_STRING_BASE64HEADER, der.data(), &size,
                              nullptr, nullptr))
        return std::nullopt;
    der.resize(size);
    return der;
}
} // namespace

Win32CertificateStore::Win32CertificateStore()
    : owners_([] {
          Win32Session session;
          auto info = session.query();
          if (!info) return Owners{};
          return Owners{info.value().process, info.value().sessionUser};
      }) {}

Win32CertificateStore::Win32CertificateStore(std::function<Owners()> owners)
    : owners_(std::move(owners)) {}

Result<std::vector<CertificateInfo>> Win32CertificateStore::listPersonal() {
    const Owners o = owners_();
    StorePtr store = openPersonal(o);
    if (!store) {
        const DWORD err = GetLastError();
        // A profile whose personal store was never created (a new account, a fresh Wine
        // prefix) has no certificates: that is an empty list, not a failure.
        if (err == ERROR_FILE_NOT_FOUND) return std::vector<CertificateInfo>{};
        return win32Error("Open " + storeText(o), err);
    }
    std::vector<CertificateInfo> out;
    PCCERT_CONTEXT c = nullptr;
    const bool other = otherUser(o);
    while ((c = CertEnumCertificatesInStore(store.get(), c)) != nullptr) {
        out.push_back(describeCertificate(c, store.get(), !other));
        out.back().source = other ? o.target->name + ": My" : "CurrentUser\\My";
    }
    return out;
}

StoreOwner Win32CertificateStore::storeOwner() {
    const Owners o = owners_();
    return {otherUser(o) ? *o.target : o.process, storeText(o)};
}

Result<CertificateInfo>
Win32CertificateStore::readCertificateFile(const std::filesystem::path& file) {
    const std::string action = "Read the certificate file " + narrow(file.wstring());
    // Regular files only (a pipe or device would hang or never end), and a size cap.
    auto read = readRegularFile(file, kMaxCertificateFileBytes, action);
    if (!read) return read.error();
    const auto der = toDer(read.value());
    PCCERT_CONTEXT c =
        der ? CertCreateCertificateContext(kEncoding, der->data(), static_cast<DWORD>(der->size()))
            : nullptr;
    if (!c) {
        Error e = hresultError(action, HRESULT_FROM_WIN32(GetLastError()));
        e.meaning = "The file is not a PEM or DER (.cer) certificate.";
        e.nextStep = "Export the certificate as Base-64 (.pem/.cer) or DER (.cer) and try again.";
        return e;
    }
    CertificateInfo info = describeCertificate(c, nullptr, true);
    info.source = narrow(file.wstring());
    CertFreeCertificateContext(c);
    return info;
}

} // namespace aovpn::platform::win
