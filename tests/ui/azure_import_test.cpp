// File > Import Azure VPN client package... driven by label through the real window: the
// extracted package folder typed into the path popup becomes an unsaved Azure user tunnel with
// the client pool known to the validator; a refused package changes nothing and says why.
#include "model/utf8_path.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "test_paths.hpp"
#include "ui_driver.hpp"

#include <filesystem>
#include <fstream>

using namespace aovpn;
namespace fs = std::filesystem;

namespace {

// tests/data/azure laid out as the portal's package: Generic/VpnSettings.xml + VpnServerRoot.cer.
std::string packageFolder(const char* name, bool withSettings) {
    const fs::path dir = pathFromUtf8(test::scratchDir() + "/ui-azure/" + name);
    fs::remove_all(dir);
    fs::create_directories(dir / "Generic");
    const fs::path data = pathFromUtf8(test::dataDir() + "/azure");
    if (withSettings) fs::copy_file(data / "VpnSettings.xml", dir / "Generic" / "VpnSettings.xml");
    fs::copy_file(data / "VpnServerRoot.pem", dir / "Generic" / "VpnServerRoot.cer");
    fs::create_directories(dir / "OpenVPN");
    std::ofstream(dir / "OpenVPN" / "vpnconfig.ovpn") << "client\n";
    return pathToUtf8(dir);
}

void importThroughMenu(test::UiDriver& ui, const std::string& path) {
    ui.click("File");
    ui.click("Import Azure VPN client package...");
    ui.frame();
    REQUIRE(ui.state.view.fileAction == ui::FileAction::ImportAzure);
    ui.typeInto("File path", path);
    ui.click("OK");
    ui.frame();
}

} // namespace

TEST_CASE("File > Import Azure VPN client package: a new unsaved Azure user tunnel") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    importThroughMenu(ui, packageFolder("good", true));
    const Profile& p = ui.state.doc.profile;
    REQUIRE(p.nativeProfile);
    CHECK(p.nativeProfile->servers.front().fqdn.ends_with(".vpn.azure.com"));
    CHECK(p.profileName == "ContosoHub (Azure)");
    REQUIRE(p.routes.size() == 3);
    CHECK(ui.state.doc.dirty());
    CHECK(ui.state.doc.filePath.empty());
    CHECK(ui.state.derived.xml.find("<TrustedRootCA>227CD991CC7914A423BC66E1577795D4BF0C1A2B") !=
          std::string::npos);
    bool poolFlagged = false;
    for (const Issue& i : ui.state.derived.issues)
        poolFlagged |= i.rule == "route.client-pool" && i.field == "Route[2]/Address";
    CHECK(poolFlagged);
    ui.frame(); // the Crypto suite section's Client pool field shows the package's pool
    CHECK(ui.state.view.gatewayCheck.fields.poolText == "172.16.201.0/24");
    const std::string shown = ui.shownText();
    CHECK(shown.find("To do: Pick the user's client certificate") != std::string::npos);
    // CustomDnsServers are offered for NRPT; "Not now" leaves the profile as imported.
    CHECK(ui.question() == "DNS servers in the package");
    CHECK(shown.find("DNS servers 10.1.0.4 (CustomDnsServers)") != std::string::npos);
    const Profile imported = p;
    ui.click("Not now");
    CHECK(ui.question().empty());
    CHECK(ui.state.doc.profile == imported);
    // A new document forgets the package's pool.
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    CHECK(ui.state.doc.gateway.clientAddressPools.empty());
}

TEST_CASE("File > Import Azure VPN client package: the DNS servers become an NRPT rule") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    importThroughMenu(ui, packageFolder("nrpt", true));
    REQUIRE(ui.question() == "DNS servers in the package");
    ui.click("Add a rule for these servers");
    CHECK(ui.question().empty());
    const auto& rules = ui.state.doc.profile.domainNameInformation;
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].dnsServers == "10.1.0.4");
    CHECK_FALSE(rules[0].domainName.has_value());
    // The namespace is the admin's: the rule says so at its DomainName, which has the focus.
    ui.frames(2);
    CHECK_FALSE(ui.issueMessage("DomainNameInformation[0]/DomainName").empty());
    ui.type(".corp.contoso.com");
    CHECK(ui.state.doc.profile.domainNameInformation[0].domainName == ".corp.contoso.com");
    CHECK(ui.issueMessage("DomainNameInformation[0]/DomainName").empty());
}

TEST_CASE("File > Import Azure VPN client package: an OpenVPN-only package is refused") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    const Profile before = ui.state.doc.profile;
    importThroughMenu(ui, packageFolder("openvpn", false));
    CHECK(ui.state.doc.profile == before);
    REQUIRE(ui.state.view.errors.size() == 1);
    CHECK(ui.state.view.errors.front().title == "Import failed");
    CHECK(ui.state.view.errors.front().error.meaning.find("OpenVPN-only package") !=
          std::string::npos);
}
