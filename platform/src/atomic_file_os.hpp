#pragma once
// The OS half of atomic_file.cpp: one implementation per OS (atomic_file_posix.cpp,
// atomic_file_win32.cpp), each compiled only on its own OS.
#include "platform/atomic_file.hpp"

namespace aovpn::platform::os {

std::uint32_t currentPid();
bool processIsRunning(std::uint32_t pid);
// Creates `tmp` (never an existing file), writes all bytes, flushes them to the disk, closes.
std::optional<Error> writeAndFlush(const std::filesystem::path& tmp, std::string_view bytes,
                                   const std::string& action, const WriteFaultHook& hook);
// Renames tmp over target in one step and makes the rename durable.
std::optional<Error> renameDurably(const std::filesystem::path& tmp,
                                   const std::filesystem::path& target, const std::string& action);
void flushFolder(const std::filesystem::path& dir);
Result<std::string> readRegularFile(const std::filesystem::path& file, std::uintmax_t maxBytes,
                                    const std::string& action);
std::optional<Error> removeFile(const std::filesystem::path& file, const std::string& action);

} // namespace aovpn::platform::os
