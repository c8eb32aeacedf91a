// Issue 8 §5: the first start shows a start page (New from template, Open, Import installed
// profile, recent files), not a complete-looking dummy profile with Apply enabled.
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/templates.hpp"

#include "test_paths.hpp"
#include "ui_driver.hpp"

#include <atomic>
#include <thread>

using namespace aovpn;

namespace {
// As the app starts without a file to open (app/gui/gui_app.cpp).
void firstStart(test::UiDriver& ui) {
    ui::querySession(ui.state);
    ui::showStartPage(ui.state);
    ui.finishTask(); // what the start page asks the store: can this PC take profiles?
    ui.frames(2);
}
} // namespace

TEST_CASE("the start page offers templates, Open, Import and recent files; no form, no Apply") {
    test::UiDriver ui;
    const std::string recent = test::scratchDir() + "/start-recent.xml";
    REQUIRE(ui::saveProfileFile(ui.state, recent)); // puts it into the recent files
    firstStart(ui);
    for (const ui::TemplateInfo& t : ui::templates())
        CHECK_MESSAGE(ui.find(std::string(t.title)) != nullptr, t.title);
    CHECK(ui.find("Open a profile file...") != nullptr);
    CHECK(ui.find("Import installed profile...") != nullptr);
    CHECK(ui.find(recent) != nullptr);
    CHECK(ui.find("Gateway") == nullptr); // no form behind it
    const ui::ActionAvailability a = ui::availableActions(ui.state);
    CHECK_FALSE(a.apply);
    CHECK(a.why.find("start page") != std::string::npos);
    CHECK_FALSE(a.connect);
    CHECK_FALSE(a.remove);
    ui.hover(*ui.find("Apply"));
    CHECK(ui.tooltipShown());
}

TEST_CASE("a template on the start page opens the form with it") {
    test::UiDriver ui;
    firstStart(ui);
    ui.click("Azure VPN gateway - user tunnel");
    CHECK_FALSE(ui.state.view.startPage);
    CHECK(ui.state.doc.profile.profileName == "Azure VPN");
    CHECK_FALSE(ui.state.doc.dirty());
    ui.frame();
    CHECK(ui.find("Start: choose what to work on") == nullptr);
    CHECK(ui.find("Add a traffic filter") != nullptr);
}

TEST_CASE("a recent file opens from the start page; a missing one keeps the page and says so") {
    test::UiDriver ui;
    const std::string path = test::scratchDir() + "/start-open.xml";
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::DeviceTunnel), {});
    REQUIRE(ui::saveProfileFile(ui.state, path));
    ui::addRecentFile(ui.state.settings, test::scratchDir() + "/start-gone.xml");
    firstStart(ui);
    ui.click(test::scratchDir() + "/start-gone.xml");
    CHECK(ui.state.view.startPage); // nothing was loaded
    CHECK_FALSE(ui.state.view.errors.empty());
    ui.click("OK");
    // A recent file that is gone leaves the list, with a note.
    CHECK(ui.state.settings.recentFiles == std::vector<std::string>{path});
    bool noted = false;
    for (const auto& line : ui.state.view.log)
        noted |= line.text.find("start-gone.xml from the recent files") != std::string::npos;
    CHECK(noted);
    ui.click(path);
    CHECK_FALSE(ui.state.view.startPage);
    CHECK(ui.state.doc.profile.profileName == "Contoso Device Tunnel");
}

TEST_CASE("Import installed profile from the start page lists the account's profiles") {
    test::UiDriver ui;
    ui.platform.store.profiles[{"S-1-5-21-1-2-3-1001", "Installed VPN"}] =
        "<VPNProfile><ProfileName>Installed VPN</ProfileName><NativeProfile><Servers>"
        "vpn.installed.example</Servers></NativeProfile></VPNProfile>";
    firstStart(ui);
    ui.click("Import installed profile...");
    ui.finishTask();
    REQUIRE(ui.state.view.importOpen);
    ui.click("Installed VPN");
    CHECK_FALSE(ui.state.view.startPage);
    CHECK(ui.state.doc.profile.profileName == "Installed VPN");
}

TEST_CASE("File > Start page goes back to it, asking first about unsaved changes") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.frames(2);
    ui.click("Device tunnel");
    ui.click("File");
    ui.click("Start page");
    CHECK(ui.question() == "Unsaved changes");
    ui.click("Cancel");
    CHECK_FALSE(ui.state.view.startPage);
    ui.click("File");
    ui.click("Start page");
    ui.click("Don't save");
    CHECK(ui.state.view.startPage);
    ui.frame();
    CHECK(ui.find("Open a profile file...") != nullptr);
    ui.click("User tunnel (EAP-TLS)"); // the changes were let go: no second question
    CHECK(ui.question().empty());
    CHECK_FALSE(ui.state.view.startPage);
    CHECK(ui.state.doc.profile.profileName == "Contoso VPN");
}

TEST_CASE("while the start-up look-up runs, Import is disabled and says why") {
    test::UiDriver ui;
    std::atomic<bool> hold{true}; // a slow store: the look-up's listing waits for this
    ui.platform.store.observer = [&hold](const std::string& call) {
        while (call == "list" && hold)
            std::this_thread::yield();
    };
    ui::querySession(ui.state);
    ui::showStartPage(ui.state); // starts the look-up: can this PC take profiles?
    ui.frames(1);
    REQUIRE(ui.state.tasks->busy());
    CHECK(ui::whyNoImport(ui.state) == "Wait: Reading the installed profiles is still running.");
    ui.click("Import installed profile..."); // disabled: nothing starts, nothing is lost later
    hold = false;
    ui.finishTask();
    CHECK_FALSE(ui.state.view.importOpen);
    CHECK(ui::whyNoImport(ui.state).empty());
    ui.click("Import installed profile...");
    ui.finishTask();
    CHECK(ui.state.view.importOpen);
}

TEST_CASE("a template picked during the start-up look-up gets its own look-up afterwards") {
    test::UiDriver ui;
    std::atomic<bool> hold{true}; // the start-up look-up's listing waits for this
    ui.platform.store.observer = [&hold](const std::string& call) {
        while (call == "list" && hold)
            std::this_thread::yield();
    };
    ui::querySession(ui.state);
    ui::showStartPage(ui.state);
    ui.frames(1);
    REQUIRE(ui.state.tasks->busy());
    ui.click("Azure VPN gateway - user tunnel"); // its look-up cannot start yet
    CHECK(ui.state.install.lookupWanted);
    CHECK_FALSE(ui.state.install.installed.has_value());
    hold = false;
    ui.finishTask(); // the start-up look-up ends; the template's starts on the next frame
    ui.frames(1);
    ui.finishTask();
    CHECK_FALSE(ui.state.install.lookupWanted);
    REQUIRE(ui.state.install.installed.has_value());
    CHECK_FALSE(*ui.state.install.installed); // "Not installed", found without pressing Apply
    CHECK(ui.shownText().find("Not installed") != std::string::npos);
}
