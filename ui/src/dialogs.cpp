// Modal popups over the window: questions (their answers hold what they do), error dialogs
// with the four parts of a failure, the path popup (no native dialogs) and the import list.
#include "ui/dialogs.hpp"

#include "model/profile_xml.hpp"
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/panels.hpp"

#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {

void ask(AppState& state, Question question) {
    state.view.question = std::move(question);
}

void reportError(AppState& state, std::string title, platform::Error error) {
    appendLog(state.view, LogLevel::Error, error.describe());
    state.view.errors.push_back(ErrorReport{std::move(title), std::move(error)});
}

void whenChangesSettled(AppState& state, const std::string& doing,
                        std::function<void(AppState&)> action) {
    if (!state.doc.dirty()) return action(state);
    auto saveThen = [action](AppState& s) {
        if (s.doc.filePath.empty()) {
            s.view.afterSave = action; // runs once the Save As the popup asks for worked
            requestFile(s, FileAction::SaveAs);
        } else if (saveProfileFile(s, s.doc.filePath)) {
            action(s);
        }
    };
    ask(state,
        Question{"Unsaved changes",
                 "Save the changes to \"" + documentTitle(state) + "\" before " + doing + "?",
                 {{"Save", saveThen}, {"Don't save", action}, {"Cancel", {}}}});
}

namespace {

// Centred, sized to its text; Enter answers with the first button, Escape with the last.
bool beginDialog(const std::string& title) {
    if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return false;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    return true;
}

void endDialog() {
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
}

bool enter() {
    return ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
           ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
}

void drawQuestion(AppState& state) {
    if (!state.view.question) return;
    const Question& q = *state.view.question;
    if (!beginDialog(q.title + "###question")) return;
    ImGui::TextUnformatted(q.text.c_str());
    ImGui::Spacing();
    std::optional<std::size_t> chosen;
    for (std::size_t i = 0; i < q.answers.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        if (i == 0) ImGui::SetItemDefaultFocus();
        if (ImGui::Button(q.answers[i].label.c_str())) chosen = i;
    }
    if (!chosen && enter() && !q.answers.empty()) chosen = 0;
    if (!chosen && ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !q.answers.empty())
        chosen = q.answers.size() - 1;
    if (chosen) {
        const auto run = q.answers[*chosen].run; // the question goes before its answer runs
        state.view.question.reset();
        ImGui::CloseCurrentPopup();
        if (run) run(state);
    }
    endDialog();
}

void part(const char* heading, const std::string& text) {
    ImGui::TextDisabled("%s", heading);
    ImGui::Indent();
    ImGui::TextUnformatted(text.c_str());
    ImGui::Unindent();
}

void drawError(AppState& state) {
    if (state.view.errors.empty()) return;
    const ErrorReport& r = state.view.errors.front();
    if (!beginDialog(r.title + "###error")) return;
    const platform::Error& e = r.error;
    part("What was tried", e.action.empty() ? "(not recorded)" : e.action);
    std::string code = e.codeText().empty() ? "(none)" : e.codeText();
    if (!e.systemMessage.empty()) code += ": " + e.systemMessage;
    part("The code", code);
    part("What it usually means",
         e.meaning.empty() ? "No explanation is known for this code." : e.meaning);
    part("What to do",
         e.nextStep.empty() ? "Copy the details into the ticket and check the log." : e.nextStep);
    ImGui::Spacing();
    ImGui::SetItemDefaultFocus();
    const bool ok = ImGui::Button("OK");
    ImGui::SameLine();
    if (ImGui::Button("Copy details")) ImGui::SetClipboardText(e.describe().c_str());
    if (ok || enter() || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        state.view.errors.erase(state.view.errors.begin());
        ImGui::CloseCurrentPopup();
    }
    endDialog();
}

// Linux has no native dialog here: the path is typed (or pasted) into a popup.
void drawPathPopup(AppState& state) {
    if (state.view.fileAction == FileAction::None) return;
    if (!beginDialog("Choose a file")) return;
    ImGui::TextUnformatted("Path:");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 34.0f);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool entered = inputText("##File path", state.view.pathInput, nullptr,
                                   ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::Button("OK") || entered) {
        const FileAction action = state.view.fileAction;
        state.view.fileAction = FileAction::None;
        ImGui::CloseCurrentPopup();
        completeFile(state, action, state.view.pathInput);
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        state.view.fileAction = FileAction::None;
        state.view.afterSave = {};
        ImGui::CloseCurrentPopup();
    }
    endDialog();
}

void importPick(AppState& state, const platform::InstalledProfile& installed) {
    ReadResult read = readProfileXml(installed.xml);
    if (!read.ok()) {
        platform::Error e;
        e.action = "Import the installed profile \"" + installed.name + "\"";
        e.meaning = "Windows gave back XML this app cannot read: " +
                    (read.errors.empty() ? std::string("no detail") : read.errors[0].message);
        e.nextStep = "Open the profile's XML from the file it was deployed from instead.";
        return reportError(state, "Import failed", e);
    }
    loadDocument(state, std::move(read.profile), {}, read.warnings);
    state.install.installed = true;
    appendLog(state.view, LogLevel::Info,
              "Imported the installed profile \"" + installed.name + "\".");
}

void drawImportPopup(AppState& state) {
    if (!state.view.importOpen) return;
    if (!beginDialog("Import installed profile")) return;
    if (state.view.importList.empty())
        ImGui::TextUnformatted("No profiles are installed for this account.");
    for (const auto& installed : state.view.importList) {
        if (!ImGui::Selectable(installed.name.c_str())) continue;
        const platform::InstalledProfile pick = installed;
        state.view.importOpen = false;
        ImGui::CloseCurrentPopup();
        importPick(state, pick);
        break;
    }
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        state.view.importOpen = false;
        ImGui::CloseCurrentPopup();
    }
    endDialog();
}

} // namespace

void drawDialogs(AppState& state) {
    if (state.view.quitRequested) {
        state.view.quitRequested = false;
        whenChangesSettled(state, "quitting", [](AppState& s) { s.view.quitConfirmed = true; });
    }
    // One modal at a time, errors first: a failure is never hidden behind a question.
    if (!state.view.errors.empty())
        drawError(state);
    else if (state.view.question)
        drawQuestion(state);
    else
        drawPathPopup(state);
    drawImportPopup(state);
    drawHelp(state);
}

} // namespace aovpn::ui
