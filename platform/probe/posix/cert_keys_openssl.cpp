// Check gateway on POSIX: the client certificate chain's CA key hashes, as CERTREQ lists them
// (SHA-1 of SubjectPublicKeyInfo), from certificate files or the authoring-mode certificate
// folder ($XDG_DATA_HOME/aovpn-studio/certificates).
#include "../probe_os.hpp"
#include "offline/openssl_parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <openssl/x509.h>

namespace aovpn::platform::probe {
namespace {

namespace fs = std::filesystem;

ChainKeys::Ca caOf(X509* cert) {
    ChainKeys::Ca ca;
    const CertificateInfo info = offline::describeCertificate(cert);
    ca.name = info.commonName.empty() ? info.subject : info.commonName;
    unsigned char* der = nullptr;
    const int len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
    if (len > 0) ca.keyHash = sha1({der, static_cast<std::size_t>(len)});
    OPENSSL_free(der);
    return ca;
}

fs::path certificateFolder() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x)
        return fs::path(x) / "aovpn-studio" / "certificates";
    if (const char* h = std::getenv("HOME"); h && *h)
        return fs::path(h) / ".local" / "share" / "aovpn-studio" / "certificates";
    return {};
}

std::string normalThumbprint(std::string_view t) {
    std::string out;
    for (char c : t)
        if (std::isxdigit(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

ChainKeys chainKeysFromFiles(const std::vector<fs::path>& files) {
    ChainKeys keys;
    for (const fs::path& f : files) {
        auto loaded = offline::loadCertificateFile(f);
        if (!loaded) {
            keys.whyUnknown = loaded.error().describe();
            return {{}, {}, keys.whyUnknown};
        }
        for (const auto& cert : loaded.value().certs)
            if (offline::isCaCertificate(cert.get())) keys.cas.push_back(caOf(cert.get()));
        keys.source += (keys.source.empty() ? "" : ", ") + f.filename().string();
    }
    if (keys.cas.empty())
        keys.whyUnknown = "the certificate file holds no CA certificate (give the issuing CA and "
                          "root, e.g. as one PEM file)";
    return keys;
}

ChainKeys chainKeysFromStore(const std::vector<std::string>& caThumbprints, std::string_view what) {
    ChainKeys keys;
    keys.source = fmt::format("{}, in the certificate folder", what);
    std::vector<std::string> wanted;
    for (const std::string& t : caThumbprints)
        wanted.push_back(normalThumbprint(t));
    const fs::path dir = certificateFolder();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file(ec)) continue;
        auto loaded = offline::loadCertificateFile(entry.path());
        if (!loaded) continue;
        for (const auto& cert : loaded.value().certs) {
            const std::string thumb = offline::sha1Thumbprint(cert.get());
            if (std::find(wanted.begin(), wanted.end(), thumb) != wanted.end())
                keys.cas.push_back(caOf(cert.get()));
        }
    }
    if (keys.cas.empty()) keys.whyUnknown = fmt::format("{} are not in {}", what, dir.string());
    return keys;
}

} // namespace aovpn::platform::probe
