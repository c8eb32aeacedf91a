// Windows half of the atomic file layer: CreateFileW(CREATE_NEW) + WriteFile + FlushFileBuffers,
// then MoveFileExW(REPLACE_EXISTING | WRITE_THROUGH), which returns once the rename is on disk.
#ifdef _WIN32
#include "atomic_file_os.hpp"

#include <algorithm>
#include <windows.h>

namespace aovpn::platform::os {

namespace fs = std::filesystem;

namespace {
std::string utf8(const std::wstring& w) {
    if (w.empty()) return {};
    const int n = WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), nullptr, 0,
                                      nullptr, nullptr);
    std::string out(static_cast<std::size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), out.data(), n, nullptr,
                        nullptr);
    return out;
}

std::string messageFor(DWORD code) {
    wchar_t* buf = nullptr;
    const DWORD n = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                                       FORMAT_MESSAGE_IGNORE_INSERTS,
                                   nullptr, code, 0, reinterpret_cast<wchar_t*>(&buf), 0, nullptr);
    std::string out = n && buf ? utf8(std::wstring(buf, n)) : std::string();
    if (buf) LocalFree(buf);
    return out;
}

Error win32Error(const std::string& action, DWORD code) {
    return makeError(action, CodeKind::Win32, code, messageFor(code));
}

struct File {
    HANDLE h = INVALID_HANDLE_VALUE;
    ~File() {
        if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
    }
};

Error refused(const std::string& action, const fs::path& file, const std::string& why) {
    Error e = makeError(action, CodeKind::None, 0);
    e.meaning = utf8(file.wstring()) + " " + why;
    e.nextStep = "Choose the certificate or profile file itself.";
    return e;
}
} // namespace

std::uint32_t currentPid() {
    return GetCurrentProcessId();
}

bool processIsRunning(std::uint32_t pid) {
    if (pid == 0) return false;
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
    if (!h) return GetLastError() == ERROR_ACCESS_DENIED; // exists, but not ours to open
    DWORD code = 0;
    const bool running = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
    CloseHandle(h);
    return running;
}

std::optional<Error> writeAndFlush(const fs::path& tmp, std::string_view bytes,
                                   const std::string& action, const WriteFaultHook& hook) {
    File f;
    f.h = CreateFileW(tmp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL,
                      nullptr);
    if (f.h == INVALID_HANDLE_VALUE) return win32Error(action, GetLastError());
    if (hook)
        if (auto e = hook("write")) return e;
    while (!bytes.empty()) {
        const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(bytes.size(), 1u << 30));
        DWORD written = 0;
        if (!WriteFile(f.h, bytes.data(), chunk, &written, nullptr) || written == 0)
            return win32Error(action, GetLastError());
        bytes.remove_prefix(written);
    }
    if (hook)
        if (auto e = hook("flush")) return e;
    if (!FlushFileBuffers(f.h)) return win32Error(action, GetLastError());
    return std::nullopt;
}

void flushFolder(const fs::path&) {
    // MOVEFILE_WRITE_THROUGH and DeleteFileW already wait for the metadata on NTFS.
}

std::optional<Error> renameDurably(const fs::path& tmp, const fs::path& target,
                                   const std::string& action) {
    if (!MoveFileExW(tmp.c_str(), target.c_str(),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return win32Error(action, GetLastError());
    return std::nullopt;
}

Result<std::string> readRegularFile(const fs::path& file, std::uintmax_t maxBytes,
                                    const std::string& action) {
    File f;
    f.h = CreateFileW(file.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                      FILE_FLAG_BACKUP_SEMANTICS, nullptr); // BACKUP_SEMANTICS: folders open too
    if (f.h == INVALID_HANDLE_VALUE) return win32Error(action, GetLastError());
    BY_HANDLE_FILE_INFORMATION info{};
    if (!GetFileInformationByHandle(f.h, &info)) return win32Error(action, GetLastError());
    if (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
        return refused(action, file, "is a folder, not a file.");
    if (GetFileType(f.h) != FILE_TYPE_DISK)
        return refused(action, file, "is a device or pipe, not a regular file.");
    const std::uintmax_t size = (std::uintmax_t{info.nFileSizeHigh} << 32) | info.nFileSizeLow;
    if (size > maxBytes)
        return refused(action, file,
                       "is " + std::to_string(size) + " bytes; files over " +
                           std::to_string(maxBytes) + " bytes are refused.");
    std::string out(static_cast<std::size_t>(size), '\0');
    std::size_t got = 0;
    while (got < out.size()) {
        DWORD n = 0;
        const DWORD want = static_cast<DWORD>(std::min<std::size_t>(out.size() - got, 1u << 30));
        if (!ReadFile(f.h, out.data() + got, want, &n, nullptr))
            return win32Error(action, GetLastError());
        if (n == 0) break;
        got += n;
    }
    out.resize(got);
    return out;
}

std::optional<Error> removeFile(const fs::path& file, const std::string& action) {
    if (DeleteFileW(file.c_str())) return std::nullopt;
    const DWORD err = GetLastError();
    if (err == ERROR_FILE_NOT_FOUND || err == ERROR_PATH_NOT_FOUND) return std::nullopt;
    return win32Error(action, err);
}

} // namespace aovpn::platform::os
#endif
