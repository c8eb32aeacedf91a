#include "ui/actions.hpp"
#include "ui/azure_import.hpp"
#include "ui/dialogs.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/panels.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {

void fileMenu(AppState& state) {
    if (ImGui::BeginMenu("New from template")) {
        for (const TemplateInfo& t : templates())
            if (ImGui::MenuItem(std::string(t.title).c_str())) requestNew(state, t.id);
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Open...", "Ctrl+O")) requestOpen(state, {});
    if (ImGui::BeginMenu("Open recent", !state.settings.recentFiles.empty())) {
        // Copy: opening a file reorders the list we iterate.
        const auto recent = state.settings.recentFiles;
        for (const auto& path : recent)
            if (ImGui::MenuItem(path.c_str())) requestOpen(state, path);
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Save", "Ctrl+S")) save(state);
    if (ImGui::MenuItem("Save As...")) requestFile(state, FileAction::SaveAs);
    ImGui::Separator();
    if (ImGui::MenuItem("Import installed profile...", nullptr, false, state.platform != nullptr))
        whenChangesSettled(state, "importing an installed profile", startListInstalled);
    if (ImGui::MenuItem("Import Azure VPN client package...")) requestImportAzure(state);
    const bool exports = state.derived.exportsAvailable;
    if (ImGui::MenuItem("Export PowerShell script...", nullptr, false, exports))
        requestFile(state, FileAction::ExportPowerShell);
    if (ImGui::MenuItem("Export Intune settings...", nullptr, false, exports))
        requestFile(state, FileAction::ExportIntune);
    ImGui::Separator();
    if (ImGui::MenuItem("Quit")) state.view.quitRequested = true;
}

void whyDisabled(bool enabled, const std::string& why) {
    if (!enabled && !why.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", why.c_str());
}

// Alt+F, Alt+E, Alt+P, Alt+H open their menus, as Windows' mnemonics do (ImGui 1.90 has none;
// Alt alone moves the keyboard to the menu bar, arrows and Enter take it from there).
bool beginMenu(const char* label, ImGuiKey mnemonic) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyAlt && !io.KeyCtrl && ImGui::IsKeyPressed(mnemonic, false) &&
        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        ImGui::OpenPopup(label);
    return ImGui::BeginMenu(label);
}

} // namespace

void drawMenuBar(AppState& state) {
    if (!ImGui::BeginMenuBar()) return;
    if (beginMenu("File", ImGuiKey_F)) {
        fileMenu(state);
        ImGui::EndMenu();
    }
    if (beginMenu("Edit", ImGuiKey_E)) {
        if (ImGui::MenuItem("Undo", "Ctrl+Z", false, canUndo(state))) undo(state);
        if (ImGui::MenuItem("Redo", "Ctrl+Y", false, canRedo(state))) redo(state);
        ImGui::EndMenu();
    }
    if (beginMenu("Profile", ImGuiKey_P)) {
        const ActionAvailability a = availableActions(state);
        if (ImGui::MenuItem("Apply", nullptr, false, a.apply)) requestApply(state);
        whyDisabled(a.apply, a.why);
        if (ImGui::MenuItem("Connect test", "F5", false, a.connect)) startConnectTest(state);
        whyDisabled(a.connect, a.whyConnect);
        if (ImGui::MenuItem("Disconnect", nullptr, false, a.disconnect)) startDisconnect(state);
        if (ImGui::MenuItem("Remove", nullptr, false, a.remove)) requestRemove(state);
        whyDisabled(a.remove, a.whyRemove);
        if (ImGui::MenuItem("Check installed state", nullptr, false, state.platform != nullptr))
            refreshInstalled(state);
        ImGui::Separator();
        if (ImGui::MenuItem("Restart as administrator", nullptr, false, canRestartElevated(state)))
            restartElevated(state);
        whyDisabled(canRestartElevated(state), whyNoRestartElevated(state));
        ImGui::EndMenu();
    }
    if (beginMenu("Help", ImGuiKey_H)) {
        if (ImGui::MenuItem("Keyboard shortcuts")) state.view.help = HelpPage::Keys;
        if (ImGui::MenuItem("Troubleshooting")) state.view.help = HelpPage::Troubleshooting;
        ImGui::Separator();
        if (ImGui::MenuItem("Log the font in use"))
            appendLog(state.view, LogLevel::Info, "UI font: " + state.view.fonts.uiSource);
        if (ImGui::MenuItem("About AOVPN Studio")) state.view.help = HelpPage::About;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

} // namespace aovpn::ui
