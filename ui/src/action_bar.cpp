#include "ui/panels.hpp"

#include <imgui.h>

namespace aovpn::ui {

void drawActionBar(AppState& state) {
    // Actions stay disabled until a valid profile exists (the engine decides that).
    ImGui::BeginDisabled(true);
    ImGui::Button("Apply");
    ImGui::SameLine();
    ImGui::Button("Connect test");
    ImGui::SameLine();
    ImGui::Button("Disconnect");
    ImGui::SameLine();
    ImGui::Button("Remove");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::Text("Target account: %s",
                state.targetAccount.empty() ? "(unknown)" : state.targetAccount.c_str());
}

} // namespace aovpn::ui
