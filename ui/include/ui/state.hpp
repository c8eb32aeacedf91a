#pragma once
// The GUI's state, passed explicitly to every panel. Domain state (the document) and view state
// (what is selected, open, scrolled) are separate so that undo, save and tests touch only the
// first.
#include <string>
#include <vector>

struct ImFont;

namespace aovpn::ui {

struct Fonts {
    ImFont* ui = nullptr;
    ImFont* mono = nullptr;
    std::string uiSource; // the file used, or "built-in"
};

enum class LogLevel { Info, Warning, Error };

struct LogLine {
    std::string time; // "HH:MM:SS", local time
    LogLevel level = LogLevel::Info;
    std::string text;
};

// What the user is editing. The typed Profile joins this struct with the engine.
struct DocumentState {
    std::string name;     // shown in the title bar
    std::string filePath; // empty until saved
    bool dirty = false;
};

// How the window looks right now; never saved into a profile.
struct ViewState {
    float formFraction = 0.42f; // share of the width the form takes
    float logHeight = 150.0f;   // in unscaled pixels
    int previewTab = 0;
    float dpiScale = 1.0f;
    Fonts fonts;
    std::vector<LogLine> log;
};

struct AppState {
    DocumentState doc;
    ViewState view;
    std::string targetAccount; // the account a profile would be written for
};

void appendLog(ViewState& view, LogLevel level, std::string text);

} // namespace aovpn::ui
