#include "model/profile_xml.hpp"
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/panels.hpp"

#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {

struct ConfirmText {
    const char* title;
    const char* body;
    const char* yes;
};

ConfirmText textOf(Confirm c) {
    switch (c) {
    case Confirm::Remove:
        return {"Remove profile", "Delete the installed profile and clean its leftovers?",
                "Remove"};
    case Confirm::Replace:
        return {"Replace profile",
                "A profile of this name is installed. Replace it? (The old one is kept and put "
                "back if the new one fails.)",
                "Replace"};
    case Confirm::Quit:
        return {"Unsaved changes", "Quit without saving the changes?", "Quit"};
    case Confirm::NewDiscard:
    case Confirm::OpenDiscard:
    case Confirm::ImportDiscard:
        return {"Unsaved changes", "Discard the unsaved changes?", "Discard"};
    case Confirm::None:
        break;
    }
    return {"", "", ""};
}

void confirmed(AppState& state, Confirm c) {
    switch (c) {
    case Confirm::Remove:
        startRemove(state);
        break;
    case Confirm::Replace:
        startApply(state);
        break;
    case Confirm::Quit:
        state.view.quitConfirmed = true;
        break;
    case Confirm::NewDiscard:
        requestNew(state, static_cast<Template>(state.view.pendingTemplate));
        break;
    case Confirm::OpenDiscard:
        requestOpen(state, state.view.pendingOpenPath);
        break;
    case Confirm::ImportDiscard:
        startListInstalled(state);
        break;
    case Confirm::None:
        break;
    }
}

void drawConfirm(AppState& state) {
    if (state.view.confirm == Confirm::None) return;
    const ConfirmText t = textOf(state.view.confirm);
    if (!ImGui::IsPopupOpen(t.title)) ImGui::OpenPopup(t.title);
    if (!ImGui::BeginPopupModal(t.title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(t.body);
    ImGui::PopTextWrapPos();
    const Confirm c = state.view.confirm;
    if (ImGui::Button(t.yes)) {
        confirmed(state, c); // runs while confirm is still set (New/Open check it)
        state.view.confirm = Confirm::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        state.view.confirm = Confirm::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// Linux has no native dialog here: the path is typed (or pasted) into a popup.
void drawPathPopup(AppState& state) {
    if (state.view.fileAction == FileAction::None) return;
    constexpr const char* kTitle = "Choose a file";
    if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("Path:");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 34.0f);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = inputText("##File path", state.view.pathInput, nullptr,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::Button("OK") || enter) {
        const FileAction action = state.view.fileAction;
        state.view.fileAction = FileAction::None;
        ImGui::CloseCurrentPopup();
        completeFile(state, action, state.view.pathInput);
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        state.view.fileAction = FileAction::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void drawImportPopup(AppState& state) {
    if (!state.view.importOpen) return;
    constexpr const char* kTitle = "Import installed profile";
    if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (state.view.importList.empty())
        ImGui::TextUnformatted("No profiles are installed for this account.");
    for (const auto& installed : state.view.importList) {
        if (!ImGui::Selectable(installed.name.c_str())) continue;
        ReadResult read = readProfileXml(installed.xml);
        if (read.ok()) {
            loadDocument(state, std::move(read.profile), {});
            state.install.installed = true;
            appendLog(state.view, LogLevel::Info,
                      "Imported the installed profile \"" + installed.name + "\".");
        } else {
            for (const auto& e : read.errors)
                appendLog(state.view, LogLevel::Error, e.message);
        }
        state.view.importOpen = false;
        ImGui::CloseCurrentPopup();
        break;
    }
    if (ImGui::Button("Cancel")) {
        state.view.importOpen = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace

void drawDialogs(AppState& state) {
    if (state.view.quitRequested) {
        state.view.quitRequested = false;
        if (state.doc.dirty())
            state.view.confirm = Confirm::Quit;
        else
            state.view.quitConfirmed = true;
    }
    drawConfirm(state);
    drawPathPopup(state);
    drawImportPopup(state);
    drawHelp(state);
}

} // namespace aovpn::ui
