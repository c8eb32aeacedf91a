#pragma once
// `aovpn-studio --ui-script FILE`: drives the real window by widget label, one command a line,
// through the same locator as the headless UI tests (ui/widget_locator.hpp).
//
//   reset                     back to the state the app starts in (below)
//   menu File > New from template > Azure VPN gateway - user tunnel
//   click Remote ports #1     the first widget answering to that name, in drawing order
//   type 443                  the rest of the line, as typed characters
//   key Tab                   a key or chord: Tab Enter Escape Space F5 Ctrl+S Shift+Tab Up ...
//   frames 3                  draw N more frames
//   save-xml out.xml          the current ProfileXML, written directly (no dialog)
//   screenshot out.png        the window as PNG
//   labels labels.txt         every name that addresses a widget on the screen, one a line
//
// `reset` puts the window back as it is after a start without --open: the start page over an
// untouched document, no pick, no popup, dialog or focus, trees and sections as first drawn,
// scrolled to the top, the splitters where they start. What the app read from the machine (the
// session, the certificate store) and the log stay. A scenario that starts with it does not
// depend on the ones run before it in the same window.
// Blank lines and '#' comments are ignored ("#k" right after a label is its index, 1-based).
// After every command the runner lets the window settle: a few frames, and the app's workers
// finish (at most a minute). Relative paths are relative to the working directory.
#include "ui/state.hpp"
#include "ui/widget_locator.hpp"

#include <imgui.h>

#include <cfloat>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace aovpn::ui {

struct ScriptCommand {
    std::string file; // for messages
    int line = 0;
    std::string verb;              // reset menu click type key frames save-xml screenshot labels
    std::vector<std::string> path; // menu: the labels to click in turn; click: one label
    int nth = 0;                   // click: 0-based index among widgets answering to the label
    std::string text;              // type: the text; save-xml/screenshot/labels: the path
    ImGuiKey key = ImGuiKey_None;  // key
    int mods = 0;                  // key: ImGuiMod_* flags
    int frames = 0;                // frames
};

struct ParsedScript {
    std::vector<ScriptCommand> commands;
    std::string error; // "FILE:LINE: ..." for the first malformed line; empty when all parsed
};
ParsedScript parseScript(const std::string& file, const std::string& text);

// Runs commands frame by frame. The app (or a test) calls, each frame:
//   ImGui backend NewFrame -> beforeNewFrame() -> ImGui::NewFrame -> afterNewFrame() -> draw ->
//   render -> afterFrame() -> swap
// and collects the frame's items into it through the locator callback.
//
// A click looks its widget up in a "search frame" drawn with ImGui's logging on, which lays out
// every item, also those scrolled out of view (#k counts them all, as the headless tests do); a
// widget out of view is scrolled to (its window and the windows around it) before the click.
class ScriptRunner {
  public:
    // Writes the frame just rendered to a PNG file; returns "" or what went wrong.
    using Screenshot = std::function<std::string(const std::string& path)>;

    ScriptRunner(std::vector<ScriptCommand> commands, Screenshot screenshot);

    ItemCallback collector(); // install with setWidgetLocator
    void beforeNewFrame();    // queues the pointer and pending input, after the backend's own
    void afterNewFrame();     // starts a search frame when one is due
    void afterFrame(AppState& state);

    bool done() const { return done_; }
    int exitCode() const { return exitCode_; } // 0 every line ran, 2 not found/malformed, 3 I/O
    const std::string& message() const { return message_; }

  private:
    void runStep(AppState& state);
    enum class Click { Running, Done, Failed };
    Click click(const ScriptCommand& c, const std::string& label, int nth);
    void fail(int code, const ScriptCommand& c, const std::string& what);
    void finishCommand();

    std::vector<ScriptCommand> commands_;
    Screenshot screenshot_;
    std::vector<LocatedItem> items_, frameItems_;
    std::vector<std::function<void()>> pending_;        // input events for the next frame
    float mouseX_ = -FLT_MAX, mouseY_ = -FLT_MAX;       // the script's pointer (off the window)
    std::size_t next_ = 0;                              // command index
    int phase_ = 0;                                     // step within the command
    int clickPhase_ = 0;                                // step within a click
    int scrolls_ = 0;                                   // scrolls made to bring a widget into view
    bool search_ = false;                               // the next frame is a search frame
    int settle_ = 0;                                    // frames to wait before the next step
    std::chrono::steady_clock::time_point busySince_{}; // when the workers were first busy
    bool done_ = false;
    int exitCode_ = 0;
    std::string message_;
};

} // namespace aovpn::ui
