#pragma once
#include "platform/platform.hpp"

#include "gui_options.hpp"

#include <functional>
#include <memory>

namespace aovpn::app {

// Makes the platform the window works on; empty: the system's (makeSystemPlatform). Only the
// scenario build (tests/fake_app) passes another: a fake where this machine has no real one.
using PlatformFactory = std::function<std::unique_ptr<platform::Platform>()>;

// Opens the window and runs until it is closed (or the screenshot is taken). Returns the exit code.
int runGui(const GuiOptions& options, const PlatformFactory& makePlatform = {});

} // namespace aovpn::app
