// The Help menu: keyboard shortcuts, troubleshooting (from the platform's hint table), About.
#include "platform/platform.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

using namespace aovpn;

namespace {
void openHelp(test::UiDriver& ui, const char* item) {
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.click("Help");
    ui.click(item);
    ui.frame();
}
} // namespace

TEST_CASE("Help > Troubleshooting explains the common codes in the hint table's words") {
    test::UiDriver ui;
    openHelp(ui, "Troubleshooting");
    const std::string shown = ui.shownText();
    const auto hint = platform::hintFor(platform::CodeKind::Ras, 809);
    REQUIRE(hint.has_value());
    CHECK(shown.find("RAS error 809") != std::string::npos);
    CHECK(shown.find(std::string(hint->meaning).substr(0, 40)) != std::string::npos);
    CHECK(shown.find("RAS error 13868") != std::string::npos);
    ui.click("Close");
    CHECK(ui.state.view.help == ui::HelpPage::None);
}

TEST_CASE("Help > Keyboard shortcuts and About") {
    test::UiDriver ui;
    openHelp(ui, "Keyboard shortcuts");
    CHECK(ui.shownText().find("Alt+F, Alt+E, Alt+P, Alt+H") != std::string::npos);
    ui.tap(ImGuiKey_Escape);
    CHECK(ui.state.view.help == ui::HelpPage::None);
    ui.click("Help");
    ui.click("About AOVPN Studio");
    const std::string about = ui.shownText();
    CHECK(about.find(std::string("Dear ImGui ") + IMGUI_VERSION) != std::string::npos);
    CHECK(about.find("MIT licence") != std::string::npos);
}
