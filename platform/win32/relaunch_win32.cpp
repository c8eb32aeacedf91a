// Elevated relaunch: the same exe through UAC ("runas") with fixed arguments. The open document
// goes into <TEMP>\aovpn-handoff-<pid>-<tick>\document.xml, a folder created for this hand-over;
// only that path is on the command line, never user text. The elevated window takes the file only
// from a folder of that shape owned by this session's user, and removes both.
#include "platform/atomic_file.hpp"

#include "protected_folder.hpp"
#include "session_win32.hpp"
#include "win_util.hpp"

#include <shellapi.h>

namespace aovpn::platform::win {

namespace {
std::wstring exePath() {
    std::wstring path(32768, L'\0');
    const DWORD n = GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size()));
    path.resize(n);
    return path;
}

Result<std::filesystem::path> writeHandoffFile(std::string_view doc) {
    const std::string action = "Save the document for the elevated window";
    wchar_t dir[MAX_PATH + 1];
    const DWORD n = GetTempPathW(MAX_PATH + 1, dir);
    if (n == 0 || n > MAX_PATH) return win32Error(action, GetLastError());
    const std::filesystem::path folder =
        std::filesystem::path(std::wstring(dir, n)) /
        (widen(kHandoffPrefix) + std::to_wstring(GetCurrentProcessId()) + L"-" +
         std::to_wstring(GetTickCount64()));
    if (!CreateDirectoryW(folder.c_str(), nullptr)) return win32Error(action, GetLastError());
    const auto file = folder / widen(kHandoffLeaf);
    if (auto s = writeFileAtomically(file, doc, action); !s.ok()) {
        RemoveDirectoryW(folder.c_str());
        return *s.error;
    }
    return file;
}
} // namespace

Status Win32Session::relaunchElevated(std::string_view documentXml) {
    auto file = writeHandoffFile(documentXml);
    if (!file) return Status::failure(file.error());
    // Temp paths cannot contain '"', so quoting the one variable argument is safe.
    const std::wstring args = widen(kHandoffFlag) + L" \"" + file.value().wstring() + L"\"";
    const std::wstring exe = exePath();
    SHELLEXECUTEINFOW info{};
    info.cbSize = sizeof info;
    info.fMask = SEE_MASK_NOASYNC;
    info.lpVerb = L"runas";
    info.lpFile = exe.c_str();
    info.lpParameters = args.c_str();
    info.nShow = SW_SHOWNORMAL;
    if (ShellExecuteExW(&info)) return Status::success();
    const DWORD err = GetLastError();
    DeleteFileW(file.value().c_str());
    RemoveDirectoryW(file.value().parent_path().c_str());
    return Status::failure(win32Error("Relaunch AOVPN Studio as administrator", err));
}

} // namespace aovpn::platform::win

namespace aovpn::platform {

namespace {

bool plainEntry(const std::filesystem::path& p, bool folder) {
    const DWORD attrs = GetFileAttributesW(p.c_str());
    if (attrs == INVALID_FILE_ATTRIBUTES || (attrs & FILE_ATTRIBUTE_REPARSE_POINT)) return false;
    return ((attrs & FILE_ATTRIBUTE_DIRECTORY) != 0) == folder;
}

// The owners this session trusts: its signed-in user (who relaunched) and this process.
bool trustedOwner(const std::filesystem::path& p) {
    auto owner = win::ownerSidOf(p);
    if (!owner) return false;
    win::Win32Session session;
    auto info = session.query();
    if (!info) return false;
    const auto& s = info.value();
    return owner.value() == s.process.sid || (s.sessionUser && owner.value() == s.sessionUser->sid);
}
} // namespace

Result<std::string> takeHandoffDocument(const std::filesystem::path& file) {
    if (!handoffFileFromArgs({std::string(kHandoffFlag), win::narrow(file.wstring())}))
        return handoffRefused("The path is not a hand-over file this app created.");
    const auto folder = file.parent_path();
    if (!plainEntry(folder, true) || !plainEntry(file, false))
        return handoffRefused(
            "The hand-over file or its folder is gone or is a link; it was left alone.");
    if (!trustedOwner(folder) || !trustedOwner(file))
        return handoffRefused(
            "The hand-over file belongs to another account than this session's user; "
            "it was left alone.");
    auto text = readRegularFile(file, kMaxDocumentBytes, "Read the handed-over document");
    if (!text) return text.error();
    DeleteFileW(file.c_str());
    RemoveDirectoryW(folder.c_str());
    return text.value();
}

} // namespace aovpn::platform
