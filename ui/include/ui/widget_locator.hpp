#pragma once
// Finds widgets by label, for the headless UI tests and for `aovpn-studio --ui-script`: ImGui
// (built with IMGUI_ENABLE_TEST_ENGINE) reports every item it lays out to test-engine hooks;
// ours forward them to one optional callback. In the product no callback is set and ImGui never
// calls the hooks at all (GImGui->TestEngineHookItems stays false), so this costs nothing.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct ImGuiContext;

namespace aovpn::ui {

struct LocatedItem {
    unsigned id = 0;
    std::string label;  // as passed to the widget, "##" part included
    std::string column; // the table column name of the cell it is in ("" outside tables)
    float minX = 0, minY = 0, maxX = 0, maxY = 0;
    int statusFlags = 0;   // ImGuiItemStatusFlags (Checked, Opened ...)
    unsigned window = 0;   // the ImGui window it is in
    bool visible = true;   // its centre is inside the window's (or table's) clip rect
    bool disabled = false; // drawn between BeginDisabled/EndDisabled (or a disabled menu item)
};

using ItemCallback = std::function<void(const LocatedItem&)>;

// Installs (or, with an empty callback, removes) the callback for `ctx`'s items.
void setWidgetLocator(ImGuiContext* ctx, ItemCallback callback);

// Reports the last item under `label`, for widgets whose ImGui 1.90 code has no item-info hook
// (combos). Does nothing unless a locator is installed.
void reportLastItem(const char* label);

// The names an item answers to, each matched exactly: its visible text (the label before "##"),
// the part after "##" (form fields are "##<their field label>"), the whole label, and for a
// table cell the column's name.
bool itemAnswersTo(const LocatedItem& item, std::string_view name);
// The nth (0-based, in drawing order) item answering to `name`; null when there is none.
const LocatedItem* findItem(const std::vector<LocatedItem>& items, std::string_view name,
                            int nth = 0);
// Every name that addresses a widget of `items`, in drawing order: "Remote ports" for the first,
// "Remote ports #2" for the second widget answering to it, and so on. Items that report
// themselves twice (menus) count once.
std::vector<std::string> addressableNames(const std::vector<LocatedItem>& items);

} // namespace aovpn::ui
