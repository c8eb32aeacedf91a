// The Help menu's pages: keyboard shortcuts, a troubleshooting page for the error codes
// helpdesk staff meet (the platform's hint table), and About (version, libraries, licences).
#include "model/product.hpp"
#include "ui/panels.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <array>

namespace aovpn::ui {

namespace {

struct Key {
    const char* keys;
    const char* does;
};
constexpr Key kKeys[] = {
    {"Ctrl+N", "New profile (user tunnel template)"},
    {"Ctrl+O", "Open a ProfileXML file"},
    {"Ctrl+S", "Save (asks for a file the first time)"},
    {"Ctrl+Z / Ctrl+Y", "Undo / redo an edit of the profile (inside a text field: of the typing)"},
    {"F5", "Connect test (the status line says why when it is not available)"},
    {"Tab / Shift+Tab", "Next / previous control, in reading order, through every pane"},
    {"Space", "Press the focused button, toggle the focused check box or radio button"},
    {"Enter", "The default button of a dialog; finish a text field"},
    {"Escape", "Cancel a dialog, close a menu"},
    {"Alt", "Move to the menu bar (then arrows and Enter)"},
    {"Alt+F, Alt+E, Alt+P, Alt+H", "Open the File, Edit, Profile, Help menu"},
    {"Arrow keys", "Move between controls; in a list, between its entries"},
    {"Ctrl+A", "Select all text in a field"},
};

struct Code {
    platform::CodeKind kind;
    std::uint32_t code;
};
// The codes DOMAIN notes say helpdesk staff meet most, in that order.
constexpr Code kCodes[] = {
    {platform::CodeKind::Ras, 800},
    {platform::CodeKind::Ras, 809},
    {platform::CodeKind::Ras, 812},
    {platform::CodeKind::Ras, 13801},
    {platform::CodeKind::Ras, 13806},
    {platform::CodeKind::Ras, 13868},
    {platform::CodeKind::Ras, 691},
    {platform::CodeKind::Ras, 798},
    {platform::CodeKind::Ras, 868},
    {platform::CodeKind::Ras, 623},
    {platform::CodeKind::HResult, 0x80041001},
    {platform::CodeKind::HResult, 0x8004100E},
    {platform::CodeKind::HResult, 0x80041003},
    {platform::CodeKind::HResult, 0x80070005},
};

void keysPage() {
    if (!ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit))
        return;
    for (const Key& k : kKeys) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(k.keys);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(k.does);
    }
    ImGui::EndTable();
}

void troubleshootingPage() {
    ImGui::TextWrapped("What the codes usually mean, and what to do next. A failed action shows "
                       "the same words in its error dialog.");
    for (const Code& c : kCodes) {
        const auto hint = platform::hintFor(c.kind, c.code);
        if (!hint) continue;
        platform::Error e;
        e.kind = c.kind;
        e.code = c.code;
        ImGui::Separator();
        ImGui::TextUnformatted(e.codeText().c_str());
        ImGui::Indent();
        ImGui::TextWrapped("%.*s", static_cast<int>(hint->meaning.size()), hint->meaning.data());
        ImGui::TextWrapped("What to do: %.*s", static_cast<int>(hint->nextStep.size()),
                           hint->nextStep.data());
        ImGui::Unindent();
    }
    ImGui::Separator();
    ImGui::TextWrapped("Connection failures in detail: Event Viewer, Application log, source "
                       "RasClient, event 20227.");
}

void aboutPage(const AppState& state) {
    ImGui::Text("%s %s", kProductName, kProductVersion);
    ImGui::TextWrapped("%s", kProductDescription);
    ImGui::Text("Built %s with %s", __DATE__,
#if defined(__clang__)
                "clang " __clang_version__
#elif defined(__GNUC__)
                "GCC " __VERSION__
#else
                "a C++20 compiler"
#endif
    );
    ImGui::Separator();
    ImGui::TextUnformatted("Libraries and their licences");
    ImGui::BulletText("Dear ImGui %s - MIT licence", IMGUI_VERSION);
    ImGui::BulletText("GLFW - zlib/libpng licence");
    ImGui::BulletText("pugixml - MIT licence");
    ImGui::BulletText("{fmt} %d.%d.%d - MIT licence", FMT_VERSION / 10000, FMT_VERSION / 100 % 100,
                      FMT_VERSION % 100);
    ImGui::BulletText("stb_image_write - public domain / MIT licence");
#ifndef _WIN32
    ImGui::BulletText("OpenSSL (certificate files in authoring mode) - Apache licence 2.0");
#endif
    for (const std::string& line : state.view.aboutLines)
        ImGui::BulletText("%s", line.c_str());
    ImGui::Separator();
    ImGui::TextWrapped("The README (README.md in the source repository) describes every "
                       "feature, the command line, and what has never run on real Windows.");
}

const char* titleOf(HelpPage page) {
    switch (page) {
    case HelpPage::About:
        return "About AOVPN Studio";
    case HelpPage::Keys:
        return "Keyboard shortcuts";
    case HelpPage::Troubleshooting:
        return "Troubleshooting";
    case HelpPage::None:
        break;
    }
    return "";
}

} // namespace

void drawHelp(AppState& state) {
    if (state.view.help == HelpPage::None) return;
    const char* title = titleOf(state.view.help);
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImVec2 screen = ImGui::GetMainViewport()->WorkSize;
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(screen.x * 0.9f, screen.y * 0.85f));
    bool open = true;
    if (!ImGui::BeginPopupModal(title, &open, ImGuiWindowFlags_AlwaysAutoResize)) {
        state.view.help = HelpPage::None;
        return;
    }
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36.0f);
    if (state.view.help == HelpPage::Keys) keysPage();
    if (state.view.help == HelpPage::Troubleshooting) troubleshootingPage();
    if (state.view.help == HelpPage::About) aboutPage(state);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape) ||
        ImGui::IsKeyPressed(ImGuiKey_Enter)) {
        state.view.help = HelpPage::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace aovpn::ui
