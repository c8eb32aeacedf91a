#pragma once
// The mouse wheel over a scrolling list inside the form (routes, certificates) scrolls the list;
// once the list is at its end (or top), the wheel scrolls the form instead, as in a browser.
// ImGui 1.90 keeps the wheel on the list it started on. Internal to ui/.

namespace aovpn::ui {

// Call right after BeginChild of the list's child window.
void handWheelOnAtEnds();

} // namespace aovpn::ui
