#include "ui/panels.hpp"

#include <imgui.h>

namespace aovpn::ui {

void drawMenuBar(AppState& state) {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        ImGui::MenuItem("New", "Ctrl+N", false, false);
        ImGui::MenuItem("Open...", "Ctrl+O", false, false);
        ImGui::MenuItem("Save", "Ctrl+S", false, false);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Profile")) {
        ImGui::MenuItem("Apply", nullptr, false, false);
        ImGui::MenuItem("Connect test", "F5", false, false);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Log the font in use"))
            appendLog(state.view, LogLevel::Info, "UI font: " + state.view.fonts.uiSource);
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

} // namespace aovpn::ui
