// "All settings": a tree of the whole profile generated from the description
// (model/describe.hpp) - every element, the form's and the others (PluginProfile, L2tpPsk,
// DataEncryption, APNBinding, AppTrigger, EdpModeId...), each edited with the widget its kind
// takes, its findings beside it; kept unknown elements are shown read-only. Nothing here names
// an element: a new one in the description appears here by itself.
#include "model/describe.hpp"
#include "model/field_path.hpp"
#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "rows.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace aovpn::ui {
namespace {
using schema::Element;
using schema::Field;
using schema::Kind;

constexpr std::size_t kPage = 100; // list items shown at once (10,000 routes stay quick)

std::string join(const std::string& parent, std::string_view name) {
    return parent.empty() ? std::string(name) : parent + "/" + std::string(name);
}

// `field` is `path` or below it ("Route[3]" covers "Route[3]/Address", not "Route[31]").
bool isAtOrBelow(std::string_view field, std::string_view path) {
    if (!field.starts_with(path)) return false;
    return field.size() == path.size() || field[path.size()] == '/' || field[path.size()] == '[';
}

// The focus request names `path` or something below it.
bool wantsInside(const AppState& state, const std::string& path) {
    const std::string& f = state.view.focusField;
    return !f.empty() && isAtOrBelow(f, path);
}

// Calls `visit(issue)` for every finding at `path` or below it.
template <class Visit>
void forIssuesBelow(const AppState& state, const std::string& path, Visit&& visit) {
    const auto& byField = state.derived.issuesByField;
    for (auto it = byField.lower_bound(path); it != byField.end(); ++it) {
        if (!it->first.starts_with(path)) break;
        if (!isAtOrBelow(it->first, path)) continue;
        for (const std::size_t i : it->second)
            visit(state.derived.issues[i]);
    }
}

std::optional<Severity> worstBelow(const AppState& state, const std::string& path) {
    std::optional<Severity> worst;
    forIssuesBelow(state, path, [&](const Issue& issue) {
        worst = std::min(worst.value_or(Severity::Info), issue.severity);
    });
    return worst;
}

// The label column of one element's rows: as wide as its longest name, at most 45% of the pane
// (a longer name is cut, and shown whole on hover).
float labelWidth(const Element& el) {
    float w = 0.0f;
    for (const Field& f : el.fields)
        w = std::max(w, ImGui::CalcTextSize(f.name.data(), f.name.data() + f.name.size()).x);
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 2.0f;
    return std::min(w + spacing, ImGui::GetContentRegionAvail().x * 0.45f);
}

void rowLabel(const Field& f, float labelW) {
    const float x = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float clip = labelW - ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushClipRect(at, ImVec2(at.x + clip, at.y + ImGui::GetFrameHeight()), true);
    ImGui::TextUnformatted(f.name.data(), f.name.data() + f.name.size());
    ImGui::PopClipRect();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s%s", std::string(f.name).c_str(),
                          f.windows11 ? " (Windows 11, not in the published XSD)" : "");
    ImGui::SameLine(x + labelW);
    ImGui::SetNextItemWidth(-FLT_MIN);
}

// A leaf row's widget: focused when its issue, or one below it (an entry inside the value, as
// ServerUrlList[1], or an EAP setting), was clicked; its frame coloured like the worst of those
// findings, and the findings under it.
template <class Widget>
void leafRow(AppState& state, const Field& f, const std::string& path, float labelW,
             Widget&& widget) {
    if (wantsInside(state, path)) {
        state.view.focusField = path; // focusIfRequested takes it
        state.view.allSettings.lastFocused = path;
    }
    rowLabel(f, labelW);
    focusIfRequested(state, path);
    const auto worst = worstBelow(state, path);
    if (worst) ImGui::PushStyleColor(ImGuiCol_Border, severityColour(*worst));
    if (widget()) markEdited(state, path);
    if (worst) ImGui::PopStyleColor();
    forIssuesBelow(state, path, [&](const Issue& issue) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + labelW);
        ImGui::PushStyleColor(ImGuiCol_Text, severityColour(issue.severity));
        ImGui::TextWrapped("%s", issue.message.c_str());
        ImGui::PopStyleColor();
    });
}

bool boolCombo(const std::string& path, std::optional<bool>& v) {
    const char* shown = !v ? "(not set)" : *v ? "true" : "false";
    bool changed = false;
    const std::string label = "##all:" + path;
    const bool open = ImGui::BeginCombo(label.c_str(), shown);
    if (!open) reportLastItem(label.c_str()); // closed, the combo box is the last item
    if (open) {
        if (ImGui::Selectable("(not set)", !v)) v.reset(), changed = true;
        if (ImGui::Selectable("true", v == true)) v = true, changed = true;
        if (ImGui::Selectable("false", v == false)) v = false, changed = true;
        ImGui::EndCombo();
    }
    return changed;
}

// An enum value in a container of Known<E>: (not set), the canonical names, or kept text.
bool enumCombo(const std::string& path, const Field& f, void* container, std::size_t i,
               bool allowAbsent) {
    const bool present = i < f.access.count(container);
    const std::string shown = present ? std::string(f.access.enumText(f.access.item(container, i)))
                                      : std::string("(not set)");
    bool changed = false;
    const std::string label = "##all:" + path;
    if (!ImGui::BeginCombo(label.c_str(), shown.c_str())) {
        reportLastItem(label.c_str());
        return false;
    }
    if (allowAbsent && ImGui::Selectable("(not set)", !present) && present) {
        f.access.erase(container, i);
        changed = true;
    }
    for (const std::string_view name : f.enumNames)
        if (ImGui::Selectable(std::string(name).c_str(), present && shown == name)) {
            void* item = present ? f.access.item(container, i) : f.access.add(container);
            f.access.setEnumText(item, name);
            changed = true;
        }
    ImGui::EndCombo();
    return changed;
}

bool serversText(const std::string& path, std::vector<VpnServer>& servers) {
    std::string text = formatServers(servers);
    if (!inputText(("##all:" + path).c_str(), text, "vpn.example.com;Friendly name")) return false;
    servers = parseServers(text);
    return true;
}

bool xmlText(const std::string& path, std::optional<std::string>& value) {
    std::string text = value.value_or(std::string());
    if (!inputMultiline(("##all:" + path).c_str(), text, ImGui::GetTextLineHeight() * 4.0f))
        return false;
    if (text.empty())
        value.reset();
    else
        value = std::move(text);
    return true;
}

// The EAP block is edited by the form (certificate picker, filter, server validation): here a
// summary and the way there, which also takes a clicked EAP issue's focus.
bool eapSummary(AppState& state, const Field& f, void* container) {
    const char* what = "not set";
    if (f.access.count(container) > 0) {
        switch (static_cast<const EapConfig*>(f.access.item(container, 0))->kind) {
        case EapKind::Empty:
            what = "an empty Configuration";
            break;
        case EapKind::Tls:
            what = "EAP-TLS";
            break;
        case EapKind::PeapTls:
            what = "PEAP with EAP-TLS";
            break;
        case EapKind::Opaque:
            what = "kept as read (a method this tool does not edit)";
            break;
        }
    }
    if (ImGui::SmallButton("Edit in the form")) state.view.allSettings.selectForm = true;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", what);
    return false;
}

void drawValue(AppState& state, const Field& f, void* parent, const std::string& parentPath,
               float labelW) {
    void* c = f.access.container(parent);
    // Below Eap a path names EAP settings (model/field_path.hpp), not Eap/Configuration.
    const std::string path = f.inner.empty() || f.kind == Kind::Eap
                                 ? join(parentPath, f.name)
                                 : join(join(parentPath, f.name), f.inner);
    ImGui::PushID(std::string(f.name).c_str());
    switch (f.kind) {
    case Kind::Text:
        leafRow(state, f, path, labelW, [&] {
            return inputOptText(("##all:" + path).c_str(),
                                *static_cast<std::optional<std::string>*>(c));
        });
        break;
    case Kind::Bool:
        leafRow(state, f, path, labelW,
                [&] { return boolCombo(path, *static_cast<std::optional<bool>*>(c)); });
        break;
    case Kind::Number:
        leafRow(state, f, path, labelW, [&] {
            return inputOptNumber(("##all:" + path).c_str(),
                                  *static_cast<std::optional<std::uint32_t>*>(c));
        });
        break;
    case Kind::Enum:
        leafRow(state, f, path, labelW, [&] { return enumCombo(path, f, c, 0, true); });
        break;
    case Kind::Servers:
        leafRow(state, f, path, labelW,
                [&] { return serversText(path, *static_cast<std::vector<VpnServer>*>(c)); });
        break;
    case Kind::Xml:
        leafRow(state, f, path, labelW,
                [&] { return xmlText(path, *static_cast<std::optional<std::string>*>(c)); });
        break;
    case Kind::Eap:
        leafRow(state, f, path, labelW, [&] { return eapSummary(state, f, c); });
        break;
    case Kind::Struct:
        break;
    }
    ImGui::PopID();
}

void drawElement(AppState& state, const Element& el, void* object, const std::string& path);

// A node's label, coloured like the worst finding below it.
bool node(AppState& state, const std::string& label, const std::string& path) {
    if (wantsInside(state, path)) ImGui::SetNextItemOpen(true);
    const auto worst = worstBelow(state, path);
    if (worst) ImGui::PushStyleColor(ImGuiCol_Text, severityColour(*worst));
    // NoAutoOpenOnLog: --ui-script's search frame logs, and a logged tree node would open by
    // itself, moving every row below it from where the click then lands. AllowOverlap: the
    // node spans the row, and its "x" button on the same row must still take clicks.
    constexpr ImGuiTreeNodeFlags kFlags = ImGuiTreeNodeFlags_SpanAvailWidth |
                                          ImGuiTreeNodeFlags_NoAutoOpenOnLog |
                                          ImGuiTreeNodeFlags_AllowOverlap;
    const bool open = ImGui::TreeNodeEx(label.c_str(), kFlags);
    if (worst) ImGui::PopStyleColor();
    if (state.view.focusField == path) { // the issue is about the element as a whole
        ImGui::SetScrollHereY(0.3f);
        ImGui::SetKeyboardFocusHere(-1);
        state.view.focusField.clear();
        state.view.allSettings.lastFocused = path;
    }
    return open;
}

void drawOptionalStruct(AppState& state, const Field& f, void* parent, const std::string& at) {
    const std::string path = join(at, f.name);
    ImGui::PushID(std::string(f.name).c_str());
    if (f.count(parent) == 0) {
        ImGui::TextDisabled("%s", std::string(f.name).c_str());
        ImGui::SameLine();
        if (wantsInside(state, path)) { // e.g. crypto.missing: the way to add it
            ImGui::SetScrollHereY(0.3f);
            ImGui::SetKeyboardFocusHere();
            state.view.focusField.clear();
            state.view.allSettings.lastFocused = path;
        }
        if (ImGui::SmallButton(("add##add " + std::string(f.name)).c_str())) { // "add Proxy"
            f.add(parent);
            markEdited(state, {});
        }
        fieldIssues(state, path);
    } else {
        const bool open = node(state, std::string(f.name), path);
        ImGui::SameLine();
        const bool remove = ImGui::SmallButton(("x##remove " + std::string(f.name)).c_str());
        if (open) {
            fieldIssues(state, path);
            drawElement(state, *f.element, f.at(parent, 0), path);
            ImGui::TreePop();
        }
        if (remove) {
            f.erase(parent, 0);
            markEdited(state, {});
        }
    }
    ImGui::PopID();
}

// The first item to show of a list: its page, or the page of the item an issue asks for.
std::size_t pageStart(AppState& state, const std::string& path, std::size_t count) {
    std::size_t& start = state.view.allSettings.pages[path];
    const std::string& f = state.view.focusField;
    if (wantsInside(state, path) && f.size() > path.size() && f[path.size()] == '[')
        start = std::strtoul(f.c_str() + path.size() + 1, nullptr, 10) / kPage * kPage;
    if (start >= count) start = count > 0 ? (count - 1) / kPage * kPage : 0;
    if (count <= kPage) return 0;
    ImGui::TextDisabled("%zu-%zu of %zu", start + 1, std::min(count, start + kPage), count);
    ImGui::SameLine();
    if (ImGui::SmallButton("<##page") && start >= kPage) start -= kPage;
    ImGui::SameLine();
    if (ImGui::SmallButton(">##page") && start + kPage < count) start += kPage;
    return start;
}

void drawListItem(AppState& state, const Field& f, void* parent, const std::string& item,
                  std::size_t i, bool& remove) {
    if (f.kind == Kind::Enum) { // ProtocolList's NativeProtocol/Type entries
        fieldLabel((std::string(f.name) + " " + std::to_string(i + 1)).c_str());
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() * 2);
        if (enumCombo(item, f, f.access.container(parent), i, false)) markEdited(state, item);
        ImGui::SameLine();
        remove = ImGui::SmallButton("x##remove");
        fieldIssues(state, item);
        return;
    }
    const bool open = node(state, std::string(f.name) + " " + std::to_string(i + 1), item);
    ImGui::SameLine();
    remove = ImGui::SmallButton("x##remove");
    if (!open) return;
    fieldIssues(state, item);
    drawElement(state, *f.element, f.at(parent, i), item);
    ImGui::TreePop();
}

void drawList(AppState& state, const Field& f, void* parent, const std::string& at) {
    const std::string path = join(at, f.name);
    const std::size_t count = f.count(parent);
    ImGui::PushID(std::string(f.name).c_str());
    const bool open = node(state, std::string(f.name) + " (" + std::to_string(count) + ")", path);
    if (open) {
        RowList rows(state, "all:" + path, count);
        const std::size_t start = pageStart(state, path, count);
        std::optional<std::size_t> removeAt;
        for (std::size_t i = start; i < std::min(count, start + kPage); ++i) {
            rows.push(i);
            bool remove = false;
            drawListItem(state, f, parent, path + "[" + std::to_string(i) + "]", i, remove);
            if (remove) removeAt = i;
            ImGui::PopID();
        }
        if (ImGui::SmallButton(("add " + std::string(f.name)).c_str())) {
            f.add(parent);
            markEdited(state, {});
        }
        if (removeAt) {
            f.erase(parent, *removeAt);
            rows.erased(*removeAt);
            markEdited(state, {});
        }
        ImGui::TreePop();
    }
    ImGui::PopID();
}

// Kept elements are shown as read, not edited: they are what the tool could not type.
void drawKept(AppState& state, const Element& el, void* object, const std::string& path) {
    const RawElements& kept = *el.extra(object);
    if (kept.empty()) return;
    // Asked for when the path goes on below this element with a name that is not a field here.
    const std::string& f = state.view.focusField;
    const std::size_t from = path.empty() ? 0 : path.size() + 1;
    bool asked = !f.empty() && (path.empty() || (wantsInside(state, path) && f.size() > from));
    if (asked) {
        const std::string_view rest = std::string_view(f).substr(from);
        asked = el.field(rest.substr(0, rest.find_first_of("/["))) == nullptr;
    }
    if (asked) ImGui::SetNextItemOpen(true);
    if (!ImGui::TreeNodeEx("##kept", ImGuiTreeNodeFlags_NoAutoOpenOnLog, "Kept as read (%zu)",
                           kept.size()))
        return;
    if (asked) {
        ImGui::SetScrollHereY(0.3f);
        state.view.allSettings.lastFocused = f;
        state.view.focusField.clear(); // no widget of its own: the kept element is the answer
    }
    for (const std::string& raw : kept)
        ImGui::TextWrapped("%s",
                           raw.size() > 400 ? (raw.substr(0, 400) + "...").c_str() : raw.c_str());
    ImGui::TreePop();
}

void drawElement(AppState& state, const Element& el, void* object, const std::string& path) {
    const float labelW = labelWidth(el);
    for (const Field& f : el.fields) {
        if (f.kind == Kind::Struct && !f.list)
            drawOptionalStruct(state, f, object, path);
        else if (f.list)
            drawList(state, f, object, path);
        else
            drawValue(state, f, object, path, labelW);
    }
    drawKept(state, el, object, path);
}

} // namespace

void drawAllSettingsPanel(AppState& state) {
    ImGui::TextDisabled("Every element of the profile, in schema order.");
    ImGui::BeginChild("all-settings", ImVec2(0, 0), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NavFlattened);
    drawElement(state, schema::vpnProfile(), &state.doc.profile, "");
    // A request no row takes within three frames (a path the description does not reach) is
    // dropped, so it cannot keep nodes open.
    AllSettingsView& v = state.view.allSettings;
    v.staleFrames = state.view.focusField.empty() ? 0 : v.staleFrames + 1;
    if (v.staleFrames >= 3) state.view.focusField.clear();
    ImGui::EndChild();
}

} // namespace aovpn::ui
