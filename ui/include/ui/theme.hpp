#pragma once
// Look of the app: colours, spacing, and the fonts at the monitor's DPI scale.
#include "ui/state.hpp"

#include <string>

namespace aovpn::ui {

struct FontFiles {
    std::string ui;   // TrueType UI font; empty = ImGui's built-in font
    std::string mono; // monospace font for XML; empty = ImGui's built-in font
};

// (Re)builds the font atlas and the style for `scale` (1.0 = 96 DPI). The caller must re-upload
// the font texture afterwards (the renderer backend owns it).
Fonts applyTheme(const FontFiles& files, float scale);

} // namespace aovpn::ui
