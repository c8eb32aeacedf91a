#include "ui/file_ops.hpp"

#include "model/exports.hpp"
#include "model/profile_xml.hpp"
#include "model/utf8_path.hpp"
#include "ui/actions.hpp"
#include "ui/azure_import.hpp"
#include "ui/certificates.hpp"
#include "ui/dialogs.hpp"
#include "ui/document.hpp"

#include "file_errors.hpp"

#include <filesystem>

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
    case FileAction::ImportAzure:
    case FileAction::None:
        break;
    }
    return {};
}

void exportTo(AppState& state, const std::string& path, const std::string& text, const char* what) {
    if (auto e =
            writeTextFile(path, std::string("Export the ") + what + " settings to " + path, text))
        return reportError(state, std::string(what) + " export failed", *e);
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
        // What waited for this save (New, Open, Quit over unsaved changes) runs once it worked.
        if (saveProfileFile(state, path) && state.view.afterSave) {
            const auto then = std::move(state.view.afterSave);
            state.view.afterSave = {};
            then(state);
        }
        state.view.afterSave = {};
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
    case FileAction::ImportAzure:
        importAzureFile(state, path);
        break;
    case FileAction::None:
        break;
    }
}

namespace {
// "Line 3, column 5: ..." for the dialog: why the text is not a profile.
platform::Error notAProfile(const std::string& path, const ReadResult& read) {
    platform::Error e;
    e.action = "Open " + path;
    e.meaning =
        "This is not a ProfileXML file: " +
        (read.errors.empty() ? std::string("it could not be read") : read.errors.front().message);
    if (read.errors.size() > 1)
        e.meaning += " (and " + std::to_string(read.errors.size() - 1) + " more problem(s))";
    e.nextStep = "Open a VPNv2 ProfileXML (<VPNProfile> ...) file, such as one saved by this app "
                 "or exported for Intune.";
    return e;
}

// Recent files and the title keep absolute paths: a relative one means nothing next time.
std::string absolutePath(const std::string& path) {
    const auto given = pathFromUtf8(path);
    if (given.is_absolute()) return path; // as the user wrote it (separators included)
    std::error_code ec;
    const auto abs = std::filesystem::absolute(given, ec);
    return ec ? path : pathToUtf8(abs.lexically_normal());
}
} // namespace

bool openProfileFile(AppState& state, const std::string& givenPath) {
    const std::string path = absolutePath(givenPath);
    std::string text;
    if (auto e = readTextFile(path, "Open " + path, text)) {
        dropMissingRecentFiles(state);
        reportError(state, "Open failed", *e);
        return false;
    }
    ReadResult read = readProfileXml(text);
    if (!read.ok()) {
        reportError(state, "Open failed", notAProfile(path, read));
        return false;
    }
    for (const auto& w : read.warnings)
        appendLog(state.view, LogLevel::Warning, w.message);
    loadDocument(state, std::move(read.profile), path, read.warnings);
    refreshInstalled(state); // enables Connect test / Remove when Windows has this profile
    addRecentFile(state.settings, path);
    appendLog(state.view, LogLevel::Info, "Opened " + fileNameOf(path) + ".");
    return true;
}

bool saveProfileFile(AppState& state, const std::string& givenPath) {
    const std::string path = absolutePath(givenPath);
    refreshDerived(state);
    if (auto e = writeTextFile(path, "Save the profile to " + path, state.derived.xml)) {
        reportError(state, "Save failed", *e);
        return false;
    }
    state.doc.filePath = path;
    markSaved(state);
    addRecentFile(state.settings, path);
    appendLog(state.view, LogLevel::Info, "Saved " + fileNameOf(path) + ".");
    return true;
}

void dropMissingRecentFiles(AppState& state) {
    auto& recent = state.settings.recentFiles;
    std::erase_if(recent, [&](const std::string& path) {
        std::error_code ec;
        if (std::filesystem::exists(pathFromUtf8(path), ec) || ec) return false;
        appendLog(state.view, LogLevel::Info,
                  "Removed " + path + " from the recent files: it is not there any more.");
        return true;
    });
}

void save(AppState& state) {
    if (state.doc.filePath.empty())
        requestFile(state, FileAction::SaveAs);
    else
        saveProfileFile(state, state.doc.filePath);
}

void requestNew(AppState& state, Template t) {
    whenChangesSettled(state, "starting a new profile", [t](AppState& s) {
        loadDocument(s, makeTemplate(t), {});
        refreshInstalled(s);
        for (const TemplateInfo& info : templates())
            if (info.id == t)
                appendLog(s.view, LogLevel::Info,
                          "New profile from " + std::string(info.title) + ".");
    });
}

void requestOpen(AppState& state, const std::string& pathOrEmpty) {
    whenChangesSettled(state, "opening another profile", [pathOrEmpty](AppState& s) {
        if (pathOrEmpty.empty())
            requestFile(s, FileAction::Open);
        else
            openProfileFile(s, pathOrEmpty);
    });
}

} // namespace aovpn::ui
