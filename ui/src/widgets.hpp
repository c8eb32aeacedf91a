#pragma once
// Form widgets shared by the panels: std::string/optional editing, validation messages beside a
// field, and focusing a field when its issue is clicked. Internal to ui/.
#include "ui/document.hpp"
#include "ui/state.hpp"
#include "ui/widget_locator.hpp"

#include <imgui.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace aovpn::ui {

// Label column: the field's label on the left, the widget filling the rest of the row. A label
// longer than the column goes above its field; where the row is too narrow for a field of
// minFieldWidth() beside the column, every label goes above its field (full width).
void fieldLabel(const char* text);
// Moves the cursor to the widget column (for rows under a label, and messages); where labels
// go above their fields, the column is the line's start.
void toWidgetColumn();
// The narrowest a text field may be made (12 font widths): wider rows wrap instead.
float minFieldWidth();

// Call before a radio button or checkbox labelled `label` that follows another in a row: on the
// same line if it fits there, else on the next line in the widget column. True: same line.
bool nextInRow(const char* label);
// The same for any widget `width` px wide.
bool nextInRow(float width);
// A button after another item, placed as nextInRow places it.
bool buttonInRow(const char* label);
// A row of radio buttons (wrapping as nextInRow); returns the index clicked when that changes
// `selected`, else -1.
int radioRow(std::initializer_list<const char*> labels, int selected);
// A piece of text in a row of them (the action bar), called after SameLine(): where the rest of
// the line is too narrow it starts the next line, and a text wider than a whole line is cut
// with "..." (at a character boundary). True when it was cut: the caller's tooltip shows it all.
// `separated`: a "|" before it, unless it starts a line.
bool rowText(const std::string& text, const ImVec4* colour = nullptr, bool separated = false);

bool inputText(const char* label, std::string& text, const char* hint = nullptr,
               ImGuiInputTextFlags flags = 0);
bool inputMultiline(const char* label, std::string& text, float height);
// Empty text means "absent" (no element written).
bool inputOptText(const char* label, std::optional<std::string>& value, const char* hint = nullptr);
// With `view`, text that is not a number (a pasted address list...) is not dropped silently: it
// stays in the field, framed red, with the reason in the status line, until it is fixed.
bool inputOptNumber(const char* label, std::optional<std::uint32_t>& value,
                    const char* hint = nullptr, ViewState* view = nullptr);
// Call right after a text widget: once the user leaves it after an edit, the blanks around its
// text go (a pasted " vpn.contoso.com "). True when that changed the value.
bool trimOnEntry(std::string& text);
bool trimOnEntry(std::optional<std::string>& value);
bool checkOpt(const char* label, std::optional<bool>& value, bool shownWhenAbsent);

// Call before a widget: focuses it (and scrolls to it) when its issue was clicked.
void focusIfRequested(AppState& state, std::string_view field);
// Draws the validation messages for `field` under the widget just drawn.
void fieldIssues(const AppState& state, std::string_view field);
// The worst severity among a field's issues, if any.
std::optional<Severity> worstIssue(const AppState& state, std::string_view field);
// True when `field` or anything below it ("Route[3]" covers "Route[3]/Address") has an issue.
bool sectionWantsFocus(const AppState& state, std::string_view prefix);

ImVec4 severityColour(Severity s);
// The frame of a field holding text it cannot take (kept so it can be fixed in place).
ImVec4 rejectedFrameColour();

// Call right after a widget: while it is disabled, hovering it shows why (every disabled button
// and menu item says so).
void disabledTip(bool disabled, const std::string& why);

// Draws one editor through `widget` (returns true when it changed the value): focuses it when its
// issue was clicked and gives its frame the colour of its worst issue. For editors of a copy
// that the caller writes back and records itself.
template <class Widget> bool fieldWidget(AppState& state, std::string_view field, Widget&& widget) {
    focusIfRequested(state, field);
    const auto worst = worstIssue(state, field);
    if (worst) ImGui::PushStyleColor(ImGuiCol_Border, severityColour(*worst));
    const bool changed = widget();
    if (worst) ImGui::PopStyleColor();
    return changed;
}

// fieldWidget for an editor of the document itself: also records the edit under `editKey`
// (typing into one field coalesces into one undo step; "" never coalesces).
template <class Widget>
bool editField(AppState& state, std::string_view field, std::string_view editKey, Widget&& widget) {
    const bool changed = fieldWidget(state, field, widget);
    if (changed) markEdited(state, editKey);
    return changed;
}

// A combo over a closed value set; "(not set)" is the first entry when allowAbsent.
template <class E>
bool comboKnown(const char* label, std::optional<Known<E>>& value, bool allowAbsent) {
    const std::string current =
        value ? std::string(toText(*value)) : std::string(allowAbsent ? "(not set)" : "");
    bool changed = false;
    const bool open = ImGui::BeginCombo(label, current.c_str());
    // Closed, the combo box is the last item; open, its popup's entries report themselves.
    if (!open) reportLastItem(label);
    if (open) {
        if (allowAbsent && ImGui::Selectable("(not set)", !value)) {
            value.reset();
            changed = true;
        }
        for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i) {
            const E e = static_cast<E>(i);
            const bool selected = value && value->value == e;
            const std::string name(EnumNames<E>::names[i]);
            if (ImGui::Selectable(name.c_str(), selected) && !selected) {
                value = Known<E>(e);
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

} // namespace aovpn::ui
