#include "rows.hpp"

#include "wheel_handoff.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace aovpn::ui {

namespace {
// Column headers are not controls here (no sorting): Tab passes them by.
void headersRow() {
    ImGui::PushTabStop(false);
    ImGui::TableHeadersRow();
    ImGui::PopTabStop();
}
} // namespace

RowList::RowList(AppState& state, std::string_view list, std::size_t count)
    : keys_(state.view.rows[std::string(list)]),
      seed_(ImGui::GetID(list.data(), list.data() + list.size())) {
    // A change the form did not make (undo, open, a template) may leave a different count:
    // the first keys stay, new elements get fresh ones.
    while (keys_.keys.size() > count) {
        keys_.open.erase(keys_.keys.back());
        keys_.keys.pop_back();
    }
    while (keys_.keys.size() < count)
        keys_.keys.push_back(keys_.next++);
}

ImGuiID RowList::id(std::size_t i) const {
    const std::uint32_t k = keys_.keys[i];
    return ImHashData(&k, sizeof k, seed_);
}

void RowList::push(std::size_t i) const {
    ImGui::PushOverrideID(id(i));
}

bool RowList::isOpen(std::size_t i) const {
    return keys_.open.count(keys_.keys[i]) > 0;
}

void RowList::setOpen(std::size_t i, bool open) {
    if (open)
        keys_.open.insert(keys_.keys[i]);
    else
        keys_.open.erase(keys_.keys[i]);
}

void RowList::toggleOpen(std::size_t i) {
    setOpen(i, !isOpen(i));
}

void RowList::erased(std::size_t i) {
    if (i >= keys_.keys.size()) return;
    keys_.open.erase(keys_.keys[i]);
    keys_.keys.erase(keys_.keys.begin() + static_cast<std::ptrdiff_t>(i));
}

void RowList::swapped(std::size_t a, std::size_t b) {
    if (a < keys_.keys.size() && b < keys_.keys.size()) std::swap(keys_.keys[a], keys_.keys[b]);
}

namespace {

bool beginPart(const RowList& rows, const RowTable& t, std::size_t first) {
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                       ImGuiTableFlags_SizingStretchProp |
                                       ImGuiTableFlags_NoSavedSettings;
    // Every part has an id of its own: the first row's key makes it.
    if (first > 0) ImGui::PushID(static_cast<int>(rows.key(first)));
    const bool open = ImGui::BeginTable(t.id, t.columns, kFlags, ImVec2(t.width, 0.0f));
    if (!open) {
        if (first > 0) ImGui::PopID();
        return false;
    }
    t.setupColumns();
    if (first == 0) headersRow();
    return true;
}

void endPart(std::size_t first) {
    ImGui::EndTable();
    if (first > 0) ImGui::PopID();
}

// The area under a row, tied to it by a line down its left side. (No group around it: a group
// would shift fieldLabel's widget column but not fieldIssues' messages.)
void drawArea(const RowList& rows, const RowTable& t, std::size_t i) {
    const float x = ImGui::GetCursorScreenPos().x + ImGui::GetStyle().IndentSpacing * 0.5f;
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::Indent();
    rows.push(i);
    t.area(i);
    ImGui::PopID();
    ImGui::Unindent();
    const float bottom = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, top), ImVec2(x, bottom),
                                        ImGui::GetColorU32(ImGuiCol_Border), 2.0f);
}

} // namespace

namespace {
float minimumWidth(const Column& c) {
    return std::max(ImGui::CalcTextSize(c.name).x, c.minFonts * ImGui::GetFontSize());
}
} // namespace

ColumnLayout layoutColumns(std::span<const Column> columns, float avail) {
    const float pad = 2.0f * ImGui::GetStyle().CellPadding.x + 1.0f; // padding, border
    ColumnLayout l;
    l.widths.assign(columns.size(), 0.0f);
    std::vector<bool> atMinimum(columns.size(), false);
    // Share out, give a column whose share is below its header that header, share again.
    for (bool again = true; again;) {
        again = false;
        float rest = avail - 2.0f, weights = 0.0f;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const Column& c = columns[i];
            const bool stretched = c.weight > 0.0f && !atMinimum[i];
            if (c.weight <= 0.0f) l.widths[i] = c.width;
            if (atMinimum[i]) l.widths[i] = minimumWidth(c);
            rest -= pad + (stretched ? 0.0f : l.widths[i]);
            weights += stretched ? c.weight : 0.0f;
        }
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].weight <= 0.0f || atMinimum[i]) continue;
            l.widths[i] = std::floor(std::max(rest, 0.0f) * columns[i].weight / weights);
            if (l.widths[i] < minimumWidth(columns[i])) again = atMinimum[i] = true;
        }
    }
    l.table = 2.0f;
    for (float w : l.widths)
        l.table += w + pad;
    l.table = std::max(avail, std::ceil(l.table));
    return l;
}

void setupColumns(std::span<const Column> columns, const ColumnLayout& layout) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        ImGui::TableSetupColumn(columns[i].name, ImGuiTableColumnFlags_WidthFixed,
                                std::max(layout.widths[i], 1.0f));
}

bool beginWide(const char* id, float width) {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (width <= avail + 0.5f) return false;
    // Always: the height fitted to the table then counts the scrollbar (ImGui 1.90 would not).
    ImGui::BeginChild(id, ImVec2(avail, 0.0f), ImGuiChildFlags_AutoResizeY,
                      ImGuiWindowFlags_AlwaysHorizontalScrollbar | ImGuiWindowFlags_NavFlattened);
    return true;
}

void endWide(bool wide) {
    if (wide) ImGui::EndChild();
}

namespace {

void drawRowParts(const RowList& rows, const RowTable& t) {
    std::size_t i = 0;
    while (i < rows.size()) {
        const std::size_t first = i;
        if (!beginPart(rows, t, first)) return;
        bool below = false;
        for (; i < rows.size() && !below; ++i) {
            ImGui::TableNextRow();
            rows.push(i);
            t.row(i);
            ImGui::PopID();
            below = t.hasArea(i);
        }
        endPart(first);
        if (below) drawArea(rows, t, i - 1);
    }
}

} // namespace

void drawRowTable(const RowList& rows, const RowTable& t) {
    const bool wide = rows.size() > 0 && beginWide("wide", t.width);
    drawRowParts(rows, t);
    endWide(wide);
}

} // namespace aovpn::ui

#include "widgets.hpp"

namespace aovpn::ui {

namespace {

// One value's row; true when the value changed, `remove` when its x was pressed.
bool valueRow(AppState& state, const ValueList& spec, std::string& value, std::size_t i,
              bool& remove) {
    const std::string f = spec.field + "[" + std::to_string(i) + "]";
    const std::string note = spec.note ? spec.note(value) : std::string();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float xW = ImGui::GetFrameHeight() + style.ItemSpacing.x;
    float noteW = note.empty() ? 0.0f : ImGui::CalcTextSize(note.c_str()).x + style.ItemSpacing.x;
    // The note goes under the field where beside it would leave the value too narrow to read.
    const bool noteBelow =
        noteW > 0.0f && ImGui::GetContentRegionAvail().x - xW - noteW < ImGui::GetFontSize() * 16;
    if (noteBelow) noteW = 0.0f;
    ImGui::SetNextItemWidth(-(xW + noteW + style.ItemSpacing.x));
    const std::string id = std::string("##") + spec.label;
    const bool changed =
        fieldWidget(state, f, [&] { return inputText(id.c_str(), value, spec.hint); });
    if (!note.empty() && !noteBelow) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", note.c_str());
    }
    ImGui::SameLine();
    remove = ImGui::Button("x##remove value");
    if (noteBelow) {
        toWidgetColumn();
        ImGui::TextDisabled("%s", note.c_str());
    }
    fieldIssues(state, f);
    return changed;
}

} // namespace

namespace {
constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                        ImGuiTableFlags_SizingStretchProp |
                                        ImGuiTableFlags_NoSavedSettings;
bool gScrolling = false; // what the open beginScrollTable chose (tables do not nest here)
} // namespace

bool beginScrollTable(const char* id, int columns, const std::function<void()>& setupColumns,
                      float rowsHeight, float maxHeight, float width) {
    gScrolling = rowsHeight > maxHeight;
    if (!gScrolling) {
        if (!ImGui::BeginTable(id, columns, kTableFlags, ImVec2(width, 0.0f))) return false;
        setupColumns();
        headersRow();
        return true;
    }
    const float bar = ImGui::GetStyle().ScrollbarSize;
    ImGui::PushID(id);
    const float w = width > 0.0f ? width : ImGui::GetContentRegionAvail().x;
    if (ImGui::BeginTable("header", columns, kTableFlags, ImVec2(w - bar, 0.0f))) {
        setupColumns();
        headersRow();
        ImGui::EndTable();
    }
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y);
    ImGui::BeginChild("rows", ImVec2(w, maxHeight), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    handWheelOnAtEnds();
    if (ImGui::BeginTable("rows", columns, kTableFlags)) {
        setupColumns();
        return true;
    }
    ImGui::EndChild();
    ImGui::PopID();
    return false;
}

void endScrollTable() {
    ImGui::EndTable();
    if (!gScrolling) return;
    ImGui::EndChild();
    ImGui::PopID();
}

RowAction detailsAndRemove(const char* name, bool open, bool held, const std::string& tip) {
    RowAction action = RowAction::None;
    held = held && !open;
    if (held) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
    const std::string details = std::string(open ? "-##" : "+##") + name + "-details";
    if (ImGui::SmallButton(details.c_str())) action = RowAction::ToggleDetails;
    if (held) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string("x##remove-") + name).c_str())) action = RowAction::Remove;
    return action;
}

float detailsAndRemoveWidth() {
    const ImGuiStyle& style = ImGui::GetStyle();
    return ImGui::CalcTextSize("-x").x + 4.0f * style.FramePadding.x + style.ItemSpacing.x;
}

void areaMessages(const AppState& state, const std::string& field, const char* label) {
    const auto it = state.derived.issuesByField.find(field);
    if (it == state.derived.issuesByField.end()) return;
    for (std::size_t n : it->second) {
        const Issue& issue = state.derived.issues[n];
        ImGui::PushStyleColor(ImGuiCol_Text, severityColour(issue.severity));
        if (*label)
            ImGui::TextWrapped("%s: %s", label, issue.message.c_str());
        else
            ImGui::TextWrapped("%s", issue.message.c_str());
        ImGui::PopStyleColor();
    }
}

bool drawValueList(AppState& state, const ValueList& spec, std::vector<std::string>& values,
                   std::string& editKey) {
    RowList rows(state, spec.list, values.size());
    fieldLabel(spec.label);
    std::optional<std::size_t> removeAt;
    bool changed = false;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) toWidgetColumn();
        rows.push(i);
        bool remove = false;
        if (valueRow(state, spec, values[i], i, remove)) {
            changed = true;
            editKey = spec.field + "[" + std::to_string(rows.key(i)) + "]";
        }
        if (remove) removeAt = i;
        ImGui::PopID();
    }
    if (!values.empty()) toWidgetColumn();
    if (ImGui::Button(spec.addLabel)) {
        values.emplace_back();
        changed = true;
        editKey.clear();
    }
    if (spec.moreButtons) spec.moreButtons();
    if (removeAt) {
        values.erase(values.begin() + static_cast<std::ptrdiff_t>(*removeAt));
        rows.erased(*removeAt);
        changed = true;
        editKey.clear();
    }
    fieldIssues(state, spec.field);
    return changed;
}

} // namespace aovpn::ui
