#include "ui/panels.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {
ImVec4 colourOf(LogLevel level) {
    switch (level) {
    case LogLevel::Warning:
        return ImVec4(0.70f, 0.45f, 0.00f, 1.0f);
    case LogLevel::Error:
        return ImVec4(0.75f, 0.10f, 0.10f, 1.0f);
    case LogLevel::Info:
        break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}
} // namespace

void drawLogPanel(AppState& state) {
    ImGui::TextDisabled("LOG");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.view.log.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const LogLine& line = state.view.log[static_cast<size_t>(i)];
            ImGui::TextDisabled("%s", line.time.c_str());
            ImGui::SameLine();
            ImGui::TextColored(colourOf(line.level), "%s", line.text.c_str());
        }
    }
}

} // namespace aovpn::ui
