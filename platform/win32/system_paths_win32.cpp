#include "platform/system_paths.hpp"

#include <shlobj.h>
#include <windows.h>

namespace aovpn::platform {

namespace {
std::filesystem::path knownFolder(REFKNOWNFOLDERID id) {
    PWSTR raw = nullptr;
    std::filesystem::path out;
    if (SUCCEEDED(SHGetKnownFolderPath(id, 0, nullptr, &raw))) out = raw;
    CoTaskMemFree(raw);
    return out;
}

// Wine's C:\windows\Fonts is empty; its host's fonts are on drive Z:.
bool runningUnderWine() {
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    return ntdll && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}

std::vector<std::filesystem::path> existingFonts(std::initializer_list<const wchar_t*> names,
                                                 const wchar_t* wineHostFont) {
    const std::filesystem::path fonts = knownFolder(FOLDERID_Fonts);
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const wchar_t* name : names) {
        auto p = fonts / name;
        if (!fonts.empty() && std::filesystem::is_regular_file(p, ec)) out.push_back(p);
    }
    if (runningUnderWine() && std::filesystem::is_regular_file(wineHostFont, ec))
        out.emplace_back(wineHostFont);
    return out;
}
} // namespace

// Segoe UI is Windows' own UI font; Wine has none, so Tahoma/Arial follow.
std::vector<std::filesystem::path> uiFontCandidates() {
    return existingFonts({L"segoeui.ttf", L"tahoma.ttf", L"arial.ttf"},
                         L"Z:\\usr\\share\\fonts\\truetype\\dejavu\\DejaVuSans.ttf");
}

std::vector<std::filesystem::path> monoFontCandidates() {
    return existingFonts({L"consola.ttf", L"cour.ttf", L"lucon.ttf"},
                         L"Z:\\usr\\share\\fonts\\truetype\\dejavu\\DejaVuSansMono.ttf");
}

std::filesystem::path configDir() {
    auto base = knownFolder(FOLDERID_RoamingAppData);
    if (base.empty()) base = std::filesystem::current_path();
    return base / L"AOVPN Studio";
}

} // namespace aovpn::platform
