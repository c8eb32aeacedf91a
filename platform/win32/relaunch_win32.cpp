// Elevated relaunch: the same exe through UAC ("runas") with fixed arguments. The open document
// goes into a temp file we create; only that file's path is on the command line, never user text.
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

// %TEMP%\aovpn-handoff-<pid>-<tick>.xml, created new (never an existing file).
Result<std::wstring> writeHandoffFile(std::string_view doc) {
    const std::string action = "Save the document for the elevated window";
    wchar_t dir[MAX_PATH + 1];
    const DWORD n = GetTempPathW(MAX_PATH + 1, dir);
    if (n == 0 || n > MAX_PATH) return win32Error(action, GetLastError());
    const std::wstring file = std::wstring(dir, n) + widen(kHandoffPrefix) +
                              std::to_wstring(GetCurrentProcessId()) + L"-" +
                              std::to_wstring(GetTickCount64()) + L".xml";
    HANDLE h = CreateFileW(file.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                           FILE_ATTRIBUTE_TEMPORARY, nullptr);
    if (h == INVALID_HANDLE_VALUE) return win32Error(action, GetLastError());
    DWORD written = 0;
    const BOOL ok = WriteFile(h, doc.data(), static_cast<DWORD>(doc.size()), &written, nullptr) &&
                    written == doc.size() && FlushFileBuffers(h);
    const DWORD err = GetLastError();
    CloseHandle(h);
    if (!ok) {
        DeleteFileW(file.c_str());
        return win32Error(action, err);
    }
    return file;
}
} // namespace

Status Win32Session::relaunchElevated(std::string_view documentXml) {
    auto file = writeHandoffFile(documentXml);
    if (!file) return Status::failure(file.error());
    // Temp paths cannot contain '"', so quoting the one variable argument is safe.
    const std::wstring args = widen(kHandoffFlag) + L" \"" + file.value() + L"\"";
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
    return Status::failure(win32Error("Relaunch AOVPN Studio as administrator", err));
}

} // namespace aovpn::platform::win
