#include "platform/system_paths.hpp"

#include <cstdlib>

namespace aovpn::platform {

std::vector<std::filesystem::path> uiFontCandidates() {
    // fonts-dejavu-core is what scripts/install-packages.sh installs; the others are common.
    const char* known[] = {
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    };
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const char* k : known)
        if (std::filesystem::is_regular_file(k, ec)) out.emplace_back(k);
    return out;
}

std::filesystem::path configDir() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
        return std::filesystem::path(x) / "aovpn-studio";
    if (const char* h = std::getenv("HOME"); h && *h)
        return std::filesystem::path(h) / ".config" / "aovpn-studio";
    return std::filesystem::current_path() / ".aovpn-studio";
}

} // namespace aovpn::platform
