#include "ui/panels.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {
constexpr const char* kTabs[] = {"ProfileXML", "Escaped (WMI)", "PowerShell", "Intune"};
}

void drawPreviewPanel(AppState& state) {
    ImGui::TextDisabled("PREVIEW");
    if (!ImGui::BeginTabBar("preview-tabs")) return;
    for (int i = 0; i < static_cast<int>(std::size(kTabs)); ++i) {
        if (!ImGui::BeginTabItem(kTabs[i])) continue;
        state.view.previewTab = i;
        ImGui::PushFont(state.view.fonts.mono);
        ImGui::TextDisabled("<VPNProfile>");
        ImGui::TextDisabled("  <!-- the generated profile appears here as you type -->");
        ImGui::TextDisabled("</VPNProfile>");
        ImGui::PopFont();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

} // namespace aovpn::ui
