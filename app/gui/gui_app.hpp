#pragma once
#include "gui_options.hpp"

namespace aovpn::app {

// Opens the window and runs until it is closed (or the screenshot is taken). Returns the exit code.
int runGui(const GuiOptions& options);

} // namespace aovpn::app
