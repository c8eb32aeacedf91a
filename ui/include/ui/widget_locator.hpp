#pragma once
// Finds widgets by label for headless UI tests. ImGui (built with IMGUI_ENABLE_TEST_ENGINE)
// reports every item it lays out to test-engine hooks; ours forward them to one optional
// callback. In the product no callback is set and ImGui never calls the hooks at all
// (GImGui->TestEngineHookItems stays false), so this costs nothing.
#include <functional>
#include <string>

struct ImGuiContext;

namespace aovpn::ui {

struct LocatedItem {
    unsigned id = 0;
    std::string label; // as passed to the widget, "##" part included
    float minX = 0, minY = 0, maxX = 0, maxY = 0;
    int statusFlags = 0; // ImGuiItemStatusFlags (Checked, Opened ...)
};

using ItemCallback = std::function<void(const LocatedItem&)>;

// Installs (or, with an empty callback, removes) the callback for `ctx`'s items.
void setWidgetLocator(ImGuiContext* ctx, ItemCallback callback);

// Reports the last item under `label`, for widgets whose ImGui 1.90 code has no item-info hook
// (combos). Does nothing unless a locator is installed.
void reportLastItem(const char* label);

} // namespace aovpn::ui
