#include "model/utf8_path.hpp"
#include "ui/document.hpp"
#include "ui/edits.hpp"
#include "ui/file_ops.hpp"
#include "ui/templates.hpp"

#include "test_paths.hpp"
#include "ui_driver.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace aovpn;

TEST_CASE("host route paste: separators, IPv6, duplicates and junk") {
    Profile p;
    const auto r = ui::addHostRoutes(p, " 192.0.2.1,192.0.2.2;\n2001:DB8::1\t192.0.2.1 x.y ");
    CHECK(r.added == 3);
    CHECK(r.duplicates == std::vector<std::string>{"192.0.2.1"});
    CHECK(r.rejected == std::vector<std::string>{"x.y"});
    REQUIRE(p.routes.size() == 3);
    CHECK(p.routes[2].address == "2001:db8::1");
    CHECK(p.routes[2].prefixSize == 128u);
}

TEST_CASE("save is atomic and open reads it back; settings round-trip") {
    const std::string dir = test::scratchDir() + "/ui-files";
    std::filesystem::create_directories(pathFromUtf8(dir));
    ui::AppState state;
    ui::loadDocument(state, ui::makeTemplate(ui::Template::AzureUserTunnel), {});
    state.doc.profile.profileName = "R&D <VPN>";
    ui::markEdited(state, {});
    const std::string file = dir + "/profile.xml";
    REQUIRE(ui::saveProfileFile(state, file));
    state.doc.profile.profileName = "R&D <VPN> 2";
    ui::markEdited(state, {});
    REQUIRE(ui::saveProfileFile(state, file)); // replaces the file (MoveFileEx on Windows)
    CHECK_FALSE(state.doc.dirty());
    for (const auto& e : std::filesystem::directory_iterator(pathFromUtf8(dir)))
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);

    ui::AppState other;
    REQUIRE(ui::openProfileFile(other, file));
    CHECK(other.doc.profile == state.doc.profile);
    CHECK(other.settings.recentFiles.front() == file);

    ui::Settings s;
    s.windowX = 10;
    s.windowW = 1200;
    ui::addRecentFile(s, "a.xml");
    ui::addRecentFile(s, "b.xml");
    ui::addRecentFile(s, "a.xml");
    CHECK(ui::saveSettings(s, dir + "/sub/settings.ini").empty());
    const ui::Settings back = ui::loadSettings(dir + "/sub/settings.ini");
    CHECK(back.windowX == 10);
    CHECK(back.windowW == 1200);
    CHECK(back.recentFiles == std::vector<std::string>{"a.xml", "b.xml"});
}

TEST_CASE("templates and crypto presets come out valid as the model sees them") {
    for (const auto& t : ui::templates()) {
        const Profile p = ui::makeTemplate(t.id);
        CHECK_MESSAGE(!hasErrors(validateProfile(p)), t.title);
    }
    // The Azure template carries the Azure preset (model/crypto_presets.hpp).
    const Profile azure = ui::makeTemplate(ui::Template::AzureUserTunnel);
    CHECK(matchingPreset(azure.nativeProfile->cryptographySuite) == CryptoPreset::AzureDefault);
}

TEST_CASE("Ctrl+O without native dialogs asks for a path in the window, then opens it") {
    test::UiDriver ui;
    const std::string seed = test::profilesDir() + "/seed_azure_user_tunnel.xml";
    ui.key(ImGuiKey_O, true);
    ui.frame();
    CHECK(ui.state.view.fileAction == ui::FileAction::Open);
    ui.typeInto("File path", seed);
    ui.click("OK");
    CHECK(ui.state.view.fileAction == ui::FileAction::None);
    CHECK(ui.state.doc.filePath == seed);
    REQUIRE(ui.state.doc.profile.routes.size() == 2);
    CHECK(ui.state.derived.xml.find("<Address>192.168.3.5</Address>") != std::string::npos);
    CHECK(ui.state.settings.recentFiles.front() == seed);
}
