#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "widgets.hpp"

namespace aovpn::ui {

namespace {

std::string field(std::size_t i, const char* element) {
    return "TrafficFilter[" + std::to_string(i) + "]/" + element;
}

// Cell editor: the whole cell, a tinted frame when the validator objects, the message on hover.
bool cellText(AppState& state, std::size_t i, const char* element, const char* id,
              std::optional<std::string>& value, const char* hint) {
    const std::string f = field(i, element);
    focusIfRequested(state, f);
    const auto worst = worstIssue(state, f);
    if (worst) ImGui::PushStyleColor(ImGuiCol_Border, severityColour(*worst));
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool changed = inputOptText(id, value, hint);
    if (worst) {
        ImGui::PopStyleColor();
        const auto& idx = state.derived.issuesByField.find(f)->second;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", state.derived.issues[idx.front()].message.c_str());
    }
    if (changed) markEdited(state, f);
    return changed;
}

bool filterRow(AppState& state, std::size_t i) {
    TrafficFilter& f = state.doc.profile.trafficFilters[i];
    ImGui::TableNextRow();
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextColumn();
    cellText(state, i, "App/Id", "##filter-app", f.appId, "any app");
    ImGui::TableNextColumn();
    focusIfRequested(state, field(i, "Protocol"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (inputOptNumber("##filter-protocol", f.protocol, "any"))
        markEdited(state, field(i, "Protocol"));
    ImGui::TableNextColumn();
    cellText(state, i, "RemotePortRanges", "##filter-ports", f.remotePortRanges, "any");
    ImGui::TableNextColumn();
    cellText(state, i, "RemoteAddressRanges", "##filter-addresses", f.remoteAddressRanges, "any");
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (comboKnown("##filter-direction", f.direction, true)) markEdited(state, {});
    ImGui::TableNextColumn();
    const bool remove = ImGui::SmallButton("x##remove-filter");
    ImGui::PopID();
    return remove;
}

} // namespace

void drawFiltersSection(AppState& state) {
    auto& filters = state.doc.profile.trafficFilters;
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    int removeAt = -1;
    if (!filters.empty() && ImGui::BeginTable("filters", 6, kFlags)) {
        ImGui::TableSetupColumn("App", ImGuiTableColumnFlags_WidthStretch, 2.4f);
        ImGui::TableSetupColumn("Protocol", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Remote ports", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("Remote addresses", ImGuiTableColumnFlags_WidthStretch, 2.6f);
        ImGui::TableSetupColumn("Direction", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.5f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < filters.size(); ++i)
            if (filterRow(state, i)) removeAt = static_cast<int>(i);
        ImGui::EndTable();
    }
    if (removeAt >= 0) {
        filters.erase(filters.begin() + removeAt);
        markEdited(state, {});
    }
    if (ImGui::Button("Add a traffic filter")) {
        filters.push_back(TrafficFilter{});
        markEdited(state, {});
    }
    for (std::size_t i = 0; i < filters.size(); ++i)
        fieldIssues(state, "TrafficFilter[" + std::to_string(i) + "]");
}

} // namespace aovpn::ui
