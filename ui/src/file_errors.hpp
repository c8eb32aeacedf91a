#pragma once
// File failures in plain words for the error dialog: "not found", "access denied", "the folder
// is read-only", "that is a folder" - never a temp file's name. Internal to ui/.
#include "platform/platform.hpp"

#include <string>

namespace aovpn::ui {

enum class FileUse { Read, Write };

// Replaces the meaning and next step of a file error whose code says why in plain words; other
// errors come back as they are.
platform::Error inPlainWords(platform::Error e, FileUse use);

// Opens a profile (or any text file the app reads) into `text`; the error when it cannot.
std::optional<platform::Error> readTextFile(const std::string& utf8Path, const std::string& action,
                                            std::string& text);
// Writes atomically (the platform's temp + flush + rename).
std::optional<platform::Error> writeTextFile(const std::string& utf8Path, const std::string& action,
                                             std::string_view text);

} // namespace aovpn::ui
