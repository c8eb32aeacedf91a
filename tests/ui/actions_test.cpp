// The action bar against the fake platform: apply (and replace, with its confirmation), connect
// test on the worker thread, remove with confirmation.
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

using namespace aovpn;

namespace {
void ready(test::UiDriver& ui) {
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui::querySession(ui.state);
    ui.frames(2);
}
} // namespace

TEST_CASE("Apply writes the profile for the target account on the worker") {
    test::UiDriver ui;
    ready(ui);
    ui.click("Apply");
    ui.finishTask(); // the check
    ui.finishTask(); // the apply
    const auto key = std::pair{std::string("S-1-5-21-1-2-3-1001"), std::string("Contoso VPN")};
    REQUIRE(ui.platform.store.profiles.count(key) == 1);
    CHECK(ui.platform.store.profiles[key] == ui.state.derived.xml);
    CHECK(ui.state.install.installed == true);

    // A second apply asks before replacing.
    ui.click("Apply");
    ui.finishTask();
    CHECK(ui.question() == "Replace profile");
    ui.click("Replace");
    ui.finishTask();
    CHECK(ui.question().empty());
    CHECK(ui.platform.store.calls.back() == "create Contoso VPN");
}

TEST_CASE("Apply stays disabled while the profile has errors") {
    test::UiDriver ui;
    ready(ui);
    ui.state.doc.profile.routes.push_back(Route{std::string("10.0.0.1"), 8u, {}, {}, {}});
    ui::markEdited(ui.state, {});
    ui.frame();
    CHECK_FALSE(ui::availableActions(ui.state).apply);
    ui.click("Apply");
    CHECK(ui.platform.store.profiles.empty());
}

TEST_CASE("connect test reports progress in words and the result; Remove asks first") {
    test::UiDriver ui;
    ready(ui);
    ui.click("Apply");
    ui.finishTask();
    ui.finishTask();
    ui.click("Connect test");
    ui.finishTask();
    CHECK(ui.state.install.connected);
    bool connectedLine = false;
    for (const auto& l : ui.state.view.log)
        connectedLine |= l.text.find("Connected in") == 0;
    CHECK(connectedLine);
    ui.click("Disconnect");
    ui.finishTask();
    CHECK_FALSE(ui.state.install.connected);

    ui.platform.tester.failWith = 809;
    ui.click("Connect test");
    ui.finishTask();
    CHECK_FALSE(ui.state.install.connected);
    // The failure stays on the screen until dismissed, in its four parts.
    REQUIRE(ui.state.view.errors.size() == 1);
    const std::string shown = ui.shownText();
    for (const char* part :
         {"What was tried", "The code", "RAS error 809", "What it usually means", "What to do"})
        CHECK_MESSAGE(shown.find(part) != std::string::npos, part);
    ui.click("OK");
    CHECK(ui.state.view.errors.empty());

    ui.click("Remove");
    CHECK(ui.question() == "Remove profile");
    ui.click("Cancel");
    CHECK(ui.platform.store.profiles.size() == 1);
    ui.click("Remove");
    ui.click("Remove", 1); // the popup's button (the action bar's is the first)
    ui.finishTask();
    CHECK(ui.platform.store.profiles.empty());
    CHECK(ui.state.install.installed == false);
    bool stepLogged = false; // the service's steps (and any recovery notes) reach the log
    for (const auto& l : ui.state.view.log)
        stepLogged |= l.text.rfind("Deleted the profile \"Contoso VPN\"", 0) == 0;
    CHECK(stepLogged);
}

TEST_CASE("Import installed profile logs what finishing an interrupted replace did") {
    test::UiDriver ui;
    ready(ui);
    const std::string ours = "<VPNProfile><ProfileName>Contoso VPN</ProfileName></VPNProfile>";
    // What a replace killed after its delete leaves: the journal, and no profile.
    REQUIRE(ui.platform.copies
                .writeJournal({ui::currentTarget(ui.state), "Contoso VPN",
                               platform::ReplaceJournal::Phase::Creating, ours, true, "<new/>"})
                .ok());
    ui.click("File");
    ui.click("Import installed profile...");
    ui.finishTask();
    bool noted = false;
    for (const auto& l : ui.state.view.log)
        noted |= l.text.find("put the previous profile back") != std::string::npos;
    CHECK(noted);
    REQUIRE(ui.state.view.importList.size() == 1);
    CHECK(ui.state.view.importList[0].xml == ours);
}

TEST_CASE("File > Import installed profile lists the account's profiles and loads the pick") {
    test::UiDriver ui;
    ready(ui);
    ui.platform.store.profiles[{"S-1-5-21-1-2-3-1001", "Installed VPN"}] =
        "<VPNProfile><ProfileName>Installed VPN</ProfileName><NativeProfile><Servers>"
        "vpn.installed.example</Servers></NativeProfile></VPNProfile>";
    ui.click("File");
    ui.click("Import installed profile...");
    ui.finishTask();
    CHECK(ui.state.view.importOpen);
    ui.click("Installed VPN");
    CHECK(ui.state.doc.profile.profileName == "Installed VPN");
    CHECK(ui.state.install.installed == true);
    CHECK(ui.state.derived.xml.find("vpn.installed.example") != std::string::npos);
}

// RAS reports a connection that was up before the test without dialling it: the result must not
// read as a dial that worked.
TEST_CASE("connect test on a connection already up says it was not dialled again") {
    test::UiDriver ui;
    ready(ui);
    ui.click("Apply");
    ui.finishTask();
    ui.finishTask();
    REQUIRE_FALSE(ui.state.install.connected);
    ui.platform.tester.connectOutside("Contoso VPN"); // AlwaysOn brought it up meanwhile
    ui.state.view.log.clear();
    ui.click("Connect test");
    ui.finishTask();
    bool said = false, dialled = false;
    for (const auto& l : ui.state.view.log) {
        said |= l.text.find("\"Contoso VPN\" is already connected; not dialled again") == 0;
        dialled |= l.text.find("Connected in") == 0;
    }
    CHECK(said);
    CHECK_FALSE(dialled);
    CHECK(ui.state.install.connected); // it is up: Disconnect is offered
}

TEST_CASE("an apply or remove that ends after a rename leaves the new name's install state") {
    test::UiDriver ui;
    ready(ui);
    ui.click("Apply");
    ui.finishTask();                                  // the check: "Contoso VPN" is not installed
    ui.state.doc.profile.profileName = "Renamed VPN"; // while the apply runs
    ui::markEdited(ui.state, {});
    ui.state.install.installed = false; // what a look-up of "Renamed VPN" would find
    ui.finishTask();
    CHECK(ui.platform.store.profiles.size() == 1); // "Contoso VPN" was applied
    CHECK(ui.state.install.installed == false);    // "Renamed VPN" still is not installed

    ui.state.doc.profile.profileName = "Contoso VPN";
    ui::markEdited(ui.state, {});
    ui.state.install.installed = true;
    ui.click("Remove");
    ui.click("Remove", 1); // the confirmation
    ui.state.doc.profile.profileName = "Renamed VPN";
    ui::markEdited(ui.state, {});
    ui.state.install.installed = true; // say "Renamed VPN" is installed
    ui.finishTask();
    CHECK(ui.platform.store.profiles.empty()); // "Contoso VPN" was removed
    CHECK(ui.state.install.installed == true); // "Renamed VPN" was not
}
