#include "ui/theme.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {

constexpr float kUiFontPx = 15.0f;
constexpr float kMonoFontPx = 14.0f;

// Latin, Latin-1, Latin Extended-A, general punctuation (dashes, quotes, bullets) and arrows.
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E,
                                0x2190, 0x21FF, 0x2713, 0x2717, 0};

ImFont* addFont(ImFontAtlas& atlas, const std::string& file, float px) {
    if (!file.empty())
        if (ImFont* f = atlas.AddFontFromFileTTF(file.c_str(), px, nullptr, kGlyphRanges)) return f;
    ImFontConfig cfg;
    cfg.SizePixels = px;
    return atlas.AddFontDefault(&cfg);
}

void applyColours(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);
    ImVec4* c = style.Colors;
    const ImVec4 accent(0.00f, 0.37f, 0.72f, 1.00f); // Windows-like blue
    c[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.96f, 0.97f, 1.00f);
    c[ImGuiCol_ChildBg] = ImVec4(1.00f, 1.00f, 1.00f, 1.00f);
    c[ImGuiCol_Header] = ImVec4(0.86f, 0.91f, 0.97f, 1.00f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.78f, 0.87f, 0.97f, 1.00f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.70f, 0.82f, 0.96f, 1.00f);
    c[ImGuiCol_Button] = ImVec4(0.90f, 0.90f, 0.92f, 1.00f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.88f, 0.97f, 1.00f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.82f, 0.96f, 1.00f);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_Tab] = ImVec4(0.88f, 0.89f, 0.91f, 1.00f);
    c[ImGuiCol_TabActive] = ImVec4(1.00f, 1.00f, 1.00f, 1.00f);
    c[ImGuiCol_TabHovered] = ImVec4(0.80f, 0.88f, 0.97f, 1.00f);
    c[ImGuiCol_TitleBgActive] = accent;
    c[ImGuiCol_Separator] = ImVec4(0.82f, 0.82f, 0.85f, 1.00f);
}

void applySpacing(ImGuiStyle& style) {
    style.WindowRounding = 0.0f;
    style.ChildRounding = 3.0f;
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.TabRounding = 3.0f;
    style.FramePadding = ImVec2(6.0f, 4.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    style.WindowPadding = ImVec2(10.0f, 8.0f);
    style.ChildBorderSize = 1.0f;
    style.FrameBorderSize = 1.0f;
}

} // namespace

Fonts applyTheme(const FontFiles& files, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts fonts;
    fonts.ui = addFont(*io.Fonts, files.ui, kUiFontPx * scale);
    fonts.mono = addFont(*io.Fonts, files.mono, kMonoFontPx * scale);
    fonts.uiSource = files.ui.empty() ? "built-in" : files.ui;
    io.Fonts->Build();
    io.FontDefault = fonts.ui;

    ImGuiStyle fresh;
    applyColours(fresh);
    applySpacing(fresh);
    fresh.ScaleAllSizes(scale);
    ImGui::GetStyle() = fresh;
    return fonts;
}

} // namespace aovpn::ui
