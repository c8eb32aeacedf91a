#pragma once
// Drives the real window headlessly BY LABEL: each frame records every item ImGui lays out (via
// the test-engine hooks, ui/widget_locator.hpp), then clicks and keys go to the item's centre.
// Input goes through ImGui 1.90's event queue (io.AddMousePosEvent, AddMouseButtonEvent,
// AddKeyEvent), exactly as the GLFW backend feeds it.
#include "ui/main_window.hpp"
#include "ui/state.hpp"
#include "ui/tasks.hpp"
#include "ui/widget_locator.hpp"

#include "fake_platform.hpp"
#include "imgui_headless.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace aovpn::test {

class UiDriver {
  public:
    fake::FakePlatform platform;
    ui::AppState state;
    std::vector<ui::LocatedItem> items;
    // What the app last put on the clipboard (ours, not the desktop's: Windows' default would
    // reach the real clipboard under Wine).
    std::string clipboard;

    // Tall enough that the whole form is laid out (clipped items report nothing), unless a test
    // asks for a window size of its own (800x600).
    explicit UiDriver(ImVec2 size = ImVec2(1400.0f, 3000.0f)) : gui_(size) {
        ImGuiIO& io = ImGui::GetIO();
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard; // as the app sets it
        io.ClipboardUserData = &clipboard;
        io.SetClipboardTextFn = [](void* data, const char* text) {
            *static_cast<std::string*>(data) = text;
        };
        io.GetClipboardTextFn = [](void* data) {
            return static_cast<const std::string*>(data)->c_str();
        };
        state.platform = &platform;
        ui::setWidgetLocator(ImGui::GetCurrentContext(),
                             [this](const ui::LocatedItem& item) { items.push_back(item); });
    }
    ~UiDriver() {
        ui::setWidgetLocator(ImGui::GetCurrentContext(), {});
        state.reads->waitIdle();
        state.tasks->waitIdle();
    }

    void frame() {
        items.clear();
        gui_.frame([&] { ui::drawMainWindow(state); });
    }
    // One frame with `first` run right after NewFrame (before the window is drawn).
    template <class F> void frameWith(F&& first) {
        items.clear();
        gui_.frame([&] {
            first();
            ui::drawMainWindow(state);
        });
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i)
            frame();
    }

    // Draws one frame and returns the text it showed: messages are plain text, which the item
    // hooks do not report. ImGui's log capture ends at the top window's End() and hands its text
    // to the clipboard, so the clipboard is ours for that frame. The mouse leaves the window: a
    // tooltip is a top window too, and would end the capture early.
    std::string shownText() {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        const auto previousFn = io.SetClipboardTextFn;
        void* previousData = io.ClipboardUserData;
        std::string out;
        io.ClipboardUserData = &out;
        io.SetClipboardTextFn = [](void* data, const char* text) {
            *static_cast<std::string*>(data) += text;
        };
        items.clear();
        gui_.frame([&] {
            ImGui::LogToClipboard();
            ui::drawMainWindow(state);
        });
        io.SetClipboardTextFn = previousFn;
        io.ClipboardUserData = previousData;
        std::erase(out, '\r'); // the log ends lines with IM_NEWLINE, "\r\n" on Windows
        return out;
    }

    // The locator's rule (ui/widget_locator.hpp): visible text, the part after "##", the whole
    // label, or a table cell's column name.
    static bool matches(const std::string& label, const std::string& query) {
        ui::LocatedItem item;
        item.label = label;
        return ui::itemAnswersTo(item, query);
    }
    const ui::LocatedItem* find(const std::string& label, int nth = 0) const {
        return ui::findItem(items, label, nth);
    }
    // Whether row i of a list editor ("filters", "nrpt") has its details area open.
    bool detailsOpen(const std::string& list, std::size_t i) const {
        const auto it = state.view.rows.find(list);
        if (it == state.view.rows.end() || i >= it->second.keys.size()) return false;
        return it->second.open.count(it->second.keys[i]) > 0;
    }
    // Items of the last frame that share an id with a different widget (another place or
    // label): ImGui would treat them as one, so an edit of one lands in the other. (A menu
    // reports itself a second time without a label; that is one widget.)
    std::vector<std::string> idClashes() const {
        std::vector<std::string> out;
        for (std::size_t a = 0; a < items.size(); ++a)
            for (std::size_t b = a + 1; b < items.size(); ++b) {
                const ui::LocatedItem &x = items[a], &y = items[b];
                if (x.label.empty() || y.label.empty()) continue;
                if (x.id == y.id && (x.label != y.label || x.minX != y.minX || x.minY != y.minY))
                    out.push_back(x.label + " / " + y.label);
            }
        return out;
    }
    // The open question's title, or "" (questions: ui/dialogs.hpp).
    std::string question() const {
        return state.view.question ? state.view.question->title : std::string();
    }
    // The message of the first issue at `field`, or "".
    std::string issueMessage(const std::string& field) const {
        for (const auto& i : state.derived.issues)
            if (i.field == field) return i.message;
        return {};
    }
    ImGuiID activeId() const { return ImGui::GetCurrentContext()->ActiveId; }

    // Moves the mouse to the centre of `item` and draws the frames hovering takes.
    void hover(const ui::LocatedItem& item) {
        ImGui::GetIO().AddMousePosEvent((item.minX + item.maxX) * 0.5f,
                                        (item.minY + item.maxY) * 0.5f);
        frames(2);
    }
    // Whether the last frame showed a tooltip with something in it.
    static bool tooltipShown() {
        ImGuiWindow* w = ImGui::FindWindowByName("##Tooltip_00");
        return w && w->Active && w->ContentSize.x > 0.0f;
    }
    // Every disabled widget of the last frame in `window` (0: any), once each.
    std::vector<ui::LocatedItem> disabledItems(unsigned window = 0) const {
        std::vector<ui::LocatedItem> out;
        for (const auto& it : items) {
            if (!it.disabled || !it.visible || it.label.empty() || (window && it.window != window))
                continue;
            bool seen = false;
            for (const auto& o : out)
                seen |= o.id == it.id;
            if (!seen) out.push_back(it);
        }
        return out;
    }

    void click(const std::string& label, int nth = 0) {
        frame();
        const ui::LocatedItem* it = find(label, nth);
        REQUIRE_MESSAGE(it != nullptr, "no widget labelled " << label);
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent((it->minX + it->maxX) * 0.5f, (it->minY + it->maxY) * 0.5f);
        frame();
        io.AddMouseButtonEvent(0, true);
        frame();
        io.AddMouseButtonEvent(0, false);
        frame();
    }
    void type(const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frames(2);
    }
    // A key pressed in one frame and released in the next, as a person types.
    void key(ImGuiKey key, bool ctrl = false, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        modifiers(ctrl, shift, true);
        io.AddKeyEvent(key, true);
        frame();
        io.AddKeyEvent(key, false);
        modifiers(ctrl, shift, false);
        frame();
    }
    // The whole tap (modifiers down, key down, key up, modifiers up) in ONE event batch, as
    // remote-control tools send it; then the frames the app draws after input.
    void tap(ImGuiKey key, bool ctrl = false, bool alt = false) {
        ImGuiIO& io = ImGui::GetIO();
        modifiers(ctrl, false, true);
        if (alt) io.AddKeyEvent(ImGuiMod_Alt, true);
        io.AddKeyEvent(key, true);
        io.AddKeyEvent(key, false);
        if (alt) io.AddKeyEvent(ImGuiMod_Alt, false);
        modifiers(ctrl, false, false);
        frames(3);
    }
    // Clicks a text field, selects what is there and types over it.
    void typeInto(const std::string& label, const std::string& text, int nth = 0) {
        click(label, nth);
        key(ImGuiKey_A, true);
        type(text);
    }
    // Lets the workers finish and applies their results, as the next UI frame would.
    void finishTask() {
        state.reads->waitIdle();
        state.tasks->waitIdle();
        frames(2);
    }

  private:
    static void modifiers(bool ctrl, bool shift, bool down) {
        if (ctrl) ImGui::GetIO().AddKeyEvent(ImGuiMod_Ctrl, down);
        if (shift) ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, down);
    }
    HeadlessImGui gui_;
};

} // namespace aovpn::test
