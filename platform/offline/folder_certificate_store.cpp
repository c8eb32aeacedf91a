#include "folder_certificate_store.hpp"

#include "openssl_parse.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace aovpn::platform::offline {

namespace fs = std::filesystem;

namespace {
bool looksLikeCertOrKey(const fs::path& p) {
    static const char* exts[] = {".pem", ".crt", ".cer", ".der", ".key"};
    const auto ext = p.extension().string();
    return std::any_of(std::begin(exts), std::end(exts), [&](const char* e) { return ext == e; });
}

// Everything parseable in the folder. Unreadable files are skipped: one bad file must not hide
// the user's certificates.
std::vector<LoadedFile> loadFolder(const fs::path& dir) {
    std::vector<LoadedFile> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file(ec) || !looksLikeCertOrKey(entry.path())) continue;
        if (auto loaded = loadCertificateFile(entry.path()))
            files.push_back(std::move(loaded.value()));
    }
    std::sort(files.begin(), files.end(), [](auto& a, auto& b) { return a.path < b.path; });
    return files;
}

// DER bytes an i2d_* function allocated, as a string (freed here): the keys of the indexes below.
std::string takeDer(int n, unsigned char* der) {
    std::string out = n > 0 ? std::string(reinterpret_cast<char*>(der), static_cast<std::size_t>(n))
                            : std::string();
    OPENSSL_free(der);
    return out;
}

std::string nameKey(const X509_NAME* name) {
    unsigned char* der = nullptr;
    const int n = i2d_X509_NAME(name, &der);
    return takeDer(n, der);
}

std::string publicKeyKey(const EVP_PKEY* key) {
    unsigned char* der = nullptr;
    const int n = i2d_PUBKEY(key, &der);
    return takeDer(n, der);
}

// The folder's certificates by subject and its keys by public key, so a bundle of 10,000
// certificates is described in n log n instead of comparing every pair.
struct Indexes {
    std::multimap<std::string, X509*> bySubject;
    std::set<std::string> keys;

    void addCerts(const LoadedFile& f) {
        for (const auto& c : f.certs)
            bySubject.emplace(nameKey(X509_get_subject_name(c.get())), c.get());
    }
    void addKeys(const LoadedFile& f) {
        for (const auto& k : f.keys)
            keys.insert(publicKeyKey(k.get()));
    }
    X509* issuerOf(X509* cert) const {
        const auto [first, last] = bySubject.equal_range(nameKey(X509_get_issuer_name(cert)));
        for (auto it = first; it != last; ++it)
            if (it->second != cert && issuedBy(cert, it->second)) return it->second;
        return nullptr;
    }
    // The certificate's SubjectPublicKeyInfo as encoded (no key decoding: that costs a
    // provider lookup per certificate in OpenSSL 3).
    bool hasKeyFor(X509* cert) const {
        if (keys.empty()) return false;
        unsigned char* der = nullptr;
        const int n = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
        return keys.count(takeDer(n, der)) > 0;
    }
};

Indexes indexFolder(const std::vector<LoadedFile>& files) {
    Indexes ix;
    for (const auto& f : files) {
        ix.addCerts(f);
        ix.addKeys(f);
    }
    return ix;
}

// A matching key anywhere in the folder (bundle or separate file); an encrypted key next to the
// certificate (same stem, .key) counts too, since we cannot open it without its password.
bool privateKeyFor(X509* cert, const LoadedFile& own, const Indexes& ix,
                   const std::set<std::string>& encryptedStems) {
    if (ix.hasKeyFor(cert)) return true;
    return encryptedStems.count(own.path.stem().string()) > 0;
}

// Leaf first, up to the self-signed root (at most 10 steps).
void addChain(X509* cert, const Indexes& ix, CertificateInfo& info) {
    X509* current = cert;
    info.chainThumbprints.push_back(info.thumbprint);
    for (int depth = 0; depth < 10 && !selfIssued(current); ++depth) {
        X509* next = ix.issuerOf(current);
        if (!next) break;
        current = next;
        info.chainThumbprints.push_back(sha1Thumbprint(current));
    }
    info.chainComplete = selfIssued(current) && issuedBy(current, current);
    if (info.chainThumbprints.size() > 1) info.issuingCaThumbprint = info.chainThumbprints[1];
    if (!info.chainComplete) return;
    info.rootThumbprint = info.chainThumbprints.back();
    info.rootCommonName = describeCertificate(current).commonName;
}

// Stems of files holding an encrypted key other than `own`'s own file.
std::set<std::string> encryptedKeyStems(const std::vector<LoadedFile>& files) {
    std::set<std::string> out;
    for (const auto& f : files)
        if (f.hasEncryptedKey && f.certs.empty()) out.insert(f.path.stem().string());
    return out;
}
} // namespace

FolderCertificateStore::FolderCertificateStore(fs::path dir) : dir_(std::move(dir)) {}

StoreOwner FolderCertificateStore::storeOwner() {
    return {{}, "the certificate files in " + dir_.string()};
}

Result<std::vector<CertificateInfo>> FolderCertificateStore::listPersonal() {
    std::vector<CertificateInfo> out;
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) return out; // no folder yet: no certificates
    const auto files = loadFolder(dir_);
    const Indexes ix = indexFolder(files);
    const auto encrypted = encryptedKeyStems(files);
    for (const auto& f : files) {
        for (const auto& c : f.certs) {
            if (isCaCertificate(c.get())) continue;
            CertificateInfo info = describeCertificate(c.get());
            info.hasPrivateKey = privateKeyFor(c.get(), f, ix, encrypted);
            addChain(c.get(), ix, info);
            info.source = f.path.string();
            out.push_back(std::move(info));
        }
    }
    return out;
}

Result<CertificateInfo> FolderCertificateStore::readCertificateFile(const fs::path& file) {
    auto loaded = loadCertificateFile(file);
    if (!loaded) return loaded.error();
    if (loaded.value().certs.empty())
        return makeError("Read the certificate file " + file.string(), CodeKind::None, 0,
                         "The file holds a key but no certificate.");
    X509* cert = loaded.value().certs.front().get();
    CertificateInfo info = describeCertificate(cert);
    Indexes own;
    own.addKeys(loaded.value());
    info.hasPrivateKey = own.hasKeyFor(cert);
    // The file's other certificates plus the folder's CAs complete the chain when they can.
    std::error_code ec;
    auto folder = fs::is_directory(dir_, ec) ? loadFolder(dir_) : std::vector<LoadedFile>{};
    Indexes ix = indexFolder(folder);
    ix.addCerts(loaded.value());
    addChain(cert, ix, info);
    info.source = file.string();
    return info;
}

} // namespace aovpn::platform::offline
