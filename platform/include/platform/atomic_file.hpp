#pragma once
// Files that hold either the old bytes or the new ones, never a mix, and that survive a crash or a
// power cut: write a temp file beside the target, flush it to the disk, rename it over the target,
// then flush the folder (POSIX). Temp files a crash left behind are recognised by name and removed
// once the process that wrote them is gone. Used by the profile folder, the copies of applied
// profiles, the replace journal, the broker's files, the GUI's Save and the CLI's -o.
#include "platform/platform.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn::platform {

// Called before each step of a save ("write", "flush", "rename"); an error returned stops the save
// there, as a full disk or a crash would. Tests use it; the product passes none.
using WriteFaultHook = std::function<std::optional<Error>(std::string_view step)>;

// Replaces (or creates) `file` with `bytes`. On failure the old file is untouched and no temp file
// is left. `action` names what the caller does, for the error ("Save the profile ...").
Status writeFileAtomically(const std::filesystem::path& file, std::string_view bytes,
                           const std::string& action, const WriteFaultHook& hook = {});

// Temp files are named ".<file name>.aovpn-tmp-<pid>-<n>"; a name of that form is never a profile
// (profiles end in ".xml").
bool isAtomicTempName(std::string_view leaf);
std::optional<std::uint32_t> atomicTempOwnerPid(std::string_view leaf);

// Removes the temp files in `dir` whose writing process is no longer running (a crash or kill -9
// between write and rename). Returns the names removed.
std::vector<std::string> removeStaleTempFiles(const std::filesystem::path& dir);

// Whether a process of that id is running now (false when it has ended or never existed).
bool processIsRunning(std::uint32_t pid);

// Reads a whole file that must be a regular file of at most `maxBytes`: a FIFO, a device
// (/dev/zero), a folder or an oversized file is refused with a sentence instead of hanging or
// exhausting memory.
Result<std::string> readRegularFile(const std::filesystem::path& file, std::uintmax_t maxBytes,
                                    const std::string& action);

// Removes a file and flushes its folder, so the removal survives a crash. Missing files are fine.
Status removeFileDurably(const std::filesystem::path& file, const std::string& action);

} // namespace aovpn::platform
