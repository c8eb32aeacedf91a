#include "ui/main_window.hpp"

#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/gateway_check.hpp"
#include "ui/pane_layout.hpp"
#include "ui/panels.hpp"
#include "ui/tasks.hpp"

#include "splitter.hpp"

#include <imgui.h>

#include <algorithm>

namespace aovpn::ui {

namespace {

// Panes share the window's focus scope, so Tab walks every control of the window in reading
// order (form, preview, issues, action bar, log) instead of cycling inside one pane.
constexpr ImGuiWindowFlags kPane = ImGuiWindowFlags_NavFlattened;

// The bar between form and preview: held, it follows the mouse within the panes' minimums.
void formPreviewSplitter(ViewState& view, float left, float total, float height) {
    ImGui::SameLine(0.0f, 0.0f);
    const float bar = splitterThickness(view.dpiScale);
    if (splitter("##form-preview splitter", SplitAxis::LeftRight, height, view.dpiScale))
        view.formFraction = fractionFor(total, ImGui::GetIO().MousePos.x - left - bar * 0.5f,
                                        paneMinimums(ImGui::GetFontSize()));
    ImGui::SameLine(0.0f, 0.0f);
}

// The bar above the log: held, the log's top follows the mouse. `bottom` is where the log ends.
void logSplitter(ViewState& view, float bottom, float shared) {
    const float bar = splitterThickness(view.dpiScale);
    if (splitter("##log splitter", SplitAxis::TopBottom, ImGui::GetContentRegionAvail().x,
                 view.dpiScale)) {
        const float wanted = bottom - ImGui::GetIO().MousePos.y - bar * 0.5f;
        view.logHeight =
            logHeightFor(shared, wanted, paneMinimums(ImGui::GetFontSize())) / view.dpiScale;
    }
}

void drawRightColumn(AppState& state, float height) {
    ImGui::BeginGroup();
    const float issuesH = std::clamp(height * 0.28f, ImGui::GetFrameHeight() * 3.0f, height * 0.5f);
    const float previewH = height - issuesH - ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("Preview", ImVec2(0.0f, previewH), ImGuiChildFlags_Border, kPane);
    drawPreviewPanel(state);
    ImGui::EndChild();
    ImGui::BeginChild("Issues", ImVec2(0.0f, issuesH), ImGuiChildFlags_Border, kPane);
    drawIssuesPanel(state);
    ImGui::EndChild();
    ImGui::EndGroup();
}

// Where the panes go this frame, from the view's split and log height within the minimums.
struct MainLayout {
    float total = 0; // the width form and preview share
    SplitWidths split;
    float shared = 0; // the height the top panes and the log share
    float topH = 0;
    float bottom = 0; // the screen y where the log ends
};

MainLayout layoutFor(const ViewState& view, ImVec2 avail) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const PaneMinimums m = paneMinimums(ImGui::GetFontSize());
    const float bar = splitterThickness(view.dpiScale);
    const float actionH = ImGui::GetFrameHeight() + 2.0f * style.ItemSpacing.y;
    MainLayout l;
    l.total = std::max(0.0f, avail.x - bar);
    l.split = splitWidths(l.total, view.formFraction, m);
    l.shared = std::max(0.0f, avail.y - actionH - bar - style.ItemSpacing.y);
    const float logH = logHeightFor(l.shared, view.logHeight * view.dpiScale, m);
    l.topH = std::max(ImGui::GetFrameHeight() * 4.0f, l.shared - logH);
    l.bottom = ImGui::GetCursorScreenPos().y + avail.y;
    return l;
}

} // namespace

void beginFrameWork(AppState& state) {
    state.tasks->drain(state);
    runWantedLookup(state);
    state.reads->drain(state);
    refreshDerived(state);
}

void drawMainWindow(AppState& state) {
    beginFrameWork(state);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    constexpr ImGuiWindowFlags kFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##main", nullptr, kFlags);
    handleShortcuts(state);
    drawMenuBar(state);

    const MainLayout l = layoutFor(state.view, ImGui::GetContentRegionAvail());
    if (state.view.startPage) {
        drawStartPage(state, l.topH);
    } else {
        const float left = ImGui::GetCursorScreenPos().x;
        ImGui::BeginChild("Form", ImVec2(l.split.form, l.topH), ImGuiChildFlags_Border, kPane);
        drawLeftPane(state);
        ImGui::EndChild();
        formPreviewSplitter(state.view, left, l.total, l.topH);
        drawRightColumn(state, l.topH);
    }

    drawActionBar(state);
    logSplitter(state.view, l.bottom, l.shared);
    ImGui::BeginChild("Log", ImVec2(0.0f, 0.0f), ImGuiChildFlags_Border, kPane);
    drawLogPanel(state);
    ImGui::EndChild();
    drawDialogs(state);
    drawGatewayCheckWindow(state);
    ImGui::End();
    // Edits made while drawing show in the preview on this same frame's next draw.
    refreshDerived(state);
}

} // namespace aovpn::ui
