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

StorePtr openCurrentUserMy() {
    const DWORD flags =
        CERT_SYSTEM_STORE_CURRENT_USER | CERT_STORE_READONLY_FLAG | CERT_STORE_OPEN_EXISTING_FLAG;
    return StorePtr(CertOpenStore(systemStoreProvider(), 0, 0, flags, L"MY"));
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

Result<std::vector<CertificateInfo>> Win32CertificateStore::listPersonal() {
    StorePtr store = openCurrentUserMy();
    if (!store) {
        const DWORD err = GetLastError();
        // A profile whose personal store was never created (a new account, a fresh Wine
        // prefix) has no certificates: that is an empty list, not a failure.
        if (err == ERROR_FILE_NOT_FOUND) return std::vector<CertificateInfo>{};
        return win32Error("Open the certificate store CurrentUser\\My", err);
    }
    std::vector<CertificateInfo> out;
    PCCERT_CONTEXT c = nullptr;
    while ((c = CertEnumCertificatesInStore(store.get(), c)) != nullptr) {
        out.push_back(describeCertificate(c, store.get()));
        out.back().source = "CurrentUser\\My";
    }
    return out;
}

StoreOwner Win32CertificateStore::storeOwner() {
    Win32Session session;
    auto info = session.query();
    if (!info) return {{}, "CurrentUser\\My"};
    return {info.value().process, "CurrentUser\\My of " + info.value().process.name};
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
    CertificateInfo info = describeCertificate(c, nullptr);
    info.source = narrow(file.wstring());
    CertFreeCertificateContext(c);
    return info;
}

} // namespace aovpn::platform::win
