#pragma once
// One function per panel (one file each under ui/src/); main_window.cpp lays them out.
#include "ui/state.hpp"

namespace aovpn::ui {

void drawMenuBar(AppState& state);
void drawFormPanel(AppState& state);
void drawPreviewPanel(AppState& state);
void drawActionBar(AppState& state);
void drawLogPanel(AppState& state);

} // namespace aovpn::ui
