#pragma once
// Our strings are UTF-8 everywhere; std::filesystem::path is wide on Windows. Convert only here.
#include <filesystem>
#include <string>
#include <string_view>

namespace aovpn {

inline std::filesystem::path pathFromUtf8(std::string_view s) {
    return std::filesystem::path(std::u8string(s.begin(), s.end()));
}

inline std::string pathToUtf8(const std::filesystem::path& p) {
    const std::u8string u = p.u8string();
    return std::string(u.begin(), u.end());
}

} // namespace aovpn
