// Runs --ui-script commands frame by frame (ui/ui_script.hpp).
#include "ui/ui_script.hpp"

#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/panels.hpp"
#include "ui/tasks.hpp"

#include <imgui_internal.h>

#include <cfloat>
#include <chrono>

namespace aovpn::ui {

namespace {
constexpr int kSettleFrames = 2;                       // after every command
constexpr auto kWorkerWait = std::chrono::seconds(60); // longest wait for the app's workers
using Clock = std::chrono::steady_clock;

void modifierEvents(int mods, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, down);
    if (mods & ImGuiMod_Shift) io.AddKeyEvent(ImGuiMod_Shift, down);
    if (mods & ImGuiMod_Alt) io.AddKeyEvent(ImGuiMod_Alt, down);
}

// `reset`, the app's half: a fresh view (keeping what the window was set up with: fonts, scale,
// the About lines, and the log, which is history), no pick, the start page. The session, the
// store read and the install state describe the machine, not the scenario, so they stay.
void resetAppState(AppState& state) {
    ViewState fresh;
    fresh.dpiScale = state.view.dpiScale;
    fresh.fonts = state.view.fonts;
    fresh.log = std::move(state.view.log);
    fresh.aboutLines = std::move(state.view.aboutLines);
    state.view = std::move(fresh);
    state.certs.picked = -1;
    state.certs.pickedThumbprint.clear();
    state.settings.recentFiles.clear(); // scripted runs start without the user's settings
    showStartPage(state);
}

// `reset`, Dear ImGui's half (between frames): what it remembers per window (open tree nodes
// and collapsing headers, scroll), the tab bars' selections, popups, the active and focused
// widget. Without it a tree node opened by one scenario is still open in the next.
void resetImGuiState() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!g.OpenPopupStack.empty()) ImGui::ClosePopupToLevel(0, false); // it needs one open
    ImGui::ClearActiveID();
    ImGui::FocusWindow(nullptr);
    for (ImGuiWindow* w : g.Windows) {
        w->StateStorage.Clear();
        w->Scroll = ImVec2(0, 0);
        w->ScrollTarget = ImVec2(FLT_MAX, FLT_MAX);
        w->NavLastIds[0] = w->NavLastIds[1] = 0;
    }
    g.TabBars.Clear();
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines)
        out += l + "\n";
    return out;
}
} // namespace

ScriptRunner::ScriptRunner(std::vector<ScriptCommand> commands, Screenshot screenshot)
    : commands_(std::move(commands)), screenshot_(std::move(screenshot)) {}

ItemCallback ScriptRunner::collector() {
    return [this](const LocatedItem& item) { frameItems_.push_back(item); };
}

void ScriptRunner::beforeNewFrame() {
    // The script's pointer, every frame and after the backend's: a backend reports the real
    // pointer each frame while the window has focus and the pointer is outside it (the GLFW one
    // does), which would move a press queued below away from the widget it is meant for.
    ImGui::GetIO().AddMousePosEvent(mouseX_, mouseY_);
    for (auto& event : pending_)
        event();
    pending_.clear();
    frameItems_.clear();
}

void ScriptRunner::fail(int code, const ScriptCommand& c, const std::string& what) {
    exitCode_ = code;
    message_ = c.file + ":" + std::to_string(c.line) + ": " + what;
    done_ = true;
}

void ScriptRunner::finishCommand() {
    ++next_;
    phase_ = 0;
    settle_ += kSettleFrames;
}

void ScriptRunner::afterNewFrame() {
    if (!search_) return;
    // Logging turns ImGui's clipping off for the frame (the log ends at the window's End()).
    ImGui::LogToBuffer();
}

// One step per frame: a search frame, then (once the widget is in view) move there, press,
// release.
ScriptRunner::Click ScriptRunner::click(const ScriptCommand& c, const std::string& label, int nth) {
    switch (clickPhase_++) {
    case 0:
        search_ = true;
        mouseX_ = mouseY_ = -FLT_MAX;
        return Click::Running;
    case 1: {
        search_ = false;
        const LocatedItem* it = findItem(items_, label, nth);
        if (!it) {
            fail(2, c,
                 "no widget labelled \"" + label + "\"" +
                     (nth > 0 ? " #" + std::to_string(nth + 1) : std::string()) + " on the screen");
            return Click::Failed;
        }
        if (!it->visible) {
            if (++scrolls_ > 4) {
                fail(2, c, "the widget labelled \"" + label + "\" cannot be scrolled into view");
                return Click::Failed;
            }
            if (ImGuiWindow* w = ImGui::FindWindowByID(it->window))
                ImGui::ScrollToRectEx(w, ImRect(it->minX, it->minY, it->maxX, it->maxY),
                                      ImGuiScrollFlags_KeepVisibleCenterY);
            clickPhase_ = 0;
            settle_ = 1; // the scroll applies on the next frame
            return Click::Running;
        }
        mouseX_ = (it->minX + it->maxX) * 0.5f;
        mouseY_ = (it->minY + it->maxY) * 0.5f;
        return Click::Running;
    }
    case 2:
        pending_.push_back([] { ImGui::GetIO().AddMouseButtonEvent(0, true); });
        return Click::Running;
    case 3:
        pending_.push_back([] { ImGui::GetIO().AddMouseButtonEvent(0, false); });
        return Click::Running;
    default:
        clickPhase_ = 0;
        scrolls_ = 0;
        return Click::Done;
    }
}

void ScriptRunner::runStep(AppState& state) {
    const ScriptCommand& c = commands_[next_];
    if (c.verb == "click") {
        if (click(c, c.path[0], c.nth) == Click::Done) finishCommand();
    } else if (c.verb == "menu") {
        const auto part = static_cast<std::size_t>(phase_);
        if (click(c, c.path[part], 0) != Click::Done) return;
        if (++phase_ < static_cast<int>(c.path.size()))
            settle_ = kSettleFrames; // let the menu open
        else
            finishCommand();
    } else if (c.verb == "type") {
        const std::string text = c.text;
        pending_.push_back([text] { ImGui::GetIO().AddInputCharactersUTF8(text.c_str()); });
        finishCommand();
    } else if (c.verb == "key") {
        const ImGuiKey key = c.key;
        const int mods = c.mods, phase = phase_++;
        pending_.push_back([key, mods, phase] {
            if (phase == 0) modifierEvents(mods, true);
            ImGui::GetIO().AddKeyEvent(key, phase == 0);
            if (phase == 1) modifierEvents(mods, false);
        });
        if (phase == 1) finishCommand();
    } else if (c.verb == "reset") {
        resetAppState(state);
        pending_.push_back(resetImGuiState);
        mouseX_ = mouseY_ = -FLT_MAX; // no tooltip from the last click
        finishCommand();
    } else if (c.verb == "frames") {
        settle_ = c.frames;
        ++next_;
        phase_ = 0;
    } else if (c.verb == "save-xml") {
        refreshDerived(state);
        if (auto err = writeFileAtomic(c.text, state.derived.xml); !err.empty())
            return fail(3, c, err);
        finishCommand();
    } else if (c.verb == "save-log") {
        if (auto err = writeFileAtomic(c.text, logText(state.view)); !err.empty())
            return fail(3, c, err);
        finishCommand();
    } else if (c.verb == "screenshot") {
        if (auto err = screenshot_ ? screenshot_(c.text) : "screenshots need a window";
            !err.empty())
            return fail(3, c, err);
        finishCommand();
    } else if (c.verb == "labels") {
        if (phase_++ == 0) { // a search frame first: scrolled-out widgets are addressable too
            search_ = true;
            return;
        }
        search_ = false;
        if (auto err = writeFileAtomic(c.text, joined(addressableNames(items_))); !err.empty())
            return fail(3, c, err);
        finishCommand();
    }
}

void ScriptRunner::afterFrame(AppState& state) {
    items_ = std::move(frameItems_);
    frameItems_.clear();
    if (done_) return;
    if (settle_ > 0) {
        --settle_;
        return;
    }
    // An action started by the script (Apply, a store read) finishes before the next line.
    if (state.tasks->busy() || state.reads->busy()) {
        if (busySince_ == Clock::time_point{}) busySince_ = Clock::now();
        if (Clock::now() - busySince_ < kWorkerWait) return;
    }
    busySince_ = {};
    if (next_ == commands_.size()) {
        done_ = true;
        return;
    }
    runStep(state);
}

} // namespace aovpn::ui
