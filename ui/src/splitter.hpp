#pragma once
// A bar between two panes that the user drags (form | preview, top panes / log). It shows a
// grip, a line with three dots in its middle, in the separator colours (brighter while hovered,
// brightest while held), and the resize cursor. Internal to ui/.
#include <imgui.h>

namespace aovpn::ui {

enum class SplitAxis {
    LeftRight, // a vertical bar between a left and a right pane
    TopBottom, // a horizontal bar between an upper and a lower pane
};

// The bar's thickness across its axis.
float splitterThickness(float dpiScale);

// Draws the bar (`length` along it) at the cursor. True while it is held: the caller then
// places it at the mouse (ImGui::GetIO().MousePos), within the panes' minimums.
bool splitter(const char* id, SplitAxis axis, float length, float dpiScale);

} // namespace aovpn::ui
