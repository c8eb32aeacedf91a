// The left pane: the form and the "All settings" tree as two tabs, with the Fix bar above them.
// A clicked issue goes to the form; when no form widget takes it within two frames (the form
// has no widget for that field), the All settings tab opens and its tree focuses the field.
#include "model/fixes.hpp"
#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {
namespace {

void refreshFixes(AppState& state) {
    AllSettingsView& v = state.view.allSettings;
    if (v.fixesRevision == state.doc.revision) return;
    v.fixesRevision = state.doc.revision;
    v.fixes = plannedFixes(state.doc.profile);
}

// Structural mistakes the reader kept as they were (misplaced elements, <App> text, empty
// booleans, an escaped EAP block, spaced servers): one button repairs them all, undoably.
void drawFixBar(AppState& state) {
    refreshFixes(state);
    const auto& fixes = state.view.allSettings.fixes;
    if (fixes.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, severityColour(Severity::Error));
    ImGui::TextWrapped("%zu structural problem(s) Windows or Intune would refuse. Fix makes "
                       "these changes:",
                       fixes.size());
    ImGui::PopStyleColor();
    for (const std::string& f : fixes)
        ImGui::BulletText("%s", f.c_str());
    if (ImGui::Button("Fix##structure")) {
        Profile fixed = state.doc.profile;
        const std::vector<std::string> done = applyFixes(fixed);
        // What the reader said about the structure is repaired now: it goes from the list.
        std::erase_if(state.doc.readFindings,
                      [](const Issue& i) { return i.rule.starts_with("structure."); });
        replaceProfile(state, std::move(fixed), "Fix");
        for (const std::string& d : done)
            appendLog(state.view, LogLevel::Info, "Fixed: " + d);
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The same repairs as aovpn normalize --fix; Undo (Ctrl+Z) reverts them.");
    ImGui::Separator();
}

// After the form drew: a focus request it did not take is the tree's, one frame later.
void handOverUnclaimedFocus(AppState& state) {
    AllSettingsView& v = state.view.allSettings;
    const std::string& f = state.view.focusField;
    if (f.empty()) {
        v.unclaimedFrames = 0;
        return;
    }
    if (f != v.unclaimedFocus) {
        v.unclaimedFocus = f;
        v.unclaimedFrames = 0;
    }
    // Two frames: a collapsed section (or a filter's details) opens on the first.
    if (++v.unclaimedFrames >= 2) {
        v.selectTab = true;
        v.unclaimedFrames = 0;
    }
}

} // namespace

void drawLeftPane(AppState& state) {
    drawFixBar(state);
    AllSettingsView& v = state.view.allSettings;
    if (!ImGui::BeginTabBar("##left-pane")) return;
    const bool selectTree = v.selectTab, selectForm = v.selectForm;
    v.selectTab = v.selectForm = false;
    if (ImGui::BeginTabItem("Form##form-tab", nullptr,
                            selectForm ? ImGuiTabItemFlags_SetSelected : 0)) {
        v.active = false;
        drawFormPanel(state);
        handOverUnclaimedFocus(state);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("All settings##all-settings-tab", nullptr,
                            selectTree ? ImGuiTabItemFlags_SetSelected : 0)) {
        v.active = true;
        drawAllSettingsPanel(state);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

} // namespace aovpn::ui
