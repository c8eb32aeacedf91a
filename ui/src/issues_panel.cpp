#include "ui/certificates.hpp"
#include "ui/panels.hpp"

#include "widgets.hpp"

#include <imgui.h>

#include <chrono>

namespace aovpn::ui {

namespace {

void issueRow(AppState& state, const Issue& issue, int id) {
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Text, severityColour(issue.severity));
    const std::string label = std::string(severityName(issue.severity)) + ": " + issue.message;
    // Clicking an issue focuses its field (the form scrolls to it on the next frame). The row is
    // as tall as its wrapped text, so long messages stay readable.
    const float wrapW = ImGui::GetContentRegionAvail().x;
    const ImVec2 size(0.0f, ImGui::CalcTextSize(label.c_str(), nullptr, false, wrapW).y);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable(("##" + label).c_str(), false, 0, size))
        state.view.focusField = issue.field;
    ImGui::GetWindowDrawList()->AddText(nullptr, 0.0f, at, ImGui::GetColorU32(ImGuiCol_Text),
                                        label.c_str(), nullptr, wrapW);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\n%s%s[%s]", issue.field.c_str(), issue.hint.c_str(),
                          issue.hint.empty() ? "" : "\n", issue.rule.c_str());
    ImGui::PopID();
}

} // namespace

void drawIssuesPanel(AppState& state) {
    const auto& issues = state.derived.issues;
    // The validator sees the profile only; what the store says about it (the certificate filter
    // admits several certificates) is listed and counted with it.
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const std::vector<Issue> store = storeFindings(state, now);
    const std::size_t errors =
        countIssues(issues, Severity::Error) + countIssues(store, Severity::Error);
    const std::size_t warnings =
        countIssues(issues, Severity::Warning) + countIssues(store, Severity::Warning);
    const std::size_t all = issues.size() + store.size();
    ImGui::Text("Validation: %zu error(s), %zu warning(s), %zu note(s)", errors, warnings,
                all - errors - warnings);
    ImGui::BeginChild("issues", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
    if (all == 0) ImGui::TextDisabled("No problems found.");
    for (std::size_t i = 0; i < issues.size(); ++i)
        issueRow(state, issues[i], static_cast<int>(i));
    for (std::size_t i = 0; i < store.size(); ++i)
        issueRow(state, store[i], static_cast<int>(issues.size() + i));
    ImGui::EndChild();
}

} // namespace aovpn::ui
