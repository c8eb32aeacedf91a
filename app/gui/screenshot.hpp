#pragma once
#include <string>

namespace aovpn::app {

// Checks up front that FILE can be created, so a bad path fails before any window opens.
// Returns an empty string when it can, else a sentence saying why not.
std::string checkWritable(const std::string& file);

// Reads the current OpenGL back buffer (width x height) and writes it as PNG. Returns an empty
// string on success, else a sentence saying what went wrong.
std::string saveFramebufferPng(const std::string& file, int width, int height);

} // namespace aovpn::app
