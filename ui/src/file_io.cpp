// Plain file reading/writing and the settings file: no ImGui here.
#include "model/utf8_path.hpp"
#include "platform/atomic_file.hpp"
#include "ui/file_ops.hpp"
#include "ui/pane_layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace aovpn::ui {

namespace fs = std::filesystem;

// Through the platform's atomic write: temp file, flushed to disk, renamed, folder flushed.
std::string writeFileAtomic(const std::string& path, std::string_view content) {
    const platform::Status s =
        platform::writeFileAtomically(pathFromUtf8(path), content, "Save " + path);
    return s.ok() ? std::string() : s.error->describe();
}

std::optional<std::string> readWholeFile(const std::string& path, std::string& error) {
    std::ifstream in(pathFromUtf8(path), std::ios::binary);
    if (!in) {
        error = "Cannot open " + path + ".";
        return std::nullopt;
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void addRecentFile(Settings& settings, const std::string& path) {
    // Newest first, no duplicates, at most kMaxRecent.
    std::vector<std::string> next{path};
    for (const std::string& f : settings.recentFiles)
        if (f != path && next.size() < Settings::kMaxRecent) next.push_back(f);
    settings.recentFiles = std::move(next);
}

Settings loadSettings(const std::string& file) {
    Settings s;
    std::string error;
    const auto text = readWholeFile(file, error);
    if (!text) return s;
    std::istringstream lines(*text);
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        const auto number = [&](int& out) {
            try {
                out = std::stoi(value);
            } catch (...) { // a damaged value keeps the default
            }
        };
        const auto real = [&](float& out, float (*sane)(float)) { // not the locale's comma
            float v = 0.0f;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (ec == std::errc() && end == value.data() + value.size()) out = sane(v);
        };
        if (key == "window.x")
            number(s.windowX);
        else if (key == "window.y")
            number(s.windowY);
        else if (key == "window.w")
            number(s.windowW);
        else if (key == "window.h")
            number(s.windowH);
        else if (key == "layout.form")
            real(s.formFraction, savedFormFraction);
        else if (key == "layout.log")
            real(s.logHeight, savedLogHeight);
        else if (key == "recent" && s.recentFiles.size() < Settings::kMaxRecent && !value.empty())
            s.recentFiles.push_back(value);
    }
    return s;
}

std::string saveSettings(const Settings& s, const std::string& file) {
    std::error_code ec;
    fs::create_directories(pathFromUtf8(file).parent_path(), ec);
    std::string text = "# AOVPN Studio settings\n";
    text += "window.x=" + std::to_string(s.windowX) + "\n";
    text += "window.y=" + std::to_string(s.windowY) + "\n";
    text += "window.w=" + std::to_string(s.windowW) + "\n";
    text += "window.h=" + std::to_string(s.windowH) + "\n";
    text += fmt::format("layout.form={:.4f}\nlayout.log={:.1f}\n", s.formFraction, s.logHeight);
    for (const auto& r : s.recentFiles)
        if (r.find('\n') == std::string::npos) text += "recent=" + r + "\n";
    return writeFileAtomic(file, text);
}

} // namespace aovpn::ui
