#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/panels.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {
// 1.86 keys: a GLFW key code through io.KeyMap for named keys; letters are their ASCII codes
// in the GLFW backend (GLFW_KEY_A == 'A').
constexpr int kKeyF5 = 294; // GLFW_KEY_F5 (ImGui 1.86 has no named F keys)

bool pressed(int key) {
    return ImGui::IsKeyPressed(key, false);
}
} // namespace

void handleShortcuts(AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return; // a dialog has the keys
    if (pressed(kKeyF5) && !io.KeyCtrl) startConnectTest(state);
    if (!io.KeyCtrl) return;
    // Text fields keep Ctrl+Z/Y for their own undo while they are being edited.
    const bool typing = io.WantTextInput;
    if (pressed('N')) requestNew(state, Template::UserTunnel);
    if (pressed('O')) requestOpen(state, {});
    if (pressed('S')) save(state);
    if (!typing && pressed('Z')) undo(state);
    if (!typing && pressed('Y')) redo(state);
}

} // namespace aovpn::ui
