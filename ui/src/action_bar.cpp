#include "ui/actions.hpp"
#include "ui/panels.hpp"
#include "ui/repairs.hpp"
#include "ui/tasks.hpp"

#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {
const ImVec4 kWarning(0.66f, 0.42f, 0.0f, 1.0f); // the no-MDM-bridge state and the status line

// A button that says why when it is disabled.
bool actionButton(const char* label, bool enabled, const std::string& why) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    disabledTip(!enabled, why);
    ImGui::SameLine();
    return pressed && enabled;
}

void separator() {
    ImGui::TextDisabled("|");
    ImGui::SameLine();
}

// What Windows holds for this profile and account, found at start-up and after each action.
std::string installText(const AppState& state) {
    const auto& lookup = state.install.lookup;
    if (state.install.installed) {
        if (!*state.install.installed) return "Not installed";
        std::string text = lookup && lookup->state == platform::InstallState::Installed
                               ? lookup->text
                               : std::string("Installed");
        return state.install.connected ? text + ", connected" : text;
    }
    return lookup ? lookup->text : std::string();
}

void progress(AppState& state) {
    const std::string p = state.tasks->progress();
    ImGui::Text("%s... %s", state.tasks->what().c_str(), p.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel")) cancelTask(state);
    ImGui::SameLine();
}

void target(const AppState& state) {
    const std::string text = "Target: " + targetDescription(state);
    if (rowText(text, nullptr, true) && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", text.c_str());
    // The wrong-account trap (an elevated admin writing into their own account) stays in sight.
    if (!state.install.session) return;
    if (auto warn = platform::wrongAccountWarning(*state.install.session, currentTarget(state))) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.70f, 0.45f, 0.0f, 1.0f), "(!) not the console user");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", warn->describe().c_str());
    }
}
} // namespace

void drawActionBar(AppState& state) {
    const ActionAvailability a = availableActions(state);
    if (actionButton("Apply", a.apply, a.why)) requestApply(state);
    if (actionButton("Connect test", a.connect, a.whyConnect)) startConnectTest(state);
    if (actionButton("Disconnect", a.disconnect, a.whyDisconnect)) startDisconnect(state);
    if (actionButton("Remove", a.remove, a.whyRemove)) requestRemove(state);
    if (state.tasks->busy()) {
        separator();
        progress(state);
    } else if (const std::string text = installText(state); !text.empty()) {
        const bool noBridge = state.install.lookup &&
                              state.install.lookup->state == platform::InstallState::NoMdmBridge;
        const bool cut = rowText(text, noBridge ? &kWarning : nullptr, true);
        const auto& lookup = state.install.lookup;
        const platform::Error* error = lookup && lookup->error ? &*lookup->error : nullptr;
        if ((cut || error) && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s",
                              error ? (text + "\n\n" + error->describe()).c_str() : text.c_str());
        ImGui::SameLine();
    }
    target(state);
    drawRepairStatus(state); // who owns auto-connect, a corrupted phonebook (repairs.cpp)
    if (!state.view.status.empty()) {
        ImGui::SameLine();
        if (rowText(state.view.status, &kWarning, true) && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", state.view.status.c_str());
    }
}

} // namespace aovpn::ui
