#pragma once
// The path popup's folder browser (Linux has no native file dialog here): the folder of the
// typed path, its subfolders and files; a click fills the path.
#include "ui/state.hpp"

#include <string>

namespace aovpn::ui {

// The folder a typed path points into: the path itself when it is a folder or ends in a
// separator, else its parent; relative paths are taken from the working folder.
std::string folderOfTypedPath(const std::string& typed);
// Reads one folder: hidden entries (".name") left out, folders first, at most `limit` entries.
FolderListing listFolder(const std::string& folder, std::size_t limit = 5000);
// Draws the listing of pathInput's folder under the path field; true when a file was
// double-clicked (the popup then takes it as if OK were pressed).
bool drawFolderList(AppState& state);

} // namespace aovpn::ui
