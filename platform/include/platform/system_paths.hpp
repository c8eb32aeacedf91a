#pragma once
// Where this OS keeps things the app needs: UI fonts and the user's config folder.
#include <filesystem>
#include <vector>

namespace aovpn::platform {

// TrueType UI fonts to try, best first (Segoe UI on Windows; a Debian font package on Linux).
// Files that do not exist are already left out.
std::vector<std::filesystem::path> uiFontCandidates();
// Monospace fonts for the XML preview, best first (Consolas on Windows).
std::vector<std::filesystem::path> monoFontCandidates();

// The user's settings folder for this app (%APPDATA%\AOVPN Studio, or
// $XDG_CONFIG_HOME/aovpn-studio).
std::filesystem::path configDir();

} // namespace aovpn::platform
