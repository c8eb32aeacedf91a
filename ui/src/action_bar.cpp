#include "ui/actions.hpp"
#include "ui/panels.hpp"
#include "ui/tasks.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {
bool actionButton(const char* label, bool enabled) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    ImGui::SameLine();
    return pressed && enabled;
}
} // namespace

void drawActionBar(AppState& state) {
    const ActionAvailability a = availableActions(state);
    if (actionButton("Apply", a.apply)) requestApply(state);
    if (!a.apply && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && !a.why.empty())
        ImGui::SetTooltip("%s", a.why.c_str());
    if (actionButton("Connect test", a.connect)) startConnectTest(state);
    if (actionButton("Disconnect", a.disconnect)) startDisconnect(state);
    if (actionButton("Remove", a.remove)) requestRemove(state);
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (state.tasks->busy()) {
        const std::string progress = state.tasks->progress();
        ImGui::Text("%s... %s", state.tasks->what().c_str(), progress.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel")) cancelTask(state);
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
    } else if (state.install.installed) {
        ImGui::TextUnformatted(
            *state.install.installed
                ? (state.install.connected ? "Installed, connected" : "Installed")
                : "Not installed");
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
    }
    ImGui::Text("Target: %s", targetDescription(state).c_str());
    // The wrong-account trap (an elevated admin writing into their own account) stays in sight.
    if (state.install.session) {
        if (auto warn =
                platform::wrongAccountWarning(*state.install.session, currentTarget(state))) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.70f, 0.45f, 0.0f, 1.0f), "(!) not the console user");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", warn->describe().c_str());
        }
    }
}

} // namespace aovpn::ui
