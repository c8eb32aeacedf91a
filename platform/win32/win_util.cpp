#include "win_util.hpp"

#include <cstdio>
#include <objbase.h>

namespace aovpn::platform::win {

std::wstring widen(std::string_view utf8) {
    if (utf8.empty()) return {};
    const int n =
        MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring out(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), n);
    return out;
}

std::string narrow(std::wstring_view wide) {
    if (wide.empty()) return {};
    const int n = WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()),
                                      nullptr, 0, nullptr, nullptr);
    std::string out(static_cast<std::size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), out.data(), n,
                        nullptr, nullptr);
    return out;
}

std::string systemMessage(DWORD code, HMODULE module) {
    wchar_t* buf = nullptr;
    const DWORD flags = FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_IGNORE_INSERTS |
                        (module ? FORMAT_MESSAGE_FROM_HMODULE : FORMAT_MESSAGE_FROM_SYSTEM);
    const DWORD n =
        FormatMessageW(flags, module, code, 0, reinterpret_cast<wchar_t*>(&buf), 0, nullptr);
    std::string out = n ? narrow(std::wstring_view(buf, n)) : std::string();
    if (buf) LocalFree(buf);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' '))
        out.pop_back();
    return out;
}

namespace {
// WMI's texts live in wmiutils.dll, not in the system table.
std::string wmiMessage(DWORD code) {
    HMODULE m = LoadLibraryExW(L"wmiutils.dll", nullptr, LOAD_LIBRARY_AS_DATAFILE);
    if (!m) return {};
    std::string text = systemMessage(code, m);
    FreeLibrary(m);
    return text;
}
} // namespace

Error hresultError(std::string action, HRESULT hr) {
    const DWORD code = static_cast<DWORD>(hr);
    std::string text = systemMessage(code);
    if (text.empty() && (code & 0xFFFF0000u) == 0x80040000u) text = wmiMessage(code);
    return makeError(std::move(action), CodeKind::HResult, code, std::move(text));
}

Error win32Error(std::string action, DWORD err) {
    return makeError(std::move(action), CodeKind::Win32, err, systemMessage(err));
}

namespace {
struct ComThread {
    HRESULT hr;
    ComThread() : hr(CoInitializeEx(nullptr, COINIT_MULTITHREADED)) {}
    ~ComThread() {
        if (SUCCEEDED(hr)) CoUninitialize();
    }
};
} // namespace

HRESULT ensureComOnThisThread() {
    thread_local ComThread com;
    return com.hr == hresultFromBits(0x80010106u) /* RPC_E_CHANGED_MODE */ ? S_OK : com.hr;
}

} // namespace aovpn::platform::win
