#pragma once
#include "ui/state.hpp"

namespace aovpn::ui {

// Draws the whole window for one frame: menu bar, form (left), preview (right), action bar and
// log (bottom). Must be called between ImGui::NewFrame() and ImGui::Render().
void drawMainWindow(AppState& state);

} // namespace aovpn::ui
