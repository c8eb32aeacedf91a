#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/panels.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {
// ImGui 1.90's input queue keeps a press and its release apart even when both arrive in one
// event batch (remote-control tools send taps that way), so a tap is never lost.
bool pressed(ImGuiKey key) {
    return ImGui::IsKeyPressed(key, false);
}
} // namespace

void handleShortcuts(AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return; // a dialog has the keys
    if (pressed(ImGuiKey_F5) && !io.KeyCtrl) startConnectTest(state);
    if (!io.KeyCtrl) return;
    // Text fields keep Ctrl+Z/Y for their own undo while they are being edited.
    const bool typing = io.WantTextInput;
    if (pressed(ImGuiKey_N)) requestNew(state, Template::UserTunnel);
    if (pressed(ImGuiKey_O)) requestOpen(state, {});
    if (pressed(ImGuiKey_S) && !state.view.startPage) save(state);
    if (!typing && pressed(ImGuiKey_Z)) undo(state);
    if (!typing && pressed(ImGuiKey_Y)) redo(state);
}

} // namespace aovpn::ui
