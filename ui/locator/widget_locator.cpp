// The IMGUI_ENABLE_TEST_ENGINE hooks of Dear ImGui 1.90 (signatures from imgui_internal.h).
// Compiled into the ImGui library itself (ui/CMakeLists.txt), because imgui.cpp references these
// symbols: every program that links ImGui then links them too, whatever order the linker sees.
#include "../include/ui/widget_locator.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <utility>

namespace {
// One callback for the process: tests drive one ImGui context at a time.
aovpn::ui::ItemCallback gCallback;
} // namespace

namespace aovpn::ui {

void setWidgetLocator(ImGuiContext* ctx, ItemCallback callback) {
    gCallback = std::move(callback);
    if (ctx) ctx->TestEngineHookItems = static_cast<bool>(gCallback);
}

void reportLastItem(const char* label) {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!gCallback || !g || !label) return;
    const ImRect r = g->LastItemData.Rect;
    gCallback(LocatedItem{g->LastItemData.ID, label, r.Min.x, r.Min.y, r.Max.x, r.Max.y,
                          g->LastItemData.StatusFlags});
}

} // namespace aovpn::ui

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
    if (!gCallback || !label) return;
    const ImRect r = ctx->LastItemData.Rect;
    gCallback(aovpn::ui::LocatedItem{id, label, r.Min.x, r.Min.y, r.Max.x, r.Max.y, flags});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}
