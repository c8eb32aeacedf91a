#include "ui/file_ops.hpp"

#include "model/exports.hpp"
#include "model/profile_xml.hpp"
#include "ui/actions.hpp"
#include "ui/certificates.hpp"
#include "ui/document.hpp"

namespace aovpn::ui {

namespace {

// Logs name the file, not its folder: the log is copied into tickets.
std::string fileNameOf(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string suggestedName(const AppState& state, const char* ext) {
    std::string name = documentTitle(state);
    for (char& c : name)
        if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
            c == '>' || c == '|')
            c = '_';
    return name + ext;
}

std::string suggestionFor(const AppState& state, FileAction action) {
    switch (action) {
    case FileAction::SaveAs:
        return state.doc.filePath.empty() ? suggestedName(state, ".xml") : state.doc.filePath;
    case FileAction::ExportPowerShell:
        return suggestedName(state, ".ps1");
    case FileAction::ExportIntune:
        return suggestedName(state, "-intune.txt");
    case FileAction::Open:
    case FileAction::ImportRootCa:
    case FileAction::None:
        break;
    }
    return {};
}

void exportTo(AppState& state, const std::string& path, const std::string& text, const char* what) {
    if (const std::string err = writeFileAtomic(path, text); !err.empty()) {
        appendLog(state.view, LogLevel::Error, std::string(what) + " export failed: " + err);
        return;
    }
    appendLog(state.view, LogLevel::Info, std::string(what) + " export written to " + path + ".");
}

} // namespace

void requestFile(AppState& state, FileAction action) {
    const std::string suggested = suggestionFor(state, action);
    if (state.dialogs) {
        if (auto path = state.dialogs->choose(action, suggested))
            completeFile(state, action, *path);
        return;
    }
    state.view.fileAction = action;
    state.view.pathInput = suggested;
}

void completeFile(AppState& state, FileAction action, const std::string& path) {
    if (path.empty()) return;
    switch (action) {
    case FileAction::Open:
        openProfileFile(state, path);
        break;
    case FileAction::SaveAs:
        saveProfileFile(state, path);
        break;
    case FileAction::ExportPowerShell:
        refreshDerived(state);
        // Windows PowerShell 5.1 reads a script without a BOM in the ANSI code page.
        exportTo(state, path, std::string(kUtf8Bom) + state.derived.powershell, "PowerShell");
        break;
    case FileAction::ExportIntune:
        refreshDerived(state);
        exportTo(state, path, state.derived.intune, "Intune");
        break;
    case FileAction::ImportRootCa:
        trustRootFile(state, path);
        break;
    case FileAction::None:
        break;
    }
}

bool openProfileFile(AppState& state, const std::string& path) {
    std::string error;
    const auto text = readWholeFile(path, error);
    if (!text) {
        appendLog(state.view, LogLevel::Error, error);
        return false;
    }
    ReadResult read = readProfileXml(*text);
    if (!read.ok()) {
        appendLog(state.view, LogLevel::Error, path + " is not a usable ProfileXML:");
        for (const auto& e : read.errors)
            appendLog(state.view, LogLevel::Error, "  " + e.message);
        return false;
    }
    for (const auto& w : read.warnings)
        appendLog(state.view, LogLevel::Warning, w.message);
    loadDocument(state, std::move(read.profile), path);
    refreshInstalled(state); // enables Connect test / Remove when Windows has this profile
    addRecentFile(state.settings, path);
    appendLog(state.view, LogLevel::Info, "Opened " + fileNameOf(path) + ".");
    return true;
}

bool saveProfileFile(AppState& state, const std::string& path) {
    refreshDerived(state);
    if (const std::string err = writeFileAtomic(path, state.derived.xml); !err.empty()) {
        appendLog(state.view, LogLevel::Error, "Save failed: " + err);
        return false;
    }
    state.doc.filePath = path;
    state.doc.savedRevision = state.doc.revision;
    addRecentFile(state.settings, path);
    appendLog(state.view, LogLevel::Info, "Saved " + fileNameOf(path) + ".");
    return true;
}

void save(AppState& state) {
    if (state.doc.filePath.empty())
        requestFile(state, FileAction::SaveAs);
    else
        saveProfileFile(state, state.doc.filePath);
}

void requestNew(AppState& state, Template t) {
    if (state.doc.dirty() && state.view.confirm != Confirm::NewDiscard) {
        state.view.pendingTemplate = static_cast<int>(t);
        state.view.confirm = Confirm::NewDiscard;
        return;
    }
    loadDocument(state, makeTemplate(t), {});
    refreshInstalled(state);
    for (const TemplateInfo& info : templates())
        if (info.id == t)
            appendLog(state.view, LogLevel::Info,
                      "New profile from " + std::string(info.title) + ".");
}

void requestOpen(AppState& state, const std::string& pathOrEmpty) {
    if (state.doc.dirty() && state.view.confirm != Confirm::OpenDiscard) {
        state.view.pendingOpenPath = pathOrEmpty;
        state.view.confirm = Confirm::OpenDiscard;
        return;
    }
    if (pathOrEmpty.empty())
        requestFile(state, FileAction::Open);
    else
        openProfileFile(state, pathOrEmpty);
}

} // namespace aovpn::ui
