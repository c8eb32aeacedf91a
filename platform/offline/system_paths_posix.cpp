#include "platform/system_paths.hpp"

#include <cstdlib>

namespace aovpn::platform {

namespace {
std::vector<std::filesystem::path> existing(std::initializer_list<const char*> files) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const char* f : files)
        if (std::filesystem::is_regular_file(f, ec)) out.emplace_back(f);
    return out;
}
} // namespace

// fonts-dejavu-core is what scripts/install-packages.sh installs; the others are common.
std::vector<std::filesystem::path> uiFontCandidates() {
    return existing({"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                     "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"});
}

std::vector<std::filesystem::path> monoFontCandidates() {
    return existing({"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
                     "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf",
                     "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"});
}

std::filesystem::path configDir() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
        return std::filesystem::path(x) / "aovpn-studio";
    if (const char* h = std::getenv("HOME"); h && *h)
        return std::filesystem::path(h) / ".config" / "aovpn-studio";
    return std::filesystem::current_path() / ".aovpn-studio";
}

} // namespace aovpn::platform
