// Reading the Azure package with minizip: zips made here (minizip's zip.c), good and hostile,
// natively and as the Windows exe under Wine. Nothing is ever written from a refused package.
#include "model/azure_package.hpp"
#include "platform/package_reader.hpp"

#include "../model/azure_package_sample.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <zip.h>

using namespace aovpn;
namespace fs = std::filesystem;

namespace {

fs::path scratch() {
    const fs::path dir = fs::path(test::scratchDir()) / "archive";
    fs::create_directories(dir);
    return dir;
}

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A zip of (name, data) entries, deflated, as bytes.
std::string makeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
    const fs::path path = scratch() / "made.zip";
    zipFile z = zipOpen64(path.string().c_str(), APPEND_STATUS_CREATE);
    REQUIRE(z != nullptr);
    for (const auto& [name, data] : entries) {
        zip_fileinfo info{};
        REQUIRE(zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                      Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(z, data.data(), static_cast<unsigned>(data.size())) == ZIP_OK);
        REQUIRE(zipCloseFileInZip(z) == ZIP_OK);
    }
    REQUIRE(zipClose(z, nullptr) == ZIP_OK);
    return readAll(path);
}

std::vector<std::pair<std::string, std::string>> goodEntries() {
    return {{"WindowsAmd64/VpnClientSetupAmd64.exe", std::string(4096, 'M')},
            {"Generic/VpnSettings.xml", test::vpnSettings()},
            {"Generic/VpnServerRoot.cer", test::derOf(test::kRootB64)}};
}

// The offset of the central directory entry ("PK\1\2") of the n-th entry.
std::size_t centralEntry(const std::string& zip, int n) {
    std::size_t at = 0;
    for (int i = 0; i <= n; ++i)
        at = zip.find("PK\x01\x02", i == 0 ? 0 : at + 4);
    REQUIRE(at != std::string::npos);
    return at;
}

std::string refusal(const std::string& zip, const platform::PackageLimits& limits = {}) {
    const auto r = platform::readZip(zip, azurePackageWants, limits);
    REQUIRE_FALSE(r.ok());
    return r.error().describe();
}

bool has(const std::string& text, std::string_view part) {
    const bool found = text.find(part) != std::string::npos;
    if (!found) MESSAGE("'" << part << "' not in: " << text);
    return found;
}

} // namespace

TEST_CASE("zip: the good package imports; only the wanted entries are read") {
    const auto r = platform::readZip(makeZip(goodEntries()), azurePackageWants);
    REQUIRE_MESSAGE(r.ok(), r.error().describe());
    REQUIRE(r.value().size() == 3);
    CHECK_FALSE(r.value()[0].hasData); // the installer is listed, not read
    CHECK(r.value()[1].hasData);
    const auto imported = importAzurePackage(r.value());
    REQUIRE_MESSAGE(imported.ok, imported.error);
    CHECK(imported.value.profile.routes.size() == 3);
}

TEST_CASE("zip: the same package as a file on disk and as its extracted folder") {
    const fs::path zip = scratch() / "package.zip";
    std::ofstream(zip, std::ios::binary) << makeZip(goodEntries());
    auto r = platform::readPackage(zip, azurePackageWants);
    REQUIRE_MESSAGE(r.ok(), r.error().describe());
    CHECK(importAzurePackage(r.value()).ok);
    const fs::path dir = scratch() / "extracted";
    fs::remove_all(dir);
    for (const auto& [name, data] : goodEntries()) {
        fs::create_directories((dir / name).parent_path());
        std::ofstream(dir / name, std::ios::binary) << data;
    }
    // The folder picked as its Generic/VpnSettings.xml (what a file dialog can give).
    r = platform::readPackage(dir / "Generic" / "VpnSettings.xml", azurePackageWants);
    REQUIRE_MESSAGE(r.ok(), r.error().describe());
    CHECK(r.value().size() == 3);
    r = platform::readPackage(dir, azurePackageWants);
    REQUIRE_MESSAGE(r.ok(), r.error().describe());
    const auto imported = importAzurePackage(r.value());
    REQUIRE_MESSAGE(imported.ok, imported.error);
    CHECK(imported.value.profile.nativeProfile->authentication->eap->tls.serverValidation
              ->trustedRootCAs.front() == test::kRootThumb);
}

TEST_CASE("zip: hostile names - '..', absolute paths, duplicates") {
    auto e = goodEntries();
    e.push_back({"Generic/../../evil.xml", "x"});
    CHECK(has(refusal(makeZip(e)), "climbs out of the package"));
    e = goodEntries();
    e.push_back({"/etc/cron.d/evil", "x"});
    CHECK(has(refusal(makeZip(e)), "absolute path"));
    e = goodEntries();
    e.push_back({"C:\\Windows\\evil.dll", "x"});
    CHECK(has(refusal(makeZip(e)), "absolute path"));
    e = goodEntries();
    e.push_back({"generic/vpnsettings.XML", "<VpnProfile/>"});
    CHECK(has(refusal(makeZip(e)), "appears twice"));
}

TEST_CASE("zip: encrypted entries, zip bombs, lying sizes, truncation") {
    std::string zip = makeZip(goodEntries());
    std::string encrypted = zip;
    encrypted[centralEntry(zip, 1) + 8] |= 1; // general purpose bit 0: encrypted
    CHECK(has(refusal(encrypted), "is encrypted"));

    auto bomb = goodEntries();
    bomb[1].second = test::vpnSettings() + std::string(3u << 20, ' ');
    platform::PackageLimits small;
    small.maxEntry = 1u << 20;
    CHECK(has(refusal(makeZip(bomb), small), "zip bomb"));
    platform::PackageLimits smallTotal;
    smallTotal.maxTotal = test::vpnSettings().size() + 10; // the root no longer fits
    CHECK(has(refusal(zip, smallTotal), "zip bomb"));

    // A size that lies (10 bytes declared): in the directory only, and in both headers.
    std::string lying = zip;
    const std::size_t cd = centralEntry(zip, 1);
    lying[cd + 24] = 10;
    lying[cd + 25] = lying[cd + 26] = lying[cd + 27] = 0;
    CHECK(has(refusal(lying), "is corrupt"));
    const std::size_t local = zip.find("PK\x03\x04", zip.find("PK\x03\x04") + 4);
    for (std::size_t at : {cd + 24, local + 22}) {
        lying[at] = 10;
        lying[at + 1] = lying[at + 2] = lying[at + 3] = 0;
    }
    CHECK(has(refusal(lying), "is corrupt"));

    CHECK(has(refusal(zip.substr(0, zip.size() / 2)), "truncated"));
    CHECK(has(refusal("not a zip at all"), "not a zip file"));
    std::string corrupt = zip;
    corrupt[zip.find("PK\x03\x04", 4) + 60] ^= 0x55; // inside the second entry's data
    CHECK_FALSE(platform::readZip(corrupt, azurePackageWants).ok());
}

TEST_CASE("zip: a 0-byte VpnSettings.xml reads, and the import refuses it") {
    auto e = goodEntries();
    e[1].second.clear();
    const auto r = platform::readZip(makeZip(e), azurePackageWants);
    REQUIRE(r.ok());
    CHECK(has(importAzurePackage(r.value()).error, "empty (0 bytes)"));
}
