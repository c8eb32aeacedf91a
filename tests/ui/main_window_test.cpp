#include "ui/main_window.hpp"
#include "ui/state.hpp"

#include "imgui_headless.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>

using namespace aovpn;

TEST_CASE("the main window lays out form, preview, action bar and log") {
    test::HeadlessImGui gui;
    ui::AppState state;
    ui::appendLog(state.view, ui::LogLevel::Info, "hello");
    for (int i = 0; i < 3; ++i)
        gui.frame([&] { ui::drawMainWindow(state); });

    ImGuiWindow* main = ImGui::FindWindowByName("##main");
    REQUIRE(main != nullptr);
    int children = 0;
    float formRight = 0.0f, previewLeft = 0.0f, logTop = 0.0f, previewBottom = 0.0f;
    for (ImGuiWindow* w : main->DC.ChildWindows) {
        const std::string name = w->Name;
        ++children;
        if (name.find("/Form") != std::string::npos) formRight = w->Pos.x + w->Size.x;
        if (name.find("/Preview") != std::string::npos) {
            previewLeft = w->Pos.x;
            previewBottom = w->Pos.y + w->Size.y;
        }
        if (name.find("/Log") != std::string::npos) logTop = w->Pos.y;
    }
    CHECK(children == 3);
    CHECK(previewLeft >= formRight); // preview to the right of the form
    CHECK(logTop > previewBottom);   // log below
}

TEST_CASE("log lines carry a clock time") {
    ui::ViewState view;
    ui::appendLog(view, ui::LogLevel::Warning, "careful");
    REQUIRE(view.log.size() == 1);
    CHECK(view.log[0].time.size() == 8);
    CHECK(view.log[0].time[2] == ':');
    CHECK(view.log[0].level == ui::LogLevel::Warning);
}
