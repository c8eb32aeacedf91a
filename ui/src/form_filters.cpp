// Traffic filters: one compact table row per filter (the fields people set most), and below a
// row, when opened or when the validator objects, a full-width area with the row's messages and
// the rarer fields (local ports and addresses, claims, routing policy). The table is split
// there into instances of one ImGui table (same ID, so the columns stay aligned); an unbroken
// run of quiet, closed filters stays a single table.
#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "widgets.hpp"

#include <cstdlib>

namespace aovpn::ui {

namespace {

struct FilterField {
    const char* element; // the validator's path below TrafficFilter[i] ("" = the whole filter)
    const char* label;   // the words shown beside its messages
};
constexpr FilterField kRowFields[] = {{"", ""},
                                      {"App/Id", "App"},
                                      {"Protocol", "Protocol"},
                                      {"RemotePortRanges", "Remote ports"},
                                      {"RemoteAddressRanges", "Remote addresses"},
                                      {"Direction", "Direction"}};
constexpr FilterField kDetailFields[] = {{"LocalPortRanges", "Local ports"},
                                         {"LocalAddressRanges", "Local addresses"},
                                         {"Claims", "Claims"},
                                         {"RoutingPolicyType", "Routing policy"}};
constexpr std::string_view kPrefix = "TrafficFilter[";

std::string field(std::size_t i, std::string_view element) {
    std::string f = std::string(kPrefix) + std::to_string(i) + "]";
    return element.empty() ? f : f + "/" + std::string(element);
}

// One ordered-map probe per filter, so a quiet filter costs no per-field lookups. Paths of
// filter 1 sort before filter 10's ('/' < '0'), so the first key at or after "...[1]" decides.
bool hasIssues(const AppState& state, std::size_t i) {
    const std::string f = field(i, {});
    const auto it = state.derived.issuesByField.lower_bound(f);
    if (it == state.derived.issuesByField.end()) return false;
    const std::string& key = it->first;
    return key == f ||
           (key.size() > f.size() && key.compare(0, f.size(), f) == 0 && key[f.size()] == '/');
}

bool detailsOpen(const AppState& state, std::size_t i) {
    return state.view.openFilterDetails.count(i) > 0;
}

// A clicked issue on a detail field opens that filter's details, so the field exists to focus.
void openDetailsForFocus(AppState& state) {
    if (!sectionWantsFocus(state, kPrefix)) return;
    const std::string& f = state.view.focusField;
    const auto slash = f.find("]/");
    if (slash == std::string::npos) return;
    const std::string_view element = std::string_view(f).substr(slash + 2);
    for (const FilterField& d : kDetailFields)
        if (element == d.element)
            state.view.openFilterDetails.insert(
                static_cast<std::size_t>(std::atoi(f.c_str() + kPrefix.size())));
}

// Draws one editor with the validator's colour on its frame; records the edit under `key`
// (typing into one field coalesces into one undo step; combos pass "" and never coalesce).
template <class Edit>
void edited(AppState& state, const std::string& f, std::string_view key, Edit&& edit) {
    focusIfRequested(state, f);
    const auto worst = worstIssue(state, f);
    if (worst) ImGui::PushStyleColor(ImGuiCol_Border, severityColour(*worst));
    const bool changed = edit();
    if (worst) ImGui::PopStyleColor();
    if (changed) markEdited(state, key);
}

// The details button's tooltip: what the details hold, so a closed filter hides nothing.
std::string detailsTip(const TrafficFilter& f) {
    std::string tip = "Details: local ports, local addresses, claims, routing policy";
    auto add = [&](const char* name, const std::string& value) {
        tip += std::string("\n") + name + ": " + value;
    };
    if (f.localPortRanges) add("Local ports", *f.localPortRanges);
    if (f.localAddressRanges) add("Local addresses", *f.localAddressRanges);
    if (f.claims) add("Claims", *f.claims);
    if (f.routingPolicyType) add("Routing policy", std::string(toText(*f.routingPolicyType)));
    return tip;
}

enum class RowAction { None, Remove, ToggleDetails };

RowAction filterRow(AppState& state, std::size_t i) {
    TrafficFilter& f = state.doc.profile.trafficFilters[i];
    ImGui::TableNextRow();
    ImGui::PushID(static_cast<int>(i));
    auto text = [&](const char* element, const char* id, std::optional<std::string>& v,
                    const char* hint) {
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        const std::string p = field(i, element);
        edited(state, p, p, [&] { return inputOptText(id, v, hint); });
    };
    text("App/Id", "##filter-app", f.appId, "any app");
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string protocol = field(i, "Protocol");
    edited(state, protocol, protocol,
           [&] { return inputOptNumber("##filter-protocol", f.protocol, "any"); });
    text("RemotePortRanges", "##filter-ports", f.remotePortRanges, "any");
    text("RemoteAddressRanges", "##filter-addresses", f.remoteAddressRanges, "any");
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    edited(state, field(i, "Direction"), {},
           [&] { return comboKnown("##filter-direction", f.direction, true); });
    ImGui::TableNextColumn();
    RowAction action = RowAction::None;
    // Closed details that hold values show it in the button's colour: nothing hides unseen.
    const bool open = detailsOpen(state, i);
    const bool held =
        !open && (f.localPortRanges || f.localAddressRanges || f.claims || f.routingPolicyType);
    if (held) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
    if (ImGui::SmallButton(open ? "-##filter-details" : "+##filter-details"))
        action = RowAction::ToggleDetails;
    if (held) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", detailsTip(f).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("x##remove-filter")) action = RowAction::Remove;
    ImGui::PopID();
    return action;
}

// The messages of the row's fields (and of the details' while they are closed), full width.
void rowMessages(const AppState& state, std::size_t i, bool withDetails) {
    auto show = [&](const FilterField& ff) {
        const auto it = state.derived.issuesByField.find(field(i, ff.element));
        if (it == state.derived.issuesByField.end()) return;
        for (std::size_t n : it->second) {
            const Issue& issue = state.derived.issues[n];
            ImGui::PushStyleColor(ImGuiCol_Text, severityColour(issue.severity));
            if (*ff.label)
                ImGui::TextWrapped("%s: %s", ff.label, issue.message.c_str());
            else
                ImGui::TextWrapped("%s", issue.message.c_str());
            ImGui::PopStyleColor();
        }
    };
    for (const FilterField& ff : kRowFields)
        show(ff);
    if (withDetails)
        for (const FilterField& ff : kDetailFields)
            show(ff);
}

void detailText(AppState& state, std::size_t i, const char* element, const char* label,
                std::optional<std::string>& value, const char* hint) {
    const std::string f = field(i, element);
    fieldLabel(label);
    edited(state, f, f,
           [&] { return inputOptText((std::string("##") + label).c_str(), value, hint); });
    fieldIssues(state, f);
}

void filterDetails(AppState& state, std::size_t i) {
    TrafficFilter& f = state.doc.profile.trafficFilters[i];
    ImGui::PushID(static_cast<int>(i));
    detailText(state, i, "LocalPortRanges", "Local ports", f.localPortRanges,
               "any (e.g. 80,443,52000-52112; needs protocol 6 or 17)");
    detailText(state, i, "LocalAddressRanges", "Local addresses", f.localAddressRanges,
               "any (e.g. 10.0.0.0/8, 10.1.0.1-10.1.0.9)");
    detailText(state, i, "Claims", "Claims", f.claims, "none (SDDL of the claims)");
    const std::string policy = field(i, "RoutingPolicyType");
    fieldLabel("Routing policy");
    edited(state, policy, {},
           [&] { return comboKnown("##Routing policy", f.routingPolicyType, true); });
    fieldIssues(state, policy);
    ImGui::PopID();
}

bool beginFilterTable(bool headers) {
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("filters", 6, kFlags)) return false;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttons =
        ImGui::CalcTextSize("-x").x + 4.0f * style.FramePadding.x + style.ItemSpacing.x;
    ImGui::TableSetupColumn("App", ImGuiTableColumnFlags_WidthStretch, 2.1f);
    ImGui::TableSetupColumn("Protocol", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Remote ports", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Remote addresses", ImGuiTableColumnFlags_WidthStretch, 2.3f);
    ImGui::TableSetupColumn("Direction", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, buttons);
    if (headers) ImGui::TableHeadersRow();
    return true;
}

struct PendingAction {
    RowAction what = RowAction::None;
    std::size_t index = 0;
};

// Rows from `first` on, until one needs the area below it; returns the index after the last row.
std::size_t drawRun(AppState& state, std::size_t first, PendingAction& pending) {
    const auto& filters = state.doc.profile.trafficFilters;
    if (!beginFilterTable(first == 0)) return filters.size();
    std::size_t i = first;
    bool below = false;
    for (; i < filters.size() && !below; ++i) {
        if (const RowAction a = filterRow(state, i); a != RowAction::None) pending = {a, i};
        below = detailsOpen(state, i) || hasIssues(state, i);
    }
    ImGui::EndTable();
    if (!below) return i;
    const std::size_t row = i - 1;
    const bool open = detailsOpen(state, row);
    // A line down the left side ties the area to its row. (No group around it: a group would
    // shift fieldLabel's widget column but not fieldIssues' messages.)
    const float x = ImGui::GetCursorScreenPos().x + ImGui::GetStyle().IndentSpacing * 0.5f;
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::Indent();
    rowMessages(state, row, !open);
    if (open) filterDetails(state, row);
    ImGui::Unindent();
    const float bottom = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, top), ImVec2(x, bottom),
                                        ImGui::GetColorU32(ImGuiCol_Border), 2.0f);
    return i;
}

void applyRowAction(AppState& state, const PendingAction& a) {
    auto& open = state.view.openFilterDetails;
    if (a.what == RowAction::ToggleDetails) {
        if (!open.erase(a.index)) open.insert(a.index);
    } else if (a.what == RowAction::Remove) {
        auto& filters = state.doc.profile.trafficFilters;
        filters.erase(filters.begin() + static_cast<std::ptrdiff_t>(a.index));
        markEdited(state, {});
        // Open details follow their filters to their new positions.
        std::set<std::size_t> moved;
        for (std::size_t k : open)
            if (k != a.index) moved.insert(k > a.index ? k - 1 : k);
        open = std::move(moved);
    }
}

} // namespace

void drawFiltersSection(AppState& state) {
    openDetailsForFocus(state);
    PendingAction pending;
    const std::size_t count = state.doc.profile.trafficFilters.size();
    for (std::size_t next = 0; next < count;)
        next = drawRun(state, next, pending);
    applyRowAction(state, pending);
    if (ImGui::Button("Add a traffic filter")) {
        state.doc.profile.trafficFilters.push_back(TrafficFilter{});
        markEdited(state, {});
    }
}

} // namespace aovpn::ui
