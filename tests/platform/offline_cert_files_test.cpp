// Certificate files that are not what they claim (issue 9 §6): FIFOs, devices, huge files, a
// 10,000-certificate bundle (linear now), and names with control characters.
#ifndef _WIN32
#include "platform/platform.hpp"

#include "offline/folder_certificate_store.hpp"
#include "openssl_test_certs.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace aovpn::platform;
using namespace aovpn::test;
namespace fs = std::filesystem;

namespace {
fs::path freshDir(const char* name) {
    const auto dir = fs::path(scratchDir()) / "offline-cert-files" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
} // namespace

TEST_CASE("a FIFO, a device and a folder are refused at once, never read") {
    const auto dir = freshDir("special");
    REQUIRE(::mkfifo((dir / "pipe.pem").c_str(), 0600) == 0); // reading it would wait forever
    fs::create_directories(dir / "folder.pem");
    offline::FolderCertificateStore store(dir);
    for (const fs::path& p : {dir / "pipe.pem", fs::path("/dev/zero"), dir / "folder.pem"}) {
        CAPTURE(p.string());
        auto r = store.readCertificateFile(p);
        REQUIRE_FALSE(r);
        CHECK(r.error().meaning.find("not a regular file") != std::string::npos);
    }
    auto listed = store.listPersonal(); // the folder's FIFO is skipped, not opened
    REQUIRE(listed);
    CHECK(listed.value().empty());
}

TEST_CASE("a certificate file over the size cap is refused with its size") {
    const auto dir = freshDir("huge");
    const auto big = dir / "big.pem";
    { std::ofstream(big) << "x"; }
    fs::resize_file(big, 64u * 1024 * 1024 + 1); // sparse: no disk used
    offline::FolderCertificateStore store(dir);
    auto r = store.readCertificateFile(big);
    REQUIRE_FALSE(r);
    CHECK(r.error().meaning.find("67108865 bytes") != std::string::npos);
}

TEST_CASE("a CN with a NUL or a bidi override is shown with the characters visible") {
    const auto dir = freshDir("names");
    Key k = newKey();
    using namespace std::string_literals;
    Cert c =
        makeCert({"alice\0evil"s, -1, 365, false, "clientAuth", ""}, k.get(), nullptr, nullptr);
    writePem(dir / "alice.pem", c.get(), k.get());
    Cert d = makeCert({"bob\xE2\x80\xAEtxt.exe", -1, 365, false, "clientAuth", ""}, k.get(),
                      nullptr, nullptr);
    writePem(dir / "bob.pem", d.get());
    offline::FolderCertificateStore store(dir);
    auto all = store.listPersonal();
    REQUIRE(all);
    REQUIRE(all.value().size() == 2);
    CHECK(all.value()[0].commonName == "alice\\x00evil");
    CHECK(all.value()[0].subject.find('\0') == std::string::npos); // OpenSSL escapes it
    CHECK(all.value()[1].commonName == "bob\\u202Etxt.exe");
}

TEST_CASE("a bundle of 10,000 certificates lists every one with its chain (linear)") {
    const auto dir = freshDir("bundle");
    Key caKey = newKey(), leafKey = newKey();
    Cert ca = makeCert({"Bundle CA", -1, 3650, true, "", ""}, caKey.get(), nullptr, nullptr);
    // Making 10,000 signatures takes longer than listing them: 100 leaves, each 100 times.
    {
        FILE* f = std::fopen((dir / "bundle.pem").c_str(), "wb");
        PEM_write_X509(f, ca.get());
        std::vector<Cert> leaves;
        for (int i = 0; i < 100; ++i)
            leaves.push_back(
                makeCert({"user" + std::to_string(i), -1, 365, false, "clientAuth", ""},
                         leafKey.get(), ca.get(), caKey.get()));
        for (int copy = 0; copy < 100; ++copy)
            for (const auto& leaf : leaves)
                PEM_write_X509(f, leaf.get());
        std::fclose(f);
    }
    offline::FolderCertificateStore store(dir);
    const auto t0 = std::chrono::steady_clock::now();
    auto all = store.listPersonal();
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    MESSAGE("10,000-certificate bundle listed in " << ms << " ms"); // a figure, not a limit
    REQUIRE(all);
    REQUIRE(all.value().size() == 10000);
    const std::string caThumb = thumbprint(ca.get());
    std::size_t chained = 0;
    for (const auto& c : all.value())
        chained += c.issuingCaThumbprint == caThumb && c.chainComplete;
    CHECK(chained == 10000);
}
#endif
