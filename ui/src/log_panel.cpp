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

std::string logText(const ViewState& view) {
    std::string all;
    for (const LogLine& l : view.log)
        all += (l.time.empty() ? std::string(8, ' ') : l.time) + "  " + l.text + "\n";
    return all;
}

void drawLogPanel(AppState& state) {
    ImGui::TextDisabled("LOG");
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy log")) ImGui::SetClipboardText(logText(state.view).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear")) state.view.log.clear();
    ImGui::BeginChild("lines", ImVec2(0, 0), ImGuiChildFlags_None,
                      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NavFlattened);
    // At the end as of the last frame (or never scrolled): follow what arrives now.
    const bool follow = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
    const float timeW = ImGui::CalcTextSize("00:00:00").x;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.view.log.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const LogLine& line = state.view.log[static_cast<size_t>(i)];
            ImGui::TextDisabled("%s", line.time.c_str());
            ImGui::SameLine(timeW + ImGui::GetStyle().ItemSpacing.x * 2.0f);
            ImGui::TextColored(colourOf(line.level), "%s", line.text.c_str());
        }
    }
    // Follow new lines unless the user scrolled up to read.
    if (follow) ImGui::SetScrollHereY(1.0f);
    ImGui::EndChild();
}

} // namespace aovpn::ui
