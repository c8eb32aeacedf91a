// CryptoAPI for real (under Wine in CI): certificates created in CurrentUser\My are listed with
// every field the picker needs, then removed.
#ifdef _WIN32
#include "platform/platform.hpp"

#include "test_paths.hpp"
#include "win32_test_certs.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

using namespace aovpn::platform;
using aovpn::test::CertOptions;

namespace {
const CertificateInfo* byThumbprint(const std::vector<CertificateInfo>& all, const std::string& t) {
    auto it = std::find_if(all.begin(), all.end(), [&](auto& c) { return c.thumbprint == t; });
    return it == all.end() ? nullptr : &*it;
}

std::chrono::sys_seconds now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// Wine gaps found here (see the README's "never run on real Windows" section): it cannot decode
// an otherName (UPN) SAN, and deleting from a system store is not seen by later opens in the same
// process. Those checks are strict on Windows and warnings under Wine.
bool underWine() {
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    return ntdll && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}

const std::string kClientAuth(kClientAuthOid);
const std::string kServerAuth = "1.3.6.1.5.5.7.3.1";
} // namespace

TEST_CASE("CurrentUser\\My lists self-signed certificates with every field") {
    aovpn::test::CryptoApiCerts made;
    CertOptions alice;
    alice.cn = L"AOVPN Alice";
    alice.eku = {kClientAuth};
    alice.email = L"alice@corp.example";
    const auto tAlice = made.selfSigned(alice);
    CertOptions noKey{L"AOVPN No Key", -1, 365, false, false, {kClientAuth}, {}, {}};
    const auto tNoKey = made.selfSigned(noKey);
    CertOptions expired{L"AOVPN Expired", -400, -30, true, false, {kClientAuth}, {}, {}};
    const auto tExpired = made.selfSigned(expired);
    CertOptions server{L"AOVPN Server Only", -1, 365, true, false, {kServerAuth}, {}, {}};
    const auto tServer = made.selfSigned(server);
    REQUIRE(!tAlice.empty());

    auto p = makeSystemPlatform();
    auto listed = p->certificates().listPersonal();
    REQUIRE(listed);
    const auto& all = listed.value();

    const auto* a = byThumbprint(all, tAlice);
    REQUIRE(a);
    CHECK(a->commonName == "AOVPN Alice");
    CHECK(a->subject.find("CN=AOVPN Alice") != std::string::npos);
    CHECK(a->subject.find("O=AOVPN Test") != std::string::npos);
    CHECK(a->issuerCommonName == "AOVPN Alice");
    CHECK(a->thumbprint.size() == 40);
    CHECK(a->email == "alice@corp.example");
    CHECK(a->upn.empty());
    CHECK(a->hasPrivateKey);
    CHECK(a->hasEkuExtension);
    CHECK(a->clientAuth);
    CHECK(a->ekuOids == std::vector<std::string>{kClientAuth});
    CHECK(a->selfSigned);
    CHECK(a->chainComplete);
    CHECK(a->rootThumbprint == tAlice);
    CHECK(a->source == "CurrentUser\\My");
    CHECK_FALSE(a->expiredAt(now()));
    CHECK(a->validTo - a->validFrom > std::chrono::hours(24 * 360));

    const auto* n = byThumbprint(all, tNoKey);
    REQUIRE(n);
    CHECK_FALSE(n->hasPrivateKey);
    const auto* e = byThumbprint(all, tExpired);
    REQUIRE(e);
    CHECK(e->expiredAt(now()));
    const auto* s = byThumbprint(all, tServer);
    REQUIRE(s);
    CHECK_FALSE(s->clientAuth);
    CHECK(s->ekuOids == std::vector<std::string>{kServerAuth});
}

TEST_CASE(
    "a certificate issued by a test CA names the CA and the root (IssuerHash, TrustedRootCA)") {
    aovpn::test::CryptoApiCerts made;
    // Unique per run, so a CA left by an earlier crashed run cannot stand in for this one.
    const std::wstring caName = L"AOVPN Test Issuing CA " + std::to_wstring(GetTickCount64());
    const auto tCa = made.makeCa(caName);
    REQUIRE(!tCa.empty());
    CertOptions leaf{L"AOVPN Chained", -1, 365, true, false, {kClientAuth, kServerAuth}, {}, {}};
    const auto tLeaf = made.signedByCa(leaf);
    REQUIRE(!tLeaf.empty());
    CertOptions noEku{L"AOVPN No EKU", -1, 365, true, false, {}, {}, {}};
    const auto tNoEku = made.signedByCa(noEku);

    auto p = makeSystemPlatform();
    const auto all = p->certificates().listPersonal().value();
    const auto* l = byThumbprint(all, tLeaf);
    REQUIRE(l);
    CHECK(l->issuerCommonName.rfind("AOVPN Test Issuing CA ", 0) == 0);
    CHECK_FALSE(l->selfSigned);
    CHECK(l->hasPrivateKey);
    CHECK(l->clientAuth);
    CHECK(l->ekuOids.size() == 2);
    CHECK(l->issuingCaThumbprint == tCa);
    CHECK(l->rootThumbprint == tCa);
    CHECK(l->rootCommonName == l->issuerCommonName); // the issuing CA is the root here
    CHECK(l->chainThumbprints == std::vector<std::string>{tLeaf, tCa});
    const auto* ne = byThumbprint(all, tNoEku);
    REQUIRE(ne);
    CHECK_FALSE(ne->hasEkuExtension);
    CHECK_FALSE(ne->clientAuth);
}

TEST_CASE("a server root CA reads from .cer (DER) and .pem files") {
    aovpn::test::CryptoApiCerts made;
    const auto tCa = made.makeCa(L"AOVPN File Root " + std::to_wstring(GetTickCount64()));
    const auto der = made.der(tCa);
    REQUIRE(!der.empty());
    const auto dir = std::filesystem::path(aovpn::test::scratchDir()) / "win32-certs";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "VpnServerRoot.cer", std::ios::binary)
        .write(reinterpret_cast<const char*>(der.data()), static_cast<std::streamsize>(der.size()));
    DWORD len = 0;
    CryptBinaryToStringA(der.data(), static_cast<DWORD>(der.size()), CRYPT_STRING_BASE64HEADER,
                         nullptr, &len);
    std::string pem(len, '\0');
    CryptBinaryToStringA(der.data(), static_cast<DWORD>(der.size()), CRYPT_STRING_BASE64HEADER,
                         pem.data(), &len);
    pem.resize(len);
    std::ofstream(dir / "root.pem", std::ios::binary) << pem;

    auto p = makeSystemPlatform();
    auto fromDer = p->certificates().readCertificateFile(dir / "VpnServerRoot.cer");
    REQUIRE(fromDer);
    CHECK(fromDer.value().thumbprint == tCa);
    CHECK(fromDer.value().commonName.rfind("AOVPN File Root", 0) == 0);
    CHECK(fromDer.value().selfSigned);
    auto fromPem = p->certificates().readCertificateFile(dir / "root.pem");
    REQUIRE(fromPem);
    CHECK(fromPem.value().thumbprint == tCa);

    std::ofstream(dir / "garbage.cer") << "not a certificate";
    auto bad = p->certificates().readCertificateFile(dir / "garbage.cer");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().kind == CodeKind::HResult);
    CHECK(!bad.error().nextStep.empty());
}
TEST_CASE("a UPN in the subject alternative name is read") {
    aovpn::test::CryptoApiCerts made;
    CertOptions bob{L"AOVPN Bob", -1, 365, true, false, {kClientAuth}, {}, L"bob@corp.example"};
    const auto t = made.selfSigned(bob);
    const auto listed = makeSystemPlatform()->certificates().listPersonal(); // keep it alive
    const auto* b = byThumbprint(listed.value(), t);
    REQUIRE(b);
    if (underWine())
        WARN(b->upn == "bob@corp.example");
    else
        CHECK(b->upn == "bob@corp.example");
}

TEST_CASE("the test certificates are gone after each test") {
    std::string t;
    {
        aovpn::test::CryptoApiCerts made;
        t = made.selfSigned({L"AOVPN Cleanup", -1, 365, true, false, {}, {}, {}});
        REQUIRE(byThumbprint(makeSystemPlatform()->certificates().listPersonal().value(), t));
    }
    // Also under Wine (deletes are committed through the registry provider).
    CHECK_FALSE(byThumbprint(makeSystemPlatform()->certificates().listPersonal().value(), t));
}
#endif
