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

// A cell's column name makes it addressable as "Remote ports" whatever its widget's id.
std::string columnName(ImGuiContext* ctx) {
    ImGuiTable* t = ctx->CurrentTable;
    if (!t || t->CurrentColumn < 0 || ctx->CurrentWindow != t->InnerWindow) return {};
    return ImGui::TableGetColumnName(t, t->CurrentColumn);
}

// ImGui 1.90's TabItemEx reports a tab BEFORE laying it out, while LastItemData is still the
// item drawn before it: a tab's rectangle comes from its bar's layout (the previous frame's).
ImRect rectOf(ImGuiContext* ctx, ImGuiID id) {
    ImGuiTabBar* bar = ctx->CurrentTabBar;
    if (!bar || ctx->LastItemData.ID == id) return ctx->LastItemData.Rect;
    const ImGuiTabItem* tab = ImGui::TabBarFindTabByID(bar, id);
    if (!tab) return ctx->LastItemData.Rect;
    const float x = bar->BarRect.Min.x + IM_TRUNC(tab->Offset - bar->ScrollingAnim);
    return ImRect(x, bar->BarRect.Min.y, x + tab->Width, bar->BarRect.Max.y);
}

aovpn::ui::LocatedItem located(ImGuiContext* ctx, ImGuiID id, const char* label, int flags) {
    const ImRect r = rectOf(ctx, id);
    ImGuiWindow* w = ctx->CurrentWindow;
    aovpn::ui::LocatedItem item;
    item.id = id;
    item.label = label;
    item.column = columnName(ctx);
    item.minX = r.Min.x;
    item.minY = r.Min.y;
    item.maxX = r.Max.x;
    item.maxY = r.Max.y;
    item.statusFlags = flags;
    item.window = w->ID;
    // In a table the table's visible area, not the cell's clip rect: a row-wide selectable (the
    // certificate picker's) has its centre in another column.
    const ImRect clip = ctx->CurrentTable ? ctx->CurrentTable->InnerClipRect : w->ClipRect;
    item.visible = clip.Contains(r.GetCenter());
    item.disabled = (ctx->LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
    return item;
}
} // namespace

namespace aovpn::ui {

void setWidgetLocator(ImGuiContext* ctx, ItemCallback callback) {
    gCallback = std::move(callback);
    if (ctx) ctx->TestEngineHookItems = static_cast<bool>(gCallback);
}

void reportLastItem(const char* label) {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!gCallback || !g || !label) return;
    gCallback(located(g, g->LastItemData.ID, label, g->LastItemData.StatusFlags));
}

} // namespace aovpn::ui

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
    if (!gCallback || !label) return;
    if (ImGui::FindWindowByID(id)) return; // Begin() reports windows too: they are no widgets
    gCallback(located(ctx, id, label, flags));
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}
