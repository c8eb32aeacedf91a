#include "platform/system_paths.hpp"

#include <windows.h>

#include <shlobj.h>

namespace aovpn::platform {

namespace {
std::filesystem::path knownFolder(REFKNOWNFOLDERID id) {
    PWSTR raw = nullptr;
    std::filesystem::path out;
    if (SUCCEEDED(SHGetKnownFolderPath(id, 0, nullptr, &raw))) out = raw;
    CoTaskMemFree(raw);
    return out;
}
} // namespace

std::vector<std::filesystem::path> uiFontCandidates() {
    // Segoe UI is Windows' own UI font; Wine has none, so Tahoma/Arial follow.
    const std::filesystem::path fonts = knownFolder(FOLDERID_Fonts);
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const wchar_t* name : {L"segoeui.ttf", L"tahoma.ttf", L"arial.ttf"}) {
        auto p = fonts / name;
        if (!fonts.empty() && std::filesystem::is_regular_file(p, ec)) out.push_back(p);
    }
    return out;
}

std::filesystem::path configDir() {
    auto base = knownFolder(FOLDERID_RoamingAppData);
    if (base.empty()) base = std::filesystem::current_path();
    return base / L"AOVPN Studio";
}

} // namespace aovpn::platform
