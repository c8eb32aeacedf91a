#include "model/utf8_path.hpp"
#include "ui/document.hpp"
#include "ui/edits.hpp"
#include "ui/file_ops.hpp"
#include "ui/folder_list.hpp"
#include "ui/templates.hpp"

#include "test_paths.hpp"
#include "ui_driver.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace aovpn;

TEST_CASE("route paste: separators, IPv6, prefixes, duplicates and junk") {
    Profile p;
    const auto r = ui::addPastedRoutes(p, " 192.0.2.1,192.0.2.2;\n2001:DB8::1\t192.0.2.1 x.y\n"
                                          "10.20.0.0/16 10.20.1.0/16;10.20.0.0/16 10.0.0.0/33");
    CHECK(r.added == 4);
    CHECK(r.duplicates == std::vector<std::string>{"192.0.2.1/32", "10.20.0.0/16"});
    REQUIRE(r.rejected.size() == 3);
    CHECK(r.rejected[0].text == "x.y");
    CHECK(r.rejected[0].line == 2);
    CHECK(r.rejected[1].text == "10.20.1.0/16");
    CHECK(r.rejected[1].line == 3);
    CHECK(r.rejected[1].why.find("the network is 10.20.0.0/16") != std::string::npos);
    CHECK(r.rejected[2].text == "10.0.0.0/33");
    CHECK(r.remaining == "x.y\n10.20.1.0/16\n10.0.0.0/33");
    REQUIRE(p.routes.size() == 4);
    CHECK(p.routes[2].address == "2001:db8::1");
    CHECK(p.routes[2].prefixSize == 128u);
    CHECK(p.routes[3].address == "10.20.0.0");
    CHECK(p.routes[3].prefixSize == 16u);
    // The box marks the same entries, without adding anything.
    const auto marks = ui::pastedRouteProblems("10.1.0.0/16\n\nbad 10.1.0.0/16");
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].text == "bad");
    CHECK(marks[0].line == 3);
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

TEST_CASE("the reader's findings on an opened file are listed with the validation until replaced") {
    const std::string dir = test::scratchDir() + "/ui-files-findings";
    std::filesystem::create_directories(pathFromUtf8(dir));
    const std::string file = dir + "/kept.xml";
    {
        std::ofstream out(pathFromUtf8(file), std::ios::binary);
        out << "<VPNProfile><ProfileName>Kept</ProfileName><Frobnicate>1</Frobnicate>"
               "<NativeProfile><Servers>vpn.example.com</Servers></NativeProfile></VPNProfile>";
    }
    const auto hasUnknown = [](const ui::AppState& s) {
        for (const Issue& i : s.derived.issues)
            if (i.rule == "structure.unknown" && i.message.find("Frobnicate") != std::string::npos)
                return true;
        return false;
    };
    test::UiDriver ui;
    REQUIRE(ui::openProfileFile(ui.state, file));
    ui.frames(2);
    CHECK(hasUnknown(ui.state)); // listed (and so counted) beside the validator's findings
    ui.state.doc.profile.profileName = "Kept 2";
    ui::markEdited(ui.state, {});
    ui.frames(1);
    CHECK(hasUnknown(ui.state)); // an edit does not make the file's findings go away
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::AzureUserTunnel), {});
    ui.frames(1);
    CHECK_FALSE(hasUnknown(ui.state));
}

TEST_CASE("the path popup lists the typed path's folder: folders first, a click fills the path") {
    const std::string dir = test::scratchDir() + "/ui-files-browse";
    std::filesystem::remove_all(pathFromUtf8(dir));
    std::filesystem::create_directories(pathFromUtf8(dir + "/Sub"));
    std::filesystem::create_directories(pathFromUtf8(dir + "/.hidden"));
    std::filesystem::copy_file(pathFromUtf8(test::profilesDir() + "/seed_azure_user_tunnel.xml"),
                               pathFromUtf8(dir + "/Sub/b.xml"));
    { std::ofstream(pathFromUtf8(dir + "/a.txt")) << "not a profile"; }

    const ui::FolderListing l = ui::listFolder(dir);
    CHECK(l.error.empty());
    REQUIRE(l.entries.size() == 2); // .hidden is left out
    CHECK(l.entries[0].name == "Sub");
    CHECK(l.entries[0].isFolder);
    CHECK(l.entries[1].name == "a.txt");
    CHECK(ui::listFolder(dir + "/nope").error == "This folder does not exist.");
    CHECK(ui::folderOfTypedPath(dir + "/a.txt") == ui::folderOfTypedPath(dir + "/"));

    test::UiDriver ui;
    ui.key(ImGuiKey_O, true);
    ui.frame();
    REQUIRE(ui.state.view.fileAction == ui::FileAction::Open);
    ui.typeInto("File path", dir + "/");
    ui.frame();
    ui.click("Sub/");
    ui.frame();
    CHECK(ui.state.view.folderListing.folder == ui::folderOfTypedPath(dir + "/Sub"));
    ui.click("b.xml"); // where Sub/ was: a quick second click must not take the file
    CHECK(ui.state.view.fileAction == ui::FileAction::Open);
    CHECK(pathFromUtf8(ui.state.view.pathInput) == pathFromUtf8(dir + "/Sub/b.xml"));
    ui.click("OK");
    CHECK(ui.state.view.fileAction == ui::FileAction::None);
    REQUIRE(ui.state.doc.profile.routes.size() == 2); // the seed, opened
}

TEST_CASE("an admin's comments survive open -> preview -> save") {
    const std::string dir = test::scratchDir() + "/ui-files-comments";
    std::filesystem::create_directories(pathFromUtf8(dir));
    const std::string file = dir + "/labelled.xml", saved = dir + "/saved.xml";
    {
        std::ofstream out(pathFromUtf8(file), std::ios::binary);
        out << "<VPNProfile><ProfileName>Labelled</ProfileName><NativeProfile><Servers>"
               "vpn.example.com</Servers></NativeProfile><!-- DC01 --><Route><Address>10.0.0.1"
               "</Address><PrefixSize>32</PrefixSize></Route></VPNProfile>";
    }
    test::UiDriver ui;
    REQUIRE(ui::openProfileFile(ui.state, file));
    ui.frames(2);
    const std::size_t comment = ui.state.derived.xml.find("<!-- DC01 -->");
    REQUIRE(comment != std::string::npos);
    CHECK(comment < ui.state.derived.xml.find("<Route>")); // still before the route it labels
    REQUIRE(ui::saveProfileFile(ui.state, saved));
    std::string error;
    CHECK(ui::readWholeFile(saved, error).value_or("").find("<!-- DC01 -->") != std::string::npos);
}

TEST_CASE("a reader error the reader already repaired is listed as a warning and does not block "
          "Apply") {
    const std::string dir = test::scratchDir() + "/ui-files-csp-node";
    std::filesystem::create_directories(pathFromUtf8(dir));
    const std::string file = dir + "/csp.xml";
    {
        std::ofstream out(pathFromUtf8(file), std::ios::binary);
        out << "<VPNProfile><ProfileName>Csp</ProfileName><NativeProfile><Servers>"
               "vpn.example.com</Servers></NativeProfile><DomainNameInformationList>"
               "<DomainNameInformation><DomainName>.corp.example</DomainName><DnsServers>"
               "10.0.0.1</DnsServers></DomainNameInformation></DomainNameInformationList>"
               "</VPNProfile>";
    }
    test::UiDriver ui;
    REQUIRE(ui::openProfileFile(ui.state, file));
    ui.frames(2);
    bool listed = false;
    for (const Issue& i : ui.state.derived.issues)
        if (i.rule == "structure.csp-node") {
            listed = true;
            CHECK(i.severity == Severity::Warning);
        }
    CHECK(listed);
    REQUIRE(ui.state.doc.profile.domainNameInformation.size() == 1); // read as its rule
    for (const Issue& i : ui.state.derived.issues) // the validator's own verdicts gate Apply
        if (i.message.starts_with("As read: ")) CHECK(i.severity != Severity::Error);
}
