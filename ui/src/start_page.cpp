// The first screen (issue 8 §5): where to start, instead of a complete-looking dummy profile with
// Apply enabled. Any choice that loads a document leaves it (loadDocument clears the flag).
#include "ui/actions.hpp"
#include "ui/dialogs.hpp"
#include "ui/file_ops.hpp"
#include "ui/panels.hpp"

#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {

const char* templateNote(Template t) {
    switch (t) {
    case Template::AzureUserTunnel:
        return "Azure P2S gateway, EAP-TLS with the user's certificate, server validation on, a "
               "crypto suite Azure's default policy accepts.";
    case Template::UserTunnel:
        return "Your own gateway (RRAS, strongSwan...), EAP-TLS with the user's certificate.";
    case Template::DeviceTunnel:
        return "Machine certificate, IKEv2, before sign-in (Enterprise/Education, as SYSTEM).";
    }
    return "";
}

void heading(const char* text) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", text);
    ImGui::Separator();
}

void newFromTemplate(AppState& state) {
    heading("NEW FROM TEMPLATE");
    for (const TemplateInfo& t : templates()) {
        const std::string label(t.title);
        if (ImGui::Button(label.c_str())) requestNew(state, t.id);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", templateNote(t.id));
    }
}

void openOrImport(AppState& state) {
    heading("OPEN");
    if (ImGui::Button("Open a profile file...")) requestOpen(state, {});
    ImGui::SameLine();
    ImGui::TextWrapped("A ProfileXML file (.xml), from this tool, Intune, DPC or a script.");
    const std::string whyNot = whyNoImport(state);
    ImGui::BeginDisabled(!whyNot.empty());
    const bool import = ImGui::Button("Import installed profile...");
    ImGui::EndDisabled();
    disabledTip(!whyNot.empty(), whyNot);
    if (import && whyNot.empty()) startListInstalled(state);
    ImGui::SameLine();
    ImGui::TextWrapped("A profile already on this PC, for %s.", targetDescription(state).c_str());
}

void recentFiles(AppState& state) {
    heading("RECENT FILES");
    if (state.settings.recentFiles.empty()) {
        ImGui::TextDisabled("None yet: files you open or save appear here.");
        return;
    }
    // Copy: opening a file reorders the list we iterate.
    const auto recent = state.settings.recentFiles;
    for (const std::string& path : recent)
        if (ImGui::Selectable(path.c_str())) requestOpen(state, path);
}

} // namespace

void drawStartPage(AppState& state, float height) {
    ImGui::BeginChild("Start", ImVec2(0.0f, height), ImGuiChildFlags_Border,
                      ImGuiWindowFlags_NavFlattened);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted("Start: choose what to work on");
    ImGui::TextDisabled("Nothing is applied until you press Apply on a profile you have checked.");
    ImGui::PopTextWrapPos();
    newFromTemplate(state);
    openOrImport(state);
    recentFiles(state);
    ImGui::EndChild();
}

} // namespace aovpn::ui
