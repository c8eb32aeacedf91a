// Offline certificate folder parsed with OpenSSL: every field the certificate picker needs.
#ifndef _WIN32
#include "platform/platform.hpp"

#include "offline/folder_certificate_store.hpp"
#include "openssl_test_certs.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>

using namespace aovpn::platform;
using namespace aovpn::test;
namespace fs = std::filesystem;

namespace {
struct Folder {
    fs::path dir;
    Key caKey = newKey();
    Cert ca;
    std::map<std::string, Cert> leaves;
};

// A CA and five leaves: with key in a bundle, with a separate .key file, without key, expired,
// and one without client-auth EKU.
Folder makeFolder() {
    Folder f;
    f.dir = fs::path(scratchDir()) / "offline-certs";
    fs::remove_all(f.dir);
    fs::create_directories(f.dir);
    f.ca =
        makeCert({"AOVPN Test Root CA", -1, 3650, true, "", ""}, f.caKey.get(), nullptr, nullptr);
    writePem(f.dir / "root-ca.pem", f.ca.get());
    auto leaf = [&](const std::string& name, CertSpec spec, bool bundleKey, bool keyFile) {
        Key k = newKey();
        f.leaves[name] = makeCert(spec, k.get(), f.ca.get(), f.caKey.get());
        writePem(f.dir / (name + ".pem"), f.leaves[name].get(), bundleKey ? k.get() : nullptr);
        if (keyFile) writePem(f.dir / (name + "-private.key"), nullptr, k.get());
    };
    leaf("alice",
         {"Alice", -1, 365, false, "clientAuth",
          "email:alice@corp.example,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:alice@corp.example"},
         true, false);
    leaf("bob", {"Bob", -1, 365, false, "clientAuth,serverAuth", ""}, false, true);
    leaf("nokey", {"No Key", -1, 365, false, "clientAuth", ""}, false, false);
    leaf("expired", {"Expired", -400, -30, false, "clientAuth", ""}, true, false);
    leaf("server", {"vpn.corp.example", -1, 365, false, "serverAuth", ""}, true, false);
    std::ofstream(f.dir / "garbage.pem") << "-----BEGIN CERTIFICATE-----\nnot base64\n";
    return f;
}

const CertificateInfo& byCn(const std::vector<CertificateInfo>& all, const std::string& cn) {
    auto it = std::find_if(all.begin(), all.end(), [&](auto& c) { return c.commonName == cn; });
    REQUIRE(it != all.end());
    return *it;
}
} // namespace

TEST_CASE("the folder's end-entity certificates are listed with every field") {
    Folder f = makeFolder();
    offline::FolderCertificateStore store(f.dir);
    auto listed = store.listPersonal();
    REQUIRE(listed);
    const auto& all = listed.value();
    CHECK(all.size() == 5); // the CA only serves the chain; garbage.pem is skipped

    const auto& alice = byCn(all, "Alice");
    CHECK(alice.subject == "O=AOVPN Test, CN=Alice");
    CHECK(alice.issuer == "O=AOVPN Test, CN=AOVPN Test Root CA");
    CHECK(alice.issuerCommonName == "AOVPN Test Root CA");
    CHECK(alice.upn == "alice@corp.example");
    CHECK(alice.email == "alice@corp.example");
    CHECK(alice.thumbprint == thumbprint(f.leaves["alice"].get()));
    CHECK(alice.thumbprint.size() == 40);
    CHECK(alice.hasPrivateKey);
    CHECK(alice.hasEkuExtension);
    CHECK(alice.clientAuth);
    CHECK(alice.ekuOids == std::vector<std::string>{"1.3.6.1.5.5.7.3.2"});
    CHECK(alice.issuingCaThumbprint == thumbprint(f.ca.get()));
    CHECK(alice.rootThumbprint == thumbprint(f.ca.get()));
    CHECK(alice.rootCommonName == "AOVPN Test Root CA");
    CHECK(alice.chainComplete);
    CHECK(alice.chainThumbprints.size() == 2);
    const auto now =
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    CHECK_FALSE(alice.expiredAt(now));
    CHECK(alice.validTo - alice.validFrom > std::chrono::hours(24 * 360));
}

TEST_CASE("private key: bundle, separate key file, or none; expiry; EKU") {
    Folder f = makeFolder();
    offline::FolderCertificateStore store(f.dir);
    const auto all = store.listPersonal().value();
    CHECK(byCn(all, "Bob").hasPrivateKey); // bob-private.key matches
    CHECK(byCn(all, "Bob").ekuOids.size() == 2);
    CHECK_FALSE(byCn(all, "No Key").hasPrivateKey);
    const auto now =
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    CHECK(byCn(all, "Expired").expiredAt(now));
    CHECK_FALSE(byCn(all, "vpn.corp.example").clientAuth);
    CHECK(byCn(all, "vpn.corp.example").ekuOids == std::vector<std::string>{"1.3.6.1.5.5.7.3.1"});
}

TEST_CASE("a server root CA file reads as DER (.cer) and PEM alike") {
    Folder f = makeFolder();
    const auto der = f.dir / "VpnServerRoot.cer";
    writeDer(der, f.ca.get());
    offline::FolderCertificateStore store(fs::path(scratchDir()) / "no-such-folder");
    auto fromDer = store.readCertificateFile(der);
    REQUIRE(fromDer);
    CHECK(fromDer.value().thumbprint == thumbprint(f.ca.get()));
    CHECK(fromDer.value().selfSigned);
    CHECK(fromDer.value().chainComplete);
    CHECK(fromDer.value().rootThumbprint == fromDer.value().thumbprint);
    CHECK_FALSE(fromDer.value().hasEkuExtension);
    auto fromPem = store.readCertificateFile(f.dir / "root-ca.pem");
    REQUIRE(fromPem);
    CHECK(fromPem.value().thumbprint == fromDer.value().thumbprint);
}

TEST_CASE("unreadable certificate files give an explained error") {
    Folder f = makeFolder();
    offline::FolderCertificateStore store(f.dir);
    auto bad = store.readCertificateFile(f.dir / "garbage.pem");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().action.find("garbage.pem") != std::string::npos);
    CHECK(!bad.error().nextStep.empty());
    auto missing = store.readCertificateFile(f.dir / "missing.cer");
    REQUIRE_FALSE(missing);
}

TEST_CASE("a leaf whose CA is not in the folder has an open chain") {
    Folder f = makeFolder();
    fs::remove(f.dir / "root-ca.pem");
    offline::FolderCertificateStore store(f.dir);
    const auto certs = store.listPersonal().value(); // keep the list alive: alice refers into it
    const auto& alice = byCn(certs, "Alice");
    CHECK_FALSE(alice.chainComplete);
    CHECK(alice.issuingCaThumbprint.empty());
    CHECK(alice.rootThumbprint.empty());
}
#endif
