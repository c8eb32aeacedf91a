// Keyboard shortcuts, cancelling a running connect test, and the unsaved-changes questions.
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

#include <chrono>
#include <thread>

using namespace aovpn;
using namespace std::chrono_literals;

TEST_CASE("Ctrl+Z and Ctrl+Y undo and redo outside text fields") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.click("Device tunnel");
    REQUIRE(ui.state.doc.profile.deviceTunnel == true);
    ui.key(ImGuiKey_Z, true);
    CHECK_FALSE(ui.state.doc.profile.deviceTunnel.has_value());
    ui.key(ImGuiKey_Y, true);
    CHECK(ui.state.doc.profile.deviceTunnel == true);
}

TEST_CASE("F5 runs the connect test; Cancel stops it and says so") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui::querySession(ui.state);
    ui.platform.store.profiles[{"S-1-5-21-1-2-3-1001", "Contoso VPN"}] = "<VPNProfile/>";
    ui.state.install.installed = true;
    ui.platform.tester.stepDelay = 1s; // long enough to see a state and press Cancel
    ui.frame();
    ui.key(ImGuiKey_F5);
    CHECK(ui.state.tasks->busy());
    // The first RAS state arrives in words while the dial runs (shown in the action bar).
    for (int i = 0; i < 300 && ui.state.tasks->progress().empty(); ++i)
        std::this_thread::sleep_for(10ms);
    CHECK(ui.state.tasks->progress() == platform::rasStateName(0));
    ui.click("Cancel");
    ui.finishTask();
    CHECK_FALSE(ui.state.install.connected);
    CHECK(ui.state.view.log.back().text == "Connect test cancelled.");
}

TEST_CASE("New over unsaved changes asks first; Cancel keeps the document") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.typeInto("Profile name", "Edited");
    REQUIRE(ui.state.doc.dirty());
    ui.key(ImGuiKey_N, true);
    CHECK(ui.question() == "Unsaved changes");
    ui.click("Cancel");
    CHECK(ui.state.doc.profile.profileName == "Edited");
    ui.key(ImGuiKey_N, true);
    ui.click("Don't save");
    CHECK(ui.state.doc.profile.profileName == "Contoso VPN");
    CHECK_FALSE(ui.state.doc.dirty());

    ui.typeInto("Profile name", "Edited again");
    ui.state.view.quitRequested = true; // what closing the window does
    ui.frames(2);
    CHECK(ui.question() == "Unsaved changes");
    ui.click("Don't save");
    CHECK(ui.state.view.quitConfirmed);
}

TEST_CASE("DNS suffixes and an NRPT rule typed into the form") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.typeInto("DNS suffixes", "corp.contoso.com");
    ui.click("Add an NRPT rule");
    ui.typeInto("nrpt-name", ".corp.contoso.com");
    ui.typeInto("nrpt-servers", "10.0.0.10");
    const Profile& p = ui.state.doc.profile;
    CHECK(p.dnsSuffix == "corp.contoso.com");
    REQUIRE(p.domainNameInformation.size() == 1);
    CHECK(p.domainNameInformation[0].dnsServers == "10.0.0.10");
    CHECK(ui.state.derived.xml.find("<DomainName>.corp.contoso.com</DomainName>") !=
          std::string::npos);
}
