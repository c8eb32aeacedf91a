// Atomic, durable file writes for both OSes (POSIX: fsync file + folder; Windows: FlushFileBuffers
// + MoveFileExW with MOVEFILE_WRITE_THROUGH). Only kernel/libc calls, so ui may link it too.
#include "platform/atomic_file.hpp"

#include "atomic_file_os.hpp"

#include <atomic>
#include <charconv>

namespace aovpn::platform {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kTempMark = ".aovpn-tmp-";

std::string tempLeafFor(const fs::path& file) {
    static std::atomic<unsigned> counter{0};
    return "." + file.filename().string() + std::string(kTempMark) +
           std::to_string(os::currentPid()) + "-" + std::to_string(counter++);
}

// Removes the temp files in `dir` whose name starts with `prefix` and whose writing process is no
// longer running.
std::vector<std::string> removeStaleTemps(const fs::path& dir, std::string_view prefix) {
    std::vector<std::string> removed;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string leaf = entry.path().filename().string();
        const auto pid = atomicTempOwnerPid(leaf);
        // Our own pid: a save of this process may be in progress; a running pid: another one's.
        if (!pid || leaf.rfind(prefix, 0) != 0 || *pid == os::currentPid() ||
            os::processIsRunning(*pid))
            continue;
        std::error_code rm;
        if (entry.is_regular_file(rm) && fs::remove(entry.path(), rm)) removed.push_back(leaf);
    }
    if (!removed.empty()) os::flushFolder(dir);
    return removed;
}

bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
} // namespace

std::optional<std::uint32_t> atomicTempOwnerPid(std::string_view leaf) {
    if (leaf.empty() || leaf[0] != '.') return std::nullopt;
    const auto mark = leaf.rfind(kTempMark);
    if (mark == std::string_view::npos || mark == 0) return std::nullopt;
    const std::string_view tail = leaf.substr(mark + kTempMark.size()); // "<pid>-<n>"
    const auto dash = tail.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const std::string_view pid = tail.substr(0, dash), n = tail.substr(dash + 1);
    if (!allDigits(pid) || !allDigits(n)) return std::nullopt;
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(pid.data(), pid.data() + pid.size(), value);
    if (ec != std::errc() || end != pid.data() + pid.size()) return std::nullopt;
    return value;
}

bool isAtomicTempName(std::string_view leaf) {
    return atomicTempOwnerPid(leaf).has_value();
}

bool processIsRunning(std::uint32_t pid) {
    return os::processIsRunning(pid);
}

Status writeFileAtomically(const fs::path& file, std::string_view bytes, const std::string& action,
                           const WriteFaultHook& hook) {
    // A temp of this file that a killed writer left (the GUI's save, the CLI's -o, a store copy)
    // goes now: every writer of a file cleans up after the crashes of the ones before it.
    const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    removeStaleTemps(dir, "." + file.filename().string() + std::string(kTempMark));
    const fs::path tmp = file.parent_path() / tempLeafFor(file);
    std::optional<Error> err = os::writeAndFlush(tmp, bytes, action, hook);
    if (!err && hook) err = hook("rename");
    if (!err) err = os::renameDurably(tmp, file, action);
    if (err) {
        std::error_code ec;
        fs::remove(tmp, ec); // the old file is untouched until the rename
        return Status::failure(*err);
    }
    return Status::success();
}

std::vector<std::string> removeStaleTempFiles(const fs::path& dir) {
    return removeStaleTemps(dir, {});
}

Result<std::string> readRegularFile(const fs::path& file, std::uintmax_t maxBytes,
                                    const std::string& action) {
    return os::readRegularFile(file, maxBytes, action);
}

Status removeFileDurably(const fs::path& file, const std::string& action) {
    if (auto err = os::removeFile(file, action)) return Status::failure(*err);
    os::flushFolder(file.parent_path());
    return Status::success();
}

} // namespace aovpn::platform
