// Command-line arguments as UTF-8. On Windows, argv arrives in the ANSI code page, which loses
// non-ASCII file and profile names; the UTF-16 command line keeps them.
#include "cli.hpp"

#ifdef _WIN32
// shellapi.h needs windows.h first.
// clang-format off
#include <windows.h>
#include <shellapi.h>
// clang-format on
#endif

namespace aovpn::cli {

#ifdef _WIN32
namespace {
std::string toUtf8(const wchar_t* w) {
    const int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, nullptr, 0, nullptr, nullptr);
    if (n <= 1) return {};
    std::string out(static_cast<std::size_t>(n - 1), '\0');
    WideCharToMultiByte(CP_UTF8, 0, w, -1, out.data(), n, nullptr, nullptr);
    return out;
}
} // namespace

std::vector<std::string> utf8Arguments(int argc, char** argv) {
    int n = 0;
    LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &n);
    if (wide == nullptr) return {argv, argv + argc};
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i)
        out.push_back(toUtf8(wide[i]));
    LocalFree(wide);
    return out;
}
#else
std::vector<std::string> utf8Arguments(int argc, char** argv) {
    return {argv, argv + argc};
}
#endif

} // namespace aovpn::cli
