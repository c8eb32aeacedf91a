#include "ui/actions.hpp"
#include "ui/azure_import.hpp"
#include "ui/dialogs.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/panels.hpp"
#include "ui/repairs.hpp"

#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {

constexpr const char* kNoPlatform = "No platform in this session.";
constexpr const char* kStartPage = "Choose a template, a file or an installed profile first.";

void fileMenu(AppState& state) {
    if (ImGui::MenuItem("Start page", nullptr, false, !state.view.startPage))
        whenChangesSettled(state, "going to the start page", showStartPage);
    disabledTip(state.view.startPage, "This is the start page.");
    if (ImGui::BeginMenu("New from template")) {
        for (const TemplateInfo& t : templates())
            if (ImGui::MenuItem(std::string(t.title).c_str())) requestNew(state, t.id);
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Open...", "Ctrl+O")) requestOpen(state, {});
    const bool anyRecent = !state.settings.recentFiles.empty();
    const bool recentOpen = ImGui::BeginMenu("Open recent", anyRecent);
    disabledTip(!anyRecent, "No recent files yet: files you open or save appear here.");
    if (recentOpen) {
        // Copy: opening a file reorders the list we iterate.
        const auto recent = state.settings.recentFiles;
        for (const auto& path : recent)
            if (ImGui::MenuItem(path.c_str())) requestOpen(state, path);
        ImGui::EndMenu();
    }
    // The start page has no document of the user's to save or export.
    const bool doc = !state.view.startPage;
    if (ImGui::MenuItem("Save", "Ctrl+S", false, doc)) save(state);
    disabledTip(!doc, kStartPage);
    if (ImGui::MenuItem("Save As...", nullptr, false, doc)) requestFile(state, FileAction::SaveAs);
    disabledTip(!doc, kStartPage);
    ImGui::Separator();
    const std::string whyNoList = whyNoImport(state);
    if (ImGui::MenuItem("Import installed profile...", nullptr, false, whyNoList.empty()))
        whenChangesSettled(state, "importing an installed profile", startListInstalled);
    disabledTip(!whyNoList.empty(), whyNoList);
    if (ImGui::MenuItem("Import Azure VPN client package...")) requestImportAzure(state);
    const bool exports = doc && state.derived.exportsAvailable;
    const std::string whyNot = doc ? "Not available: " + state.derived.exportsWhy : kStartPage;
    if (ImGui::MenuItem("Export PowerShell script...", nullptr, false, exports))
        requestFile(state, FileAction::ExportPowerShell);
    disabledTip(!exports, whyNot);
    if (ImGui::MenuItem("Export Intune settings...", nullptr, false, exports))
        requestFile(state, FileAction::ExportIntune);
    disabledTip(!exports, whyNot);
    ImGui::Separator();
    if (ImGui::MenuItem("Quit")) state.view.quitRequested = true;
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
        disabledTip(!canUndo(state), "Nothing to undo.");
        if (ImGui::MenuItem("Redo", "Ctrl+Y", false, canRedo(state))) redo(state);
        disabledTip(!canRedo(state), "Nothing to redo.");
        ImGui::EndMenu();
    }
    if (beginMenu("Profile", ImGuiKey_P)) {
        const ActionAvailability a = availableActions(state);
        if (ImGui::MenuItem("Apply", nullptr, false, a.apply)) requestApply(state);
        disabledTip(!a.apply, a.why);
        if (ImGui::MenuItem("Connect test", "F5", false, a.connect)) startConnectTest(state);
        disabledTip(!a.connect, a.whyConnect);
        if (ImGui::MenuItem("Disconnect", nullptr, false, a.disconnect)) startDisconnect(state);
        disabledTip(!a.disconnect, a.whyDisconnect);
        if (ImGui::MenuItem("Remove", nullptr, false, a.remove)) requestRemove(state);
        disabledTip(!a.remove, a.whyRemove);
        if (ImGui::MenuItem("Check installed state", nullptr, false, state.platform != nullptr))
            refreshInstalled(state);
        disabledTip(state.platform == nullptr, kNoPlatform);
        const RepairAvailability r = availableRepairs(state); // repairs.cpp
        if (ImGui::MenuItem("Repair auto-connect...", nullptr, false, r.autoConnect))
            requestRepairAutoConnect(state);
        disabledTip(!r.autoConnect, r.whyAutoConnect);
        if (ImGui::MenuItem("Check hidden phonebook...", nullptr, false, r.phonebook))
            requestPhonebookCheck(state);
        disabledTip(!r.phonebook, r.whyPhonebook);
        ImGui::Separator();
        if (ImGui::MenuItem("Restart as administrator", nullptr, false, canRestartElevated(state)))
            restartElevated(state);
        disabledTip(!canRestartElevated(state), whyNoRestartElevated(state));
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
