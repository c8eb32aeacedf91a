#pragma once
// Open, save (atomic), export, templates and recent files. Paths are UTF-8 strings; the native
// open/save dialogs sit behind FileDialogs (the app supplies the Windows one); without it the
// window asks for a path in a popup.
#include "ui/state.hpp"
#include "ui/templates.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace aovpn::ui {

class FileDialogs {
  public:
    virtual ~FileDialogs() = default;
    // Blocks in the OS dialog; nullopt when the user cancels.
    virtual std::optional<std::string> choose(FileAction action, const std::string& suggested) = 0;
};

// Asks for a path (native dialog or the popup), then runs completeFile().
void requestFile(AppState& state, FileAction action);
void completeFile(AppState& state, FileAction action, const std::string& path);

bool openProfileFile(AppState& state, const std::string& path);
bool saveProfileFile(AppState& state, const std::string& path);
void save(AppState& state); // to the current file, or Save As
// File > New / Open with the "discard unsaved changes?" check.
void requestNew(AppState& state, Template t);
void requestOpen(AppState& state, const std::string& pathOrEmpty);

// Writes a temp file beside `path`, flushes it, then renames it over `path`: a crash leaves the
// old file or the new one, never half of one. Returns an empty string or what went wrong.
std::string writeFileAtomic(const std::string& path, std::string_view content);
std::optional<std::string> readWholeFile(const std::string& path, std::string& error);

void addRecentFile(Settings& settings, const std::string& path);
// Drops recent files that are no longer there, with a note in the log for each (at start-up and
// after an open found nothing).
void dropMissingRecentFiles(AppState& state);
// Settings as "key=value" lines; a missing or damaged file gives defaults.
Settings loadSettings(const std::string& file);
std::string saveSettings(const Settings& settings, const std::string& file);

} // namespace aovpn::ui
