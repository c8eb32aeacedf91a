// The --ui-script language and runner (ui/ui_script.hpp), headless: the same runner the app
// uses, on the window the UI tests draw.
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/panels.hpp"
#include "ui/templates.hpp"
#include "ui/ui_script.hpp"

#include "test_paths.hpp"
#include "ui_driver.hpp"

#include <filesystem>

using namespace aovpn;

TEST_CASE("script lines: comments, #k indexes, menu paths, chords, and malformed lines") {
    test::UiDriver ui; // an ImGui context: key names come from it
    const auto parsed = ui::parseScript("s.uis", "# a comment\n"
                                                 "\n"
                                                 "menu File > New from template > User tunnel\n"
                                                 "click Remote ports #2          # the second\n"
                                                 "click C# client\n"
                                                 "type 10.0.0.0/8, 10.1.0.0/16\n"
                                                 "key Ctrl+Shift+Z\n"
                                                 "key Up\n"
                                                 "frames 3\n"
                                                 "save-xml out dir/p.xml\n");
    REQUIRE(parsed.error.empty());
    REQUIRE(parsed.commands.size() == 8);
    const auto& c = parsed.commands;
    CHECK(c[0].path == std::vector<std::string>{"File", "New from template", "User tunnel"});
    CHECK(c[0].line == 3);
    CHECK(c[1].path[0] == "Remote ports");
    CHECK(c[1].nth == 1);
    CHECK(c[2].path[0] == "C# client");
    CHECK(c[3].text == "10.0.0.0/8, 10.1.0.0/16");
    CHECK(c[4].key == ImGuiKey_Z);
    CHECK(c[4].mods == (ImGuiMod_Ctrl | ImGuiMod_Shift));
    CHECK(c[5].key == ImGuiKey_UpArrow);
    CHECK(c[6].frames == 3);
    CHECK(c[7].text == "out dir/p.xml");

    for (const char* bad : {"clik Apply", "key Ctrl+Nope", "frames many", "click Apply #0",
                            "menu File > > Open", "type", "save-xml", "save-log", "reset now"}) {
        CAPTURE(bad);
        const auto r = ui::parseScript("bad.uis", std::string("frames 1\n") + bad + "\n");
        CHECK(r.commands.empty());
        CHECK(r.error.rfind("bad.uis:2: ", 0) == 0);
    }
}

namespace {
// Runs a script on the headless window until it is done (or 2,000 frames). With `realPointer`
// the "backend" reports a pointer outside the window every frame first, as the GLFW one does
// while the window has focus and the system pointer is elsewhere on the screen.
int runScript(test::UiDriver& ui, const std::string& text, std::string& message,
              bool realPointer = false) {
    auto parsed = ui::parseScript("t.uis", text);
    REQUIRE(parsed.error.empty());
    ui::ScriptRunner runner(std::move(parsed.commands), {});
    ui::setWidgetLocator(ImGui::GetCurrentContext(), runner.collector());
    for (int i = 0; i < 2000 && !runner.done(); ++i) {
        if (realPointer) {
            const ImVec2 size = ImGui::GetIO().DisplaySize;
            ImGui::GetIO().AddMousePosEvent(size.x + 40.0f, size.y * 0.5f);
        }
        runner.beforeNewFrame();
        ui.frameWith([&] { runner.afterNewFrame(); });
        runner.afterFrame(ui.state);
    }
    ui::setWidgetLocator(ImGui::GetCurrentContext(), {});
    message = runner.message();
    return runner.done() ? runner.exitCode() : -1;
}
} // namespace

TEST_CASE("a script clicks, types and saves; a missing widget stops it with exit 2") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    const auto dir = std::filesystem::path(test::scratchDir()) / "ui-script";
    std::filesystem::create_directories(dir);
    const std::string xml = (dir / "p.xml").string(), labels = (dir / "labels.txt").string();
    std::string message;
    CHECK(runScript(ui,
                    "click Add a traffic filter\nclick Remote ports\ntype 443\nkey Tab\n"
                    "save-xml " +
                        xml + "\nlabels " + labels + "\n",
                    message) == 0);
    std::string error;
    const std::string saved = ui::readWholeFile(xml, error).value_or("");
    CHECK(saved.find("<RemotePortRanges>443</RemotePortRanges>") != std::string::npos);
    const std::string names = ui::readWholeFile(labels, error).value_or("");
    CHECK(names.find("\nRemote ports\n") != std::string::npos);
    CHECK(names.find("\nApply\n") != std::string::npos);

    const std::string log = (dir / "log.txt").string();
    ui::appendLog(ui.state.view, ui::LogLevel::Warning, "save-log marker");
    CHECK(runScript(ui, "save-log " + log + "\n", message) == 0);
    const std::string savedLog = ui::readWholeFile(log, error).value_or("");
    CHECK(savedLog == ui::logText(ui.state.view)); // what Copy log gives
    CHECK(savedLog.find("  save-log marker\n") != std::string::npos);

    CHECK(runScript(ui, "frames 1\nclick Remote ports #7\n", message) == 2);
    CHECK(message == "t.uis:2: no widget labelled \"Remote ports\" #7 on the screen");
}

TEST_CASE("reset: the start page over an untouched document, trees and tabs as first drawn") {
    test::UiDriver ui;
    const auto dir = std::filesystem::path(test::scratchDir()) / "ui-script-reset";
    std::filesystem::create_directories(dir);
    const std::string labels = (dir / "labels.txt").string();
    std::string message, error;
    // A scenario that leaves an edit, a tree node open and the All settings tab shown.
    CHECK(runScript(ui,
                    "menu File > New from template > Azure VPN gateway - user tunnel\n"
                    "click Add a traffic filter\nclick All settings\nclick NativeProfile\n",
                    message) == 0);
    REQUIRE(ui.state.doc.dirty());
    CHECK(runScript(ui, "reset\nlabels " + labels + "\n", message) == 0);
    CHECK(ui.state.view.startPage);
    CHECK_FALSE(ui.state.doc.dirty());
    CHECK_FALSE(ui.state.view.question); // nothing asks about the edit let go
    CHECK(ui.state.view.rows.empty());
    // No "Don't save" question: the next scenario's template opens straight away, on the Form.
    CHECK(runScript(ui,
                    "click Azure VPN gateway - user tunnel\nlabels " + labels +
                        "\nclick All settings\nlabels " + labels + ".tree\n",
                    message) == 0);
    const std::string form = ui::readWholeFile(labels, error).value_or("");
    CHECK(form.find("\nProfile name\n") != std::string::npos);
    const std::string tree = ui::readWholeFile(labels + ".tree", error).value_or("");
    CHECK(tree.find("\nNativeProfile\n") != std::string::npos);
    CHECK(tree.find("all:NativeProfile/L2tpPsk") == std::string::npos); // closed again
}

TEST_CASE("a script's clicks land on their widgets while the system pointer is off the window") {
    // Issue 8: at 800x600 the X server's pointer (the middle of a 1600x1000 screen) is just
    // outside the window; its position, reported every frame, took the script's presses.
    test::UiDriver ui;
    const auto dir = std::filesystem::path(test::scratchDir()) / "ui-script-pointer";
    std::filesystem::create_directories(dir);
    const std::string xml = (dir / "p.xml").string();
    std::string message, error;
    CHECK(runScript(ui,
                    "reset\nmenu File > New from template > Azure VPN gateway - user tunnel\n"
                    "save-xml " +
                        xml + "\n",
                    message, true) == 0);
    CHECK(message.empty());
    CHECK_FALSE(ui.state.view.startPage);
    const std::string saved = ui::readWholeFile(xml, error).value_or("");
    CHECK(saved.find("<ProfileName>Azure VPN</ProfileName>") != std::string::npos);
}
