#include "splitter.hpp"

namespace aovpn::ui {

namespace {

// At rest the dots take the dimmed text colour: the light theme's separator is too faint to find.
ImU32 gripColour(bool hovered, bool held, ImGuiCol rest) {
    return ImGui::GetColorU32(held      ? ImGuiCol_SeparatorActive
                              : hovered ? ImGuiCol_SeparatorHovered
                                        : rest);
}

// A line along the middle of the bar and three dots at its centre.
void drawGrip(ImVec2 min, ImVec2 max, SplitAxis axis, bool hovered, bool held, float dpiScale) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 colour = gripColour(hovered, held, ImGuiCol_Separator);
    const ImU32 dots = gripColour(hovered, held, ImGuiCol_TextDisabled);
    const ImVec2 c((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    const bool lr = axis == SplitAxis::LeftRight;
    const float line = (hovered || held ? 2.0f : 1.0f) * dpiScale;
    if (lr)
        dl->AddLine(ImVec2(c.x, min.y), ImVec2(c.x, max.y), colour, line);
    else
        dl->AddLine(ImVec2(min.x, c.y), ImVec2(max.x, c.y), colour, line);
    const float r = 2.0f * dpiScale, step = 6.0f * dpiScale;
    for (int k = -1; k <= 1; ++k) {
        const float d = static_cast<float>(k) * step;
        dl->AddCircleFilled(lr ? ImVec2(c.x, c.y + d) : ImVec2(c.x + d, c.y), r, dots);
    }
}

} // namespace

float splitterThickness(float dpiScale) {
    return 8.0f * dpiScale;
}

bool splitter(const char* id, SplitAxis axis, float length, float dpiScale) {
    const float t = splitterThickness(dpiScale);
    const ImVec2 size = axis == SplitAxis::LeftRight ? ImVec2(t, length) : ImVec2(length, t);
    ImGui::PushTabStop(false); // a mouse handle: Tab goes on to the next pane
    ImGui::InvisibleButton(id, size);
    ImGui::PopTabStop();
    const bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();
    if (hovered || held)
        ImGui::SetMouseCursor(axis == SplitAxis::LeftRight ? ImGuiMouseCursor_ResizeEW
                                                           : ImGuiMouseCursor_ResizeNS);
    drawGrip(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), axis, hovered, held, dpiScale);
    return held;
}

} // namespace aovpn::ui
