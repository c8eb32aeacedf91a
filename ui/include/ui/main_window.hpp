#pragma once
#include "ui/state.hpp"

namespace aovpn::ui {

// Applies finished worker results and rebuilds derived state if the document changed.
void beginFrameWork(AppState& state);

// Draws the whole window for one frame: menu bar, form (left), preview and issues (right),
// action bar and log (bottom), dialogs. Must be called between ImGui::NewFrame() and
// ImGui::Render().
void drawMainWindow(AppState& state);

} // namespace aovpn::ui
