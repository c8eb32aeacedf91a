#include "folder_certificate_store.hpp"

#include "openssl_parse.hpp"

#include <algorithm>

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

// A matching key in the same file (bundle) or anywhere in the folder; an encrypted key next to
// the certificate (same stem, .key) counts too, since we cannot open it without its password.
bool privateKeyFor(X509* cert, const LoadedFile& own, const std::vector<LoadedFile>& folder) {
    auto matches = [cert](const LoadedFile& f) {
        return std::any_of(f.keys.begin(), f.keys.end(), [cert](const PkeyPtr& k) {
            return X509_check_private_key(cert, k.get()) == 1;
        });
    };
    if (matches(own)) return true;
    for (const auto& f : folder) {
        if (matches(f)) return true;
        if (f.hasEncryptedKey && f.path.stem() == own.path.stem() && f.path != own.path)
            return true;
    }
    return false;
}

// Leaf first, up to the self-signed root, using the folder's certificates as the CA pool.
void addChain(X509* cert, const std::vector<X509*>& pool, CertificateInfo& info) {
    X509* current = cert;
    info.chainThumbprints.push_back(info.thumbprint);
    for (int depth = 0; depth < 10 && !issuedBy(current, current); ++depth) {
        auto it = std::find_if(pool.begin(), pool.end(),
                               [&](X509* ca) { return ca != current && issuedBy(current, ca); });
        if (it == pool.end()) break;
        current = *it;
        info.chainThumbprints.push_back(sha1Thumbprint(current));
    }
    info.chainComplete = issuedBy(current, current);
    if (info.chainThumbprints.size() > 1) info.issuingCaThumbprint = info.chainThumbprints[1];
    if (info.chainComplete) info.rootThumbprint = info.chainThumbprints.back();
}

std::vector<X509*> certPool(const std::vector<LoadedFile>& files) {
    std::vector<X509*> pool;
    for (const auto& f : files)
        for (const auto& c : f.certs)
            pool.push_back(c.get());
    return pool;
}
} // namespace

FolderCertificateStore::FolderCertificateStore(fs::path dir) : dir_(std::move(dir)) {}

Result<std::vector<CertificateInfo>> FolderCertificateStore::listPersonal() {
    std::vector<CertificateInfo> out;
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) return out; // no folder yet: no certificates
    const auto files = loadFolder(dir_);
    const auto pool = certPool(files);
    for (const auto& f : files) {
        for (const auto& c : f.certs) {
            if (isCaCertificate(c.get())) continue;
            CertificateInfo info = describeCertificate(c.get());
            info.hasPrivateKey = privateKeyFor(c.get(), f, files);
            addChain(c.get(), pool, info);
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
    info.hasPrivateKey = privateKeyFor(cert, loaded.value(), {});
    // The file's other certificates plus the folder's CAs complete the chain when they can.
    std::error_code ec;
    auto folder = fs::is_directory(dir_, ec) ? loadFolder(dir_) : std::vector<LoadedFile>{};
    auto pool = certPool(folder);
    for (const auto& c : loaded.value().certs)
        pool.push_back(c.get());
    addChain(cert, pool, info);
    info.source = file.string();
    return info;
}

} // namespace aovpn::platform::offline
