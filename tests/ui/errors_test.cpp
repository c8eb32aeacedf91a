// Issue 8 §3: failures the user cannot miss. A failed Open, Save or action shows a dialog with
// the four parts (what was tried, the code, what it usually means, what to do) in plain words;
// disabled buttons and F5 say why; the action bar shows the install state from the start;
// questions name the profile and the account; the log follows its newest line.
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/templates.hpp"

#include "test_paths.hpp"
#include "ui_driver.hpp"

#include <filesystem>

using namespace aovpn;

namespace {
void ready(test::UiDriver& ui) {
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui::querySession(ui.state);
    ui.frames(2);
}

// The error dialog's text, then dismissed with OK.
std::string dismissError(test::UiDriver& ui) {
    REQUIRE_FALSE(ui.state.view.errors.empty());
    const std::string shown = ui.shownText();
    for (const char* part : {"What was tried", "The code", "What it usually means", "What to do"})
        CHECK_MESSAGE(shown.find(part) != std::string::npos, part);
    CHECK(shown.find("aovpn-tmp") == std::string::npos); // never an internal temp file
    ui.click("OK");
    CHECK(ui.state.view.errors.empty());
    return shown;
}

std::string drive() {
#ifdef _WIN32
    return "Z:"; // the Linux root under Wine
#else
    return "";
#endif
}
} // namespace

TEST_CASE("opening a missing file, a folder or a file that is no profile says so plainly") {
    test::UiDriver ui;
    ready(ui);
    ui::openProfileFile(ui.state, test::scratchDir() + "/no-such-profile.xml");
    CHECK(dismissError(ui).find("Not found: there is no such file.") != std::string::npos);

    ui::openProfileFile(ui.state, test::scratchDir());
    CHECK(dismissError(ui).find("That is a folder, not a file.") != std::string::npos);

    const std::string text = test::scratchDir() + "/notes.txt";
    REQUIRE(ui::writeFileAtomic(text, "just some notes\n").empty());
    ui::openProfileFile(ui.state, text);
    CHECK(dismissError(ui).find("This is not a ProfileXML file") != std::string::npos);
    CHECK(ui.state.doc.profile.profileName == "Contoso VPN"); // the document stayed
}

TEST_CASE("saving where it cannot: access denied, or a folder that does not exist") {
    test::UiDriver ui;
    ready(ui);
    CHECK_FALSE(ui::saveProfileFile(ui.state, drive() + "/sys/aovpn-save-test.xml"));
    CHECK(dismissError(ui).find("Access denied: this account may not write in that folder") !=
          std::string::npos);
    CHECK_FALSE(ui::saveProfileFile(ui.state, test::scratchDir() + "/no-such-dir/p.xml"));
    CHECK(dismissError(ui).find("Not found: the folder does not exist.") != std::string::npos);
    CHECK(ui.state.doc.filePath.empty());
}

TEST_CASE("a failed Apply shows its error dialog; the log shows every line of it") {
    test::UiDriver ui;
    ready(ui);
    ui.platform.store.failNextCreate = fake::fakeError("Create the VPN profile", 0x80041001);
    ui.click("Apply");
    ui.finishTask();
    ui.finishTask();
    const std::string shown = dismissError(ui);
    CHECK(shown.find("HRESULT 0x80041001") != std::string::npos);
    CHECK(shown.find("Generic failure") != std::string::npos); // the hint table's meaning
}

TEST_CASE("the action bar shows the install state from the start, also 'no MDM bridge'") {
    test::UiDriver ui;
    ready(ui);
    ui::refreshInstalled(ui.state);
    ui.finishTask();
    CHECK(ui.shownText().find("Not installed") != std::string::npos);

    ui.platform.store.failNextFind =
        platform::makeError("Connect to root\\cimv2\\mdm\\dmmap", platform::CodeKind::HResult,
                            0x8004100E, "Invalid namespace");
    ui::refreshInstalled(ui.state);
    ui.finishTask();
    CHECK(ui.shownText().find("This PC cannot take Always On VPN profiles (no MDM bridge): use "
                              "the Intune or PowerShell export") != std::string::npos);
    CHECK(ui.state.view.errors.empty()); // a look-up at start-up is no dialog
}

TEST_CASE("'no MDM bridge' shows on the start page and stays through a template") {
    test::UiDriver ui;
    ui::querySession(ui.state);
    ui.platform.store.failNextList =
        platform::makeError("Connect to root\\cimv2\\mdm\\dmmap", platform::CodeKind::HResult,
                            0x8004100E, "Invalid namespace");
    ui::showStartPage(ui.state); // as the app starts
    ui.finishTask();
    const std::string noBridge = "This PC cannot take Always On VPN profiles (no MDM bridge)";
    CHECK(ui.shownText().find(noBridge) != std::string::npos);
    CHECK(ui.state.view.errors.empty());

    // A template keeps what was found of this PC until its own look-up says otherwise.
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.frames(2);
    CHECK(ui.shownText().find(noBridge) != std::string::npos);

    // A PC whose store answers: the start page says nothing of a profile it does not have.
    ui::refreshInstalled(ui.state);
    ui.finishTask();
    CHECK(ui.shownText().find("Not installed") != std::string::npos);
    ui::showStartPage(ui.state);
    ui.finishTask();
    CHECK(ui.shownText().find("Not installed") == std::string::npos);
    CHECK(ui.shownText().find(noBridge) == std::string::npos);
}

TEST_CASE("disabled actions say why; F5 says why in the status line") {
    test::UiDriver ui;
    ready(ui);
    const ui::ActionAvailability a = ui::availableActions(ui.state);
    REQUIRE_FALSE(a.connect);
    REQUIRE_FALSE(a.remove);
    CHECK(a.whyRemove == "\"Contoso VPN\" is not installed for CORP\\alice: Apply it first.");
    CHECK_FALSE(a.whyConnect.empty());
    ui.tap(ImGuiKey_F5);
    CHECK(ui.state.view.status == "Connect test not available: " + a.whyConnect);
    CHECK(ui.shownText().find(ui.state.view.status) != std::string::npos);
    CHECK(ui::whyNoRestartElevated(ui.state).empty()); // not elevated: it is offered
    ui.state.install.session->elevated = true;
    CHECK(ui::whyNoRestartElevated(ui.state) == "Already running as administrator.");
}

TEST_CASE("Remove and Replace name the profile and the account") {
    test::UiDriver ui;
    ready(ui);
    ui.state.install.installed = true;
    ui.click("Remove");
    REQUIRE(ui.state.view.question.has_value());
    CHECK(ui.state.view.question->text ==
          "Remove \"Contoso VPN\" for CORP\\alice and clean its leftovers?");
    ui.tap(ImGuiKey_Escape);
    CHECK_FALSE(ui.state.view.question.has_value());
}

TEST_CASE("the log scrolls to its newest line, also after long multi-line entries") {
    test::UiDriver ui;
    ready(ui);
    int textLines = static_cast<int>(ui.state.view.log.size());
    for (int i = 0; i < 30; ++i, ++textLines) {
        ui::appendLog(ui.state.view, ui::LogLevel::Info, "line " + std::to_string(i));
        ui.frame();
    }
    for (int i = 0; i < 5; ++i, textLines += 3) {
        ui::appendLog(ui.state.view, ui::LogLevel::Error,
                      "entry " + std::to_string(i) + "\nsecond line\nthird " +
                          std::string(300, 'x'));
        ui.frame();
    }
    ui::appendLog(ui.state.view, ui::LogLevel::Info, "the newest line");
    ++textLines;
    ui.frames(3);
    ImGuiWindow* lines = nullptr;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (std::string_view(w->Name).find("/lines_") != std::string_view::npos) lines = w;
    REQUIRE(lines != nullptr);
    // Scrolled to the end of content that holds every text line (the newest one included).
    CHECK(lines->ContentSize.y >= static_cast<float>(textLines) * ImGui::GetTextLineHeight());
    CHECK(lines->Scroll.y == doctest::Approx(lines->ScrollMax.y));
}
