#pragma once
#include "ui/file_ops.hpp"

#include <memory>

struct GLFWwindow;

namespace aovpn::app {

// The OS's open/save dialogs (Windows); null elsewhere, where the window asks for a path itself.
std::unique_ptr<ui::FileDialogs> makeFileDialogs(GLFWwindow* window);

} // namespace aovpn::app
