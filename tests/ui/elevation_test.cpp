// "Restart as administrator": the document travels to the elevated window as text handed to the
// platform (a temp file there, never the command line); the new window takes it as an edit.
#include "model/profile_xml.hpp"
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

using namespace aovpn;

TEST_CASE("restart as administrator hands the previewed XML over and closes this window") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui::querySession(ui.state);
    ui.frames(2);
    REQUIRE(ui::canRestartElevated(ui.state));
    ui::restartElevated(ui.state);
    REQUIRE(ui.platform.user.relaunchedWith.size() == 1);
    CHECK(ui.platform.user.relaunchedWith[0] == ui.state.derived.xml);
    CHECK(ui.state.view.quitConfirmed);
}

TEST_CASE("a failed relaunch keeps the window and says why") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui::querySession(ui.state);
    platform::Error e;
    e.action = "Restart as administrator";
    e.meaning = "The UAC prompt was cancelled.";
    ui.platform.user.relaunchError = e;
    ui::restartElevated(ui.state);
    CHECK_FALSE(ui.state.view.quitConfirmed);
    REQUIRE_FALSE(ui.state.view.log.empty());
    CHECK(ui.state.view.log.back().level == ui::LogLevel::Error);
    CHECK(ui.state.view.log.back().text.find("UAC prompt was cancelled") != std::string::npos);
}

TEST_CASE("an elevated session is not offered the restart") {
    test::UiDriver ui;
    ui.platform.user.info.elevated = true;
    ui::querySession(ui.state);
    CHECK_FALSE(ui::canRestartElevated(ui.state));
}

TEST_CASE("the elevated window adopts the handed-over profile as an unsaved, undoable change") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    Profile handed = ui::makeTemplate(ui::Template::DeviceTunnel);
    ui::adoptHandedOverDocument(ui.state, writeProfileXml(handed));
    CHECK(ui.state.doc.profile == handed);
    CHECK(ui.state.doc.dirty());
    CHECK(ui::canUndo(ui.state));

    const Profile before = ui.state.doc.profile;
    ui::adoptHandedOverDocument(ui.state, "<VPNProfile><Route>");
    CHECK(ui.state.doc.profile == before); // unreadable text changes nothing
    CHECK(ui.state.view.log.back().level == ui::LogLevel::Error);
}
