#include "ui/panels.hpp"

#include "intune_copy.hpp"
#include "xml_highlight.hpp"

#include <imgui.h>

#include <cstdio>

namespace aovpn::ui {

namespace {

constexpr const char* kTabs[] = {"ProfileXML", "Escaped (WMI)", "PowerShell", "Intune"};
constexpr int kIntuneTab = 3;

ImVec4 tokenColour(XmlToken t) {
    switch (t) {
    case XmlToken::TagName:
        return ImVec4(0.05f, 0.30f, 0.65f, 1.0f);
    case XmlToken::AttrName:
        return ImVec4(0.60f, 0.25f, 0.05f, 1.0f);
    case XmlToken::AttrValue:
        return ImVec4(0.10f, 0.45f, 0.15f, 1.0f);
    case XmlToken::Comment:
        return ImVec4(0.45f, 0.48f, 0.52f, 1.0f);
    case XmlToken::Punct:
        return ImVec4(0.40f, 0.42f, 0.48f, 1.0f);
    case XmlToken::Text:
        break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

std::string_view lineOf(const std::string& text, const std::vector<std::size_t>& starts, int i) {
    const std::size_t b = starts[static_cast<std::size_t>(i)];
    std::size_t e = static_cast<std::size_t>(i) + 1 < starts.size()
                        ? starts[static_cast<std::size_t>(i) + 1]
                        : text.size();
    if (e > b && text[e - 1] == '\n') --e;
    return std::string_view(text).substr(b, e - b);
}

void drawLine(std::string_view line, bool highlight, bool& inComment) {
    if (!highlight) {
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
        return;
    }
    const auto spans = highlightXmlLine(line, inComment);
    if (spans.empty()) ImGui::NewLine();
    for (std::size_t k = 0; k < spans.size(); ++k) {
        if (k > 0) ImGui::SameLine(0.0f, 0.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, tokenColour(spans[k].kind));
        ImGui::TextUnformatted(spans[k].text.data(), spans[k].text.data() + spans[k].text.size());
        ImGui::PopStyleColor();
    }
}

// Line numbers and text, drawing only the visible lines (a 1,000-route profile is ~5,000).
void drawText(const std::string& text, const std::vector<std::size_t>& starts, bool highlight) {
    ImGui::BeginChild("text", ImVec2(0, 0), ImGuiChildFlags_None,
                      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NavFlattened);
    const float numberW = ImGui::CalcTextSize("00000").x;
    bool inComment = false; // the writer emits no multi-line comments; reset per frame
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(starts.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            char number[16];
            std::snprintf(number, sizeof number, "%5d", i + 1);
            ImGui::TextDisabled("%s", number);
            ImGui::SameLine(numberW + ImGui::GetStyle().ItemSpacing.x * 2.0f);
            drawLine(lineOf(text, starts, i), highlight, inComment);
        }
    }
    ImGui::EndChild();
}

} // namespace

void drawPreviewPanel(AppState& state) {
    const DerivedState& d = state.derived;
    const std::string* texts[] = {&d.xml, &d.escaped, &d.powershell, &d.intune};
    if (!ImGui::BeginTabBar("preview-tabs")) return;
    for (int i = 0; i < 4; ++i) {
        if (!ImGui::BeginTabItem(kTabs[i])) continue;
        state.view.previewTab = i;
        const std::string& text = *texts[i];
        if (ImGui::SmallButton("Copy")) {
            ImGui::SetClipboardText(text.c_str());
            appendLog(state.view, LogLevel::Info,
                      std::string(kTabs[i]) + " copied to the clipboard.");
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%zu lines, %zu bytes",
                            d.lineStarts[static_cast<std::size_t>(i)].size(), text.size());
        if (i == kIntuneTab && d.intuneSetting) drawIntuneSettingCopy(state, *d.intuneSetting);
        for (const auto& w : d.writeWarnings)
            ImGui::TextColored(ImVec4(0.66f, 0.42f, 0.0f, 1.0f), "%s", w.c_str());
        if (state.view.fonts.mono) ImGui::PushFont(state.view.fonts.mono);
        drawText(text, d.lineStarts[static_cast<std::size_t>(i)], i == 0);
        if (state.view.fonts.mono) ImGui::PopFont();
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Fleet (MDM)")) { // issue 11 §6: fleet_exports_panel.cpp
        state.view.previewTab = 4;
        drawFleetExportsPanel(state);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

} // namespace aovpn::ui
