#include "file_errors.hpp"

#include "model/utf8_path.hpp"
#include "platform/atomic_file.hpp"

#include <filesystem>

namespace aovpn::ui {

namespace {

enum class Why { Other, NotFound, Denied, ReadOnly, Full, Busy };

Why whyOf(const platform::Error& e) {
    using platform::CodeKind;
    if (e.kind == CodeKind::Errno) {
        switch (e.code) {
        case 2:  // ENOENT
        case 20: // ENOTDIR
            return Why::NotFound;
        case 1:  // EPERM
        case 13: // EACCES
            return Why::Denied;
        case 30: // EROFS
            return Why::ReadOnly;
        case 28: // ENOSPC
            return Why::Full;
        default:
            return Why::Other;
        }
    }
    if (e.kind == CodeKind::Win32) {
        switch (e.code) {
        case 2:   // ERROR_FILE_NOT_FOUND
        case 3:   // ERROR_PATH_NOT_FOUND
        case 123: // ERROR_INVALID_NAME
            return Why::NotFound;
        case 5: // ERROR_ACCESS_DENIED
            return Why::Denied;
        case 19: // ERROR_WRITE_PROTECT
            return Why::ReadOnly;
        case 39:  // ERROR_HANDLE_DISK_FULL
        case 112: // ERROR_DISK_FULL
            return Why::Full;
        case 32: // ERROR_SHARING_VIOLATION
        case 33: // ERROR_LOCK_VIOLATION
            return Why::Busy;
        default:
            return Why::Other;
        }
    }
    return Why::Other;
}

} // namespace

platform::Error inPlainWords(platform::Error e, FileUse use) {
    const bool write = use == FileUse::Write;
    switch (whyOf(e)) {
    case Why::NotFound:
        e.meaning = write ? "Not found: the folder does not exist."
                          : "Not found: there is no "
                            "such file.";
        e.nextStep = write ? "Choose an existing folder." : "Check the name and the folder.";
        break;
    case Why::Denied:
        e.meaning = write ? "Access denied: this account may not write in that folder (it is "
                            "read-only for you)."
                          : "Access denied: this account may not read that file.";
        e.nextStep = write ? "Choose a folder you can write to, such as Documents."
                           : "Copy the file somewhere you can read, or ask its owner.";
        break;
    case Why::ReadOnly:
        e.meaning = "The folder is read-only (a read-only drive or share).";
        e.nextStep = "Choose a writable folder.";
        break;
    case Why::Full:
        e.meaning = "The disk is full; nothing was replaced (saves are atomic).";
        e.nextStep = "Free some space, or choose another drive.";
        break;
    case Why::Busy:
        e.meaning = "Another program has the file open.";
        e.nextStep = "Close it there, then try again.";
        break;
    case Why::Other:
        break;
    }
    return e;
}

std::optional<platform::Error> readTextFile(const std::string& utf8Path, const std::string& action,
                                            std::string& text) {
    constexpr std::uintmax_t kMaxBytes = 64u << 20; // far above any profile
    std::error_code ec;
    if (std::filesystem::is_directory(pathFromUtf8(utf8Path), ec)) {
        platform::Error e;
        e.action = action;
        e.meaning = "That is a folder, not a file.";
        e.nextStep = "Open the profile file inside it (a .xml file).";
        return e;
    }
    auto read = platform::readRegularFile(pathFromUtf8(utf8Path), kMaxBytes, action);
    if (!read) return inPlainWords(read.error(), FileUse::Read);
    text = std::move(read.value());
    return std::nullopt;
}

std::optional<platform::Error> writeTextFile(const std::string& utf8Path, const std::string& action,
                                             std::string_view text) {
    const platform::Status s = platform::writeFileAtomically(pathFromUtf8(utf8Path), text, action);
    if (s.ok()) return std::nullopt;
    return inPlainWords(*s.error, FileUse::Write);
}

} // namespace aovpn::ui
