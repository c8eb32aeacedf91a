#include "widgets.hpp"

#include "model/net.hpp"

#include <algorithm>
#include <charconv>

namespace aovpn::ui {

namespace {

// Grows the std::string behind an InputText as the user types (ImGui's resize protocol).
int resizeCallback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

} // namespace

namespace {
float widgetColumn() {
    return ImGui::GetFontSize() * 9.5f;
}
// Too narrow for label and field side by side: labels go above their fields, which then take
// the whole width (the form pane has a minimum width, but areas and dialogs may be narrower).
bool labelsAbove() {
    return ImGui::GetContentRegionMax().x - widgetColumn() < minFieldWidth();
}
} // namespace

float minFieldWidth() {
    return ImGui::GetFontSize() * 12.0f;
}

void fieldLabel(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    const float labelEnd =
        ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX();
    if (labelsAbove()) {
        // The field goes on the next line, from the line's start.
    } else if (labelEnd + ImGui::GetStyle().ItemSpacing.x > widgetColumn()) {
        toWidgetColumn(); // a long label goes above its field, which stays in the column
    } else {
        ImGui::SameLine(widgetColumn());
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
}

void toWidgetColumn() {
    if (!labelsAbove()) ImGui::SetCursorPosX(widgetColumn());
}

bool nextInRow(const char* label) {
    return nextInRow(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                     ImGui::CalcTextSize(label, nullptr, true).x);
}

bool nextInRow(float w) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float lastEnd = ImGui::GetItemRectMax().x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
    if (lastEnd + style.ItemSpacing.x + w <= right) {
        ImGui::SameLine();
        return true;
    }
    toWidgetColumn(); // the next line, in the column the row began in
    return false;
}

bool buttonInRow(const char* label) {
    nextInRow(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2);
    return ImGui::Button(label);
}

int radioRow(std::initializer_list<const char*> labels, int selected) {
    int clicked = -1, i = 0;
    for (const char* label : labels) {
        if (i > 0) nextInRow(label);
        if (ImGui::RadioButton(label, i == selected) && i != selected) clicked = i;
        ++i;
    }
    return clicked;
}

namespace {
// The longest start of `text` that, with "...", is at most `room` px wide (ImGui's own measure
// stops at the last whole character that fits: one pass).
std::string cutToWidth(const std::string& text, float room) {
    const float dots = ImGui::CalcTextSize("...").x;
    const char* end = text.data();
    ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), std::max(room - dots, 0.0f), 0.0f,
                                    text.data(), text.data() + text.size(), &end);
    return std::string(text.data(), end) + "...";
}
} // namespace

bool rowText(const std::string& text, const ImVec4* colour, bool separated) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float lineStart = ImGui::GetWindowPos().x + style.WindowPadding.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
    const float bar = separated ? ImGui::CalcTextSize("|").x + style.ItemSpacing.x : 0.0f;
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    const bool lineBegun = ImGui::GetCursorScreenPos().x > lineStart;
    if (lineBegun && ImGui::GetCursorScreenPos().x + bar + width > right) {
        ImGui::NewLine(); // a new line needs no bar before its first text
    } else if (separated && lineBegun) {
        ImGui::TextDisabled("|");
        ImGui::SameLine();
    }
    const float room = right - ImGui::GetCursorScreenPos().x;
    const bool cut = width > room;
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    ImGui::TextUnformatted(cut ? cutToWidth(text, room).c_str() : text.c_str());
    if (colour) ImGui::PopStyleColor();
    return cut;
}

bool inputText(const char* label, std::string& text, const char* hint, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    if (hint)
        return ImGui::InputTextWithHint(label, hint, text.data(), text.capacity() + 1, flags,
                                        resizeCallback, &text);
    return ImGui::InputText(label, text.data(), text.capacity() + 1, flags, resizeCallback, &text);
}

bool inputMultiline(const char* label, std::string& text, float height) {
    return ImGui::InputTextMultiline(label, text.data(), text.capacity() + 1,
                                     ImVec2(-FLT_MIN, height), ImGuiInputTextFlags_CallbackResize,
                                     resizeCallback, &text);
}

bool inputOptText(const char* label, std::optional<std::string>& value, const char* hint) {
    std::string text = value.value_or(std::string());
    if (!inputText(label, text, hint)) return false;
    if (text.empty())
        value.reset();
    else
        value = std::move(text);
    return true;
}

namespace {
std::string notANumber(const std::string& text, const std::optional<std::uint32_t>& kept) {
    std::string why = "Not taken: \"" + text + "\" is not a whole number; the field keeps " +
                      (kept ? std::to_string(*kept) : std::string("nothing")) + ".";
    if (text.find_first_of(".:,") != std::string::npos)
        why += " Address lists go into the paste box under Routes.";
    return why;
}
} // namespace

bool inputOptNumber(const char* label, std::optional<std::uint32_t>& value, const char* hint,
                    ViewState* view) {
    const std::uint32_t id = ImGui::GetID(label);
    const std::string* rejected = nullptr;
    if (view)
        if (auto it = view->rejectedInput.find(id); it != view->rejectedInput.end())
            rejected = &it->second;
    const bool showsRejected = rejected != nullptr;
    std::string text = rejected ? *rejected : (value ? std::to_string(*value) : std::string());
    if (showsRejected) ImGui::PushStyleColor(ImGuiCol_FrameBg, rejectedFrameColour());
    // Without a view, ImGui filters the keys; with one, everything is taken and checked here, so
    // a paste arrives whole (a filter would splice "10.0.0.0/8, 10.1.0.0/16" into one string).
    const bool edited = inputText(
        label, text, hint, view ? ImGuiInputTextFlags_None : ImGuiInputTextFlags_CharsDecimal);
    if (showsRejected) {
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", notANumber(text, value).c_str());
    }
    if (!edited) return false;
    std::uint32_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    const bool number = !text.empty() && ec == std::errc() && end == text.data() + text.size();
    if (!number && !text.empty()) {
        if (!view) return false; // keep the last good number; the field shows what is stored
        view->rejectedInput[id] = text;
        view->status = notANumber(text, value);
        return false;
    }
    if (showsRejected) {
        view->rejectedInput.erase(id);
        view->status.clear();
    }
    if (number)
        value = n;
    else
        value.reset();
    return true;
}

bool trimOnEntry(std::string& text) {
    // Not while typing: ImGui writes its own copy of the text back on every keystroke.
    if (!ImGui::IsItemDeactivatedAfterEdit()) return false;
    const std::string_view trimmed = trimSpaces(text);
    if (trimmed.size() == text.size()) return false;
    text = std::string(trimmed);
    return true;
}

bool trimOnEntry(std::optional<std::string>& value) {
    if (!value || !trimOnEntry(*value)) return false;
    if (value->empty()) value.reset();
    return true;
}

bool checkOpt(const char* label, std::optional<bool>& value, bool shownWhenAbsent) {
    bool v = value.value_or(shownWhenAbsent);
    if (!ImGui::Checkbox(label, &v)) return false;
    value = v;
    return true;
}

void focusIfRequested(AppState& state, std::string_view field) {
    if (state.view.focusField.empty() || state.view.focusField != field) return;
    ImGui::SetScrollHereY(0.3f);
    // The request only lands in the focused window's focus scope (ImGui 1.90: every child
    // window is one), and the click that asked for it was in the issues list.
    ImGui::SetWindowFocus();
    ImGui::SetKeyboardFocusHere();
    state.view.focusField.clear();
}

ImVec4 severityColour(Severity s) {
    switch (s) {
    case Severity::Error:
        return ImVec4(0.78f, 0.10f, 0.10f, 1.0f);
    case Severity::Warning:
        return ImVec4(0.66f, 0.42f, 0.00f, 1.0f);
    case Severity::Info:
        break;
    }
    return ImVec4(0.25f, 0.40f, 0.65f, 1.0f);
}

ImVec4 rejectedFrameColour() {
    return ImVec4(0.55f, 0.10f, 0.10f, 0.45f);
}

void disabledTip(bool disabled, const std::string& why) {
    if (disabled && !why.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", why.c_str());
}

std::optional<Severity> worstIssue(const AppState& state, std::string_view field) {
    const auto it = state.derived.issuesByField.find(std::string(field));
    if (it == state.derived.issuesByField.end()) return std::nullopt;
    Severity worst = Severity::Info;
    for (std::size_t i : it->second)
        worst = std::min(worst, state.derived.issues[i].severity);
    return worst;
}

void fieldIssues(const AppState& state, std::string_view field) {
    const auto it = state.derived.issuesByField.find(std::string(field));
    if (it == state.derived.issuesByField.end()) return;
    for (std::size_t i : it->second) {
        const Issue& issue = state.derived.issues[i];
        toWidgetColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, severityColour(issue.severity));
        ImGui::TextWrapped("%s", issue.message.c_str());
        ImGui::PopStyleColor();
    }
}

bool sectionWantsFocus(const AppState& state, std::string_view prefix) {
    const std::string& f = state.view.focusField;
    return !f.empty() && f.compare(0, prefix.size(), prefix) == 0;
}

} // namespace aovpn::ui
