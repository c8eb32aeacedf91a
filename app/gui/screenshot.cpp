#include "screenshot.hpp"

#include "model/utf8_path.hpp"

#include <imgui_impl_opengl3_loader.h>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBIW_WINDOWS_UTF8 // file names are UTF-8 on Windows too
#include <fmt/format.h>
#include <stb_image_write.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace aovpn::app {

std::string checkWritable(const std::string& file) {
    const auto path = pathFromUtf8(file);
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    std::ofstream probe(path, std::ios::binary | std::ios::app);
    if (!probe)
        return fmt::format("cannot write the screenshot to '{}': {}", file, std::strerror(errno));
    probe.close();
    if (!existed) std::filesystem::remove(path, ec);
    return {};
}

std::string saveFramebufferPng(const std::string& file, int width, int height) {
    if (width <= 0 || height <= 0) return "the window has no size to capture";
    std::vector<unsigned char> rgba(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    // OpenGL's origin is bottom-left; PNG rows go top-down.
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(file.c_str(), width, height, 4, rgba.data(), width * 4))
        return fmt::format("cannot write the screenshot to '{}': {}", file, std::strerror(errno));
    return {};
}

} // namespace aovpn::app
