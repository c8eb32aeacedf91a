#include "ui/main_window.hpp"

#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/gateway_check.hpp"
#include "ui/panels.hpp"
#include "ui/tasks.hpp"

#include <imgui.h>

#include <algorithm>

namespace aovpn::ui {

namespace {

// Panes share the window's focus scope, so Tab walks every control of the window in reading
// order (form, preview, issues, action bar, log) instead of cycling inside one pane.
constexpr ImGuiWindowFlags kPane = ImGuiWindowFlags_NavFlattened;

// A vertical bar between form and preview that the user drags to share the width.
void verticalSplitter(ViewState& view, float totalWidth, float height) {
    ImGui::SameLine(0.0f, 0.0f);
    const float w = 6.0f * view.dpiScale;
    ImGui::PushTabStop(false); // a mouse handle: Tab goes from the form to the preview
    ImGui::InvisibleButton("##split", ImVec2(w, height));
    ImGui::PopTabStop();
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemActive() && totalWidth > 0.0f)
        view.formFraction =
            std::clamp(view.formFraction + ImGui::GetIO().MouseDelta.x / totalWidth, 0.25f, 0.75f);
    ImGui::SameLine(0.0f, 0.0f);
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

    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float actionH = ImGui::GetFrameHeight() + 2.0f * style.ItemSpacing.y;
    const float logH = state.view.logHeight * state.view.dpiScale;
    const float topH = std::max(100.0f, avail.y - actionH - logH - style.ItemSpacing.y);
    const float formW = avail.x * state.view.formFraction;

    if (state.view.startPage) {
        drawStartPage(state, topH);
    } else {
        ImGui::BeginChild("Form", ImVec2(formW, topH), ImGuiChildFlags_Border, kPane);
        drawLeftPane(state);
        ImGui::EndChild();
        verticalSplitter(state.view, avail.x, topH);
        drawRightColumn(state, topH);
    }

    drawActionBar(state);
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
