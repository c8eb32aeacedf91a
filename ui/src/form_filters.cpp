// Traffic filters: one compact table row per filter (the fields people set most), and below a
// row, when opened or when the validator objects, a full-width area with the row's messages and
// the rarer fields (local ports and addresses, claims, routing policy). rows.hpp draws the table
// in parts around those areas; every row's ids come from its filter's stable key.
#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "rows.hpp"
#include "widgets.hpp"

#include <array>
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

// A clicked issue on a detail field opens that filter's details, so the field exists to focus.
void openDetailsForFocus(AppState& state, RowList& rows) {
    if (!sectionWantsFocus(state, kPrefix)) return;
    const std::string& f = state.view.focusField;
    const auto slash = f.find("]/");
    if (slash == std::string::npos) return;
    const std::string_view element = std::string_view(f).substr(slash + 2);
    const auto i = static_cast<std::size_t>(std::atoi(f.c_str() + kPrefix.size()));
    for (const FilterField& d : kDetailFields)
        if (element == d.element && i < rows.size()) rows.setOpen(i, true);
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

struct PendingAction {
    RowAction what = RowAction::None;
    std::size_t index = 0;
};

RowAction filterRow(AppState& state, std::size_t i, bool open) {
    TrafficFilter& f = state.doc.profile.trafficFilters[i];
    auto text = [&](const char* element, const char* id, std::optional<std::string>& v,
                    const char* hint) {
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        const std::string p = field(i, element);
        editField(state, p, p, [&] { return inputOptText(id, v, hint); });
    };
    text("App/Id", "##filter-app", f.appId, "any app");
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string protocol = field(i, "Protocol");
    editField(state, protocol, protocol,
              [&] { return inputOptNumber("##filter-protocol", f.protocol, "any", &state.view); });
    text("RemotePortRanges", "##filter-ports", f.remotePortRanges, "any");
    text("RemoteAddressRanges", "##filter-addresses", f.remoteAddressRanges, "any");
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    editField(state, field(i, "Direction"), {},
              [&] { return comboKnown("##filter-direction", f.direction, true); });
    ImGui::TableNextColumn();
    const bool held = f.localPortRanges || f.localAddressRanges || f.claims || f.routingPolicyType;
    return detailsAndRemove("filter", open, held, detailsTip(f));
}

// A filter with nothing filled in matches all traffic of every app: with it, the others restrict
// nothing. Windows takes it, so it is no validation finding, but a fresh "Add a traffic filter"
// row left as it is usually is a mistake.
bool isEmpty(const TrafficFilter& f) {
    return f == TrafficFilter{};
}

// The messages of the row's fields (and of the details' while they are closed), full width.
void rowMessages(const AppState& state, std::size_t i, bool withDetails) {
    if (isEmpty(state.doc.profile.trafficFilters[i])) {
        ImGui::PushStyleColor(ImGuiCol_Text, severityColour(Severity::Warning));
        ImGui::TextWrapped("Empty filter: it matches all traffic of every app, so the other "
                           "filters restrict nothing. Fill in what it should match, or remove it.");
        ImGui::PopStyleColor();
    }
    for (const FilterField& ff : kRowFields)
        areaMessages(state, field(i, ff.element), ff.label);
    if (withDetails)
        for (const FilterField& ff : kDetailFields)
            areaMessages(state, field(i, ff.element), ff.label);
}

void detailText(AppState& state, std::size_t i, const char* element, const char* label,
                std::optional<std::string>& value, const char* hint) {
    const std::string f = field(i, element);
    fieldLabel(label);
    editField(state, f, f,
              [&] { return inputOptText((std::string("##") + label).c_str(), value, hint); });
    fieldIssues(state, f);
}

void filterDetails(AppState& state, std::size_t i) {
    TrafficFilter& f = state.doc.profile.trafficFilters[i];
    detailText(state, i, "LocalPortRanges", "Local ports", f.localPortRanges,
               "any (e.g. 80,443,52000-52112; needs protocol 6 or 17)");
    detailText(state, i, "LocalAddressRanges", "Local addresses", f.localAddressRanges,
               "any (e.g. 10.0.0.0/8, 10.1.0.1-10.1.0.9)");
    detailText(state, i, "Claims", "Claims", f.claims, "none (SDDL of the claims)");
    const std::string policy = field(i, "RoutingPolicyType");
    fieldLabel("Routing policy");
    editField(state, policy, {},
              [&] { return comboKnown("##Routing policy", f.routingPolicyType, true); });
    fieldIssues(state, policy);
}

std::array<Column, 6> filterColumns() {
    return {{{"App", 2.1f, 0.0f, 4.5f}, // "any app"
             {"Protocol", 0.9f},
             {"Remote ports", 1.5f},
             {"Remote addresses", 2.3f},
             {"Direction", 1.6f, 0.0f, 6.5f}, // "(not set)" and the combo's arrow
             {"", 0.0f, detailsAndRemoveWidth()}}};
}

void applyRowAction(AppState& state, RowList& rows, const PendingAction& a) {
    if (a.what == RowAction::ToggleDetails) {
        rows.toggleOpen(a.index);
    } else if (a.what == RowAction::Remove) {
        auto& filters = state.doc.profile.trafficFilters;
        filters.erase(filters.begin() + static_cast<std::ptrdiff_t>(a.index));
        rows.erased(a.index); // open details stay with their filters
        markEdited(state, {});
    }
}

} // namespace

void drawFiltersSection(AppState& state) {
    RowList rows(state, "filters", state.doc.profile.trafficFilters.size());
    openDetailsForFocus(state, rows);
    PendingAction pending;
    RowTable table;
    table.id = "filters";
    table.columns = 6;
    const auto columns = filterColumns();
    const ColumnLayout layout = layoutColumns(columns, ImGui::GetContentRegionAvail().x);
    table.setupColumns = [&] { setupColumns(columns, layout); };
    table.width = layout.table;
    table.row = [&](std::size_t i) {
        if (const RowAction a = filterRow(state, i, rows.isOpen(i)); a != RowAction::None)
            pending = {a, i};
    };
    table.hasArea = [&](std::size_t i) {
        return rows.isOpen(i) || hasIssues(state, i) ||
               isEmpty(state.doc.profile.trafficFilters[i]);
    };
    table.area = [&](std::size_t i) {
        const bool open = rows.isOpen(i);
        rowMessages(state, i, !open);
        if (open) filterDetails(state, i);
    };
    drawRowTable(rows, table);
    applyRowAction(state, rows, pending);
    if (ImGui::Button("Add a traffic filter")) {
        state.doc.profile.trafficFilters.push_back(TrafficFilter{});
        markEdited(state, {});
    }
}

} // namespace aovpn::ui
