#include "ui/document.hpp"
#include "ui/main_window.hpp"
#include "ui/state.hpp"
#include "ui/templates.hpp"
#include "ui/widget_locator.hpp"

#include "imgui_headless.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>

using namespace aovpn;

TEST_CASE("the main window lays out form, preview, issues, action bar and log") {
    test::HeadlessImGui gui;
    ui::AppState state;
    ui::appendLog(state.view, ui::LogLevel::Info, "hello");
    for (int i = 0; i < 3; ++i)
        gui.frame([&] { ui::drawMainWindow(state); });

    ImGuiWindow* main = ImGui::FindWindowByName("##main");
    REQUIRE(main != nullptr);
    float formRight = 0.0f, previewLeft = 0.0f, logTop = 0.0f, issuesBottom = 0.0f;
    float previewBottom = 0.0f, issuesTop = 0.0f;
    for (ImGuiWindow* w : main->DC.ChildWindows) {
        const std::string name = w->Name;
        if (name.find("/Form") != std::string::npos) formRight = w->Pos.x + w->Size.x;
        if (name.find("/Preview") != std::string::npos) {
            previewLeft = w->Pos.x;
            previewBottom = w->Pos.y + w->Size.y;
        }
        if (name.find("/Issues") != std::string::npos) {
            issuesTop = w->Pos.y;
            issuesBottom = w->Pos.y + w->Size.y;
        }
        if (name.find("/Log") != std::string::npos) logTop = w->Pos.y;
    }
    CHECK(previewLeft >= formRight);   // preview to the right of the form
    CHECK(issuesTop >= previewBottom); // issues under the preview
    CHECK(logTop > issuesBottom);      // log below
}

TEST_CASE("log lines carry a clock time") {
    ui::ViewState view;
    ui::appendLog(view, ui::LogLevel::Warning, "careful");
    REQUIRE(view.log.size() == 1);
    CHECK(view.log[0].time.size() == 8);
    CHECK(view.log[0].time[2] == ':');
    CHECK(view.log[0].level == ui::LogLevel::Warning);
}

TEST_CASE("the XML is rebuilt only when the profile changes") {
    test::HeadlessImGui gui;
    ui::AppState state;
    ui::loadDocument(state, ui::makeTemplate(ui::Template::UserTunnel), {});
    for (int i = 0; i < 5; ++i)
        gui.frame([&] { ui::drawMainWindow(state); });
    const auto rebuilds = state.derived.rebuilds;
    for (int i = 0; i < 20; ++i)
        gui.frame([&] { ui::drawMainWindow(state); });
    CHECK(state.derived.rebuilds == rebuilds);
    state.doc.profile.profileName = "Changed";
    ui::markEdited(state, "test");
    gui.frame([&] { ui::drawMainWindow(state); });
    CHECK(state.derived.rebuilds == rebuilds + 1);
    CHECK(state.derived.xml.find("<ProfileName>Changed</ProfileName>") != std::string::npos);
    // Escaped, PowerShell and Intune previews follow the same revision, from model/.
    CHECK(state.derived.escaped.find("&lt;ProfileName&gt;Changed") != std::string::npos);
    CHECK(state.derived.powershell.find("'Changed'") != std::string::npos);
    CHECK(state.derived.intune.find("./User/Vendor/MSFT/VPNv2/Changed/ProfileXML") !=
          std::string::npos);
}

TEST_CASE("undo and redo walk whole-profile snapshots; typing in one field is one step") {
    ui::AppState state;
    ui::loadDocument(state, ui::makeTemplate(ui::Template::UserTunnel), {});
    for (const char* name : {"A", "AB", "ABC"}) {
        state.doc.profile.profileName = name;
        ui::markEdited(state, "ProfileName");
    }
    state.doc.profile.alwaysOn = false;
    ui::markEdited(state, {});
    CHECK(state.doc.dirty());
    ui::undo(state);
    CHECK(state.doc.profile.alwaysOn == true);
    CHECK(state.doc.profile.profileName == "ABC");
    ui::undo(state);
    CHECK(state.doc.profile.profileName == "Contoso VPN");
    CHECK_FALSE(ui::canUndo(state));
    ui::redo(state);
    ui::redo(state);
    CHECK(state.doc.profile.alwaysOn == false);
}

TEST_CASE("the item hooks are off unless a test installs a locator") {
    test::HeadlessImGui gui;
    CHECK_FALSE(ImGui::GetCurrentContext()->TestEngineHookItems);
    int seen = 0;
    ui::setWidgetLocator(ImGui::GetCurrentContext(), [&](const ui::LocatedItem&) { ++seen; });
    CHECK(ImGui::GetCurrentContext()->TestEngineHookItems);
    gui.frame([] { ImGui::Button("Hello"); });
    CHECK(seen > 0);
    ui::setWidgetLocator(ImGui::GetCurrentContext(), {});
    CHECK_FALSE(ImGui::GetCurrentContext()->TestEngineHookItems);
}
