#include "model/route_filters.hpp"
#include "ui/document.hpp"
#include "ui/edits.hpp"
#include "ui/panels.hpp"

#include "rows.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace aovpn::ui {

namespace {

std::string field(std::size_t i, const char* element) {
    std::string f = "Route[" + std::to_string(i) + "]";
    return *element ? f + "/" + element : f;
}

// A small marker with the messages as a tooltip: rows keep one height so the clipper works.
void rowIssues(const AppState& state, std::size_t i) {
    for (const char* el : {"", "Address", "PrefixSize", "Metric"}) {
        const auto it = state.derived.issuesByField.find(field(i, el));
        if (it == state.derived.issuesByField.end()) continue;
        const Issue& first = state.derived.issues[it->second.front()];
        ImGui::SameLine();
        ImGui::TextColored(severityColour(first.severity), "(!)");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", first.message.c_str());
        return;
    }
}

// The offer for route i when no traffic filter lets it through (derived per revision, sorted by
// route).
const RouteOutsideFilters* outsideOffer(const AppState& state, std::size_t i) {
    const auto& offers = state.derived.routesOutside;
    const auto it = std::lower_bound(
        offers.begin(), offers.end(), i,
        [](const RouteOutsideFilters& o, std::size_t route) { return o.route < route; });
    return it != offers.end() && it->route == i ? &*it : nullptr;
}

const Issue* outsideIssue(const AppState& state, std::size_t i) {
    const auto it = state.derived.issuesByField.find(field(i, "Address"));
    if (it == state.derived.issuesByField.end()) return nullptr;
    for (std::size_t k : it->second)
        if (state.derived.issues[k].rule == "route.outside-filters")
            return &state.derived.issues[k];
    return nullptr;
}

constexpr const char* kOutside = "outside";
constexpr const char* kAddToFilter = "Add to the filter";

float filtersColumnWidth() {
    const ImGuiStyle& s = ImGui::GetStyle();
    return ImGui::CalcTextSize(kOutside).x + s.ItemSpacing.x + ImGui::CalcTextSize(kAddToFilter).x +
           s.FramePadding.x * 2.0f;
}

// The "Filters" cell: a note that the route leads nowhere (the validator's words as its
// tooltip) and the one-click fix the engine offers. Returns true when the fix was clicked.
bool filterOffer(const AppState& state, std::size_t i) {
    ImGui::TableNextColumn();
    const RouteOutsideFilters* offer = outsideOffer(state, i);
    if (!offer) return false;
    const Issue* issue = outsideIssue(state, i);
    ImGui::TextColored(severityColour(issue ? issue->severity : Severity::Warning), "%s", kOutside);
    if (issue && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\n%s", issue->message.c_str(), issue->hint.c_str());
    if (!offer->filter) return false;
    ImGui::SameLine();
    const bool clicked = ImGui::SmallButton(kAddToFilter);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Adds %s to traffic filter %zu's remote addresses (one undo step).",
                          formatPrefix(offer->prefix).c_str(), *offer->filter + 1);
    return clicked;
}

enum class RouteClick { None, Remove, AddToFilter };

RouteClick routeRow(AppState& state, const RowList& rows, std::size_t i, bool offers) {
    Route& r = state.doc.profile.routes[i];
    ImGui::TableNextRow();
    rows.push(i);
    ImGui::TableNextColumn();
    auto number = [&](const char* element, const char* id, std::optional<std::uint32_t>& v,
                      const char* hint) {
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        const std::string f = field(i, element);
        editField(state, f, f, [&] { return inputOptNumber(id, v, hint, &state.view); });
    };
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string address = field(i, "Address");
    editField(state, address, address,
              [&] { return inputOptText("##route-address", r.address, "10.0.0.0"); });
    number("PrefixSize", "##route-prefix", r.prefixSize, "32");
    number("Metric", "##route-metric", r.metric, nullptr);
    ImGui::TableNextColumn();
    editField(state, field(i, "ExclusionRoute"), {},
              [&] { return checkOpt("##route-exclusion", r.exclusionRoute, false); });
    const bool add = offers && filterOffer(state, i);
    ImGui::TableNextColumn();
    const bool remove = ImGui::SmallButton("x##remove-route");
    rowIssues(state, i);
    ImGui::PopID();
    return remove ? RouteClick::Remove : add ? RouteClick::AddToFilter : RouteClick::None;
}

// The "Filters" column is there only while some route is outside the filters, so the usual
// table keeps its width for the addresses.
std::vector<Column> routeColumns(bool offers) {
    std::vector<Column> c{
        {"Address", 3.0f}, {"Prefix", 1.0f}, {"Metric", 1.0f}, {"Exclusion", 1.0f}};
    if (offers) c.push_back({"Filters", 0.0f, filtersColumnWidth()});
    c.push_back({"", 1.0f});
    return c;
}

// One undo step; the engine says what it changed, and the log keeps it.
void addToFilter(AppState& state, std::size_t route) {
    if (auto said = addRouteToFilters(state.doc.profile, route)) {
        markEdited(state, {});
        appendLog(state.view, LogLevel::Info, std::move(*said));
    }
}

void drawRouteTable(AppState& state) {
    auto& routes = state.doc.profile.routes;
    RowList rows(state, "routes", routes.size());
    const float rowH = ImGui::GetFrameHeightWithSpacing();
    const float all = rowH * static_cast<float>(routes.size());
    const bool offers = !state.derived.routesOutside.empty();
    // One id whatever the column count (ImGui re-lays the columns out when it changes), so a
    // long list keeps its scroll position when the last offer is taken.
    const std::vector<Column> columns = routeColumns(offers);
    const ColumnLayout layout = layoutColumns(columns, ImGui::GetContentRegionAvail().x);
    const bool wide = beginWide("wide routes", layout.table);
    if (!beginScrollTable(
            "routes", static_cast<int>(columns.size()), [&] { setupColumns(columns, layout); }, all,
            rowH * 8.0f, layout.table)) {
        endWide(wide);
        return;
    }
    std::optional<std::size_t> removeAt, addAt;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(routes.size()));
    // A clicked issue must scroll to a row the clipper would skip.
    if (sectionWantsFocus(state, "Route[")) {
        const int row = std::atoi(state.view.focusField.c_str() + 6);
        if (row >= 0 && row < static_cast<int>(routes.size())) clipper.IncludeItemByIndex(row);
    }
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto k = static_cast<std::size_t>(i);
            const RouteClick click = routeRow(state, rows, k, offers);
            if (click == RouteClick::Remove) removeAt = k;
            if (click == RouteClick::AddToFilter) addAt = k;
        }
    endScrollTable();
    endWide(wide);
    if (removeAt) {
        routes.erase(routes.begin() + static_cast<std::ptrdiff_t>(*removeAt));
        rows.erased(*removeAt);
        markEdited(state, {});
    } else if (addAt) {
        addToFilter(state, *addAt);
    }
}

// The entries the box cannot take, marked under it while they are being fixed in place.
void pasteProblems(const std::vector<PastedEntryProblem>& problems) {
    constexpr std::size_t kShown = 5; // the rest are counted
    ImGui::PushStyleColor(ImGuiCol_Text, severityColour(Severity::Error));
    for (std::size_t k = 0; k < problems.size() && k < kShown; ++k)
        ImGui::TextWrapped("Line %d: %s", problems[k].line, problems[k].why.c_str());
    if (problems.size() > kShown)
        ImGui::TextWrapped("... and %zu more entries that are not addresses or prefixes.",
                           problems.size() - kShown);
    ImGui::PopStyleColor();
}

void addPasted(AppState& state) {
    const RoutePaste r = addPastedRoutes(state.doc.profile, state.view.hostPaste);
    if (r.added > 0) markEdited(state, {});
    appendLog(state.view, LogLevel::Info, "Added " + std::to_string(r.added) + " route(s).");
    if (!r.duplicates.empty())
        appendLog(state.view, LogLevel::Info,
                  std::to_string(r.duplicates.size()) + " already routed, skipped.");
    if (!r.rejected.empty())
        appendLog(state.view, LogLevel::Warning,
                  std::to_string(r.rejected.size()) +
                      " entry(ies) are not addresses or prefixes: they stay in the box, marked, "
                      "to be fixed there.");
    state.view.hostPaste = r.remaining; // only what was not taken stays, one entry a line
}

void drawRoutePaste(AppState& state) {
    ImGui::TextWrapped(
        "Add routes: paste addresses (each a /32 or /128 host route) or prefixes (10.20.0.0/16)");
    const auto problems = pastedRouteProblems(state.view.hostPaste);
    if (!problems.empty()) ImGui::PushStyleColor(ImGuiCol_FrameBg, rejectedFrameColour());
    inputMultiline("##Addresses or prefixes", state.view.hostPaste,
                   ImGui::GetTextLineHeight() * 3.2f);
    if (!problems.empty()) {
        ImGui::PopStyleColor();
        pasteProblems(problems);
    }
    if (ImGui::Button("Add routes")) addPasted(state);
    ImGui::SameLine();
    if (ImGui::Button("Add a route")) {
        state.doc.profile.routes.push_back(Route{});
        markEdited(state, {});
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu route(s)", state.doc.profile.routes.size());
}

} // namespace

void drawRoutesSection(AppState& state) {
    drawRouteTable(state);
    fieldIssues(state, "Route");
    drawRoutePaste(state);
}

} // namespace aovpn::ui
