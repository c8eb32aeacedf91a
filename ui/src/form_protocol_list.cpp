// NativeProfile/ProtocolList (Windows 11): the protocols Windows tries, in order, and how long
// it keeps using the one that worked before it starts over from the top.
#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "rows.hpp"
#include "widgets.hpp"

#include <string>
#include <utility>

namespace aovpn::ui {

namespace {

// The protocols a list entry can name (the CSP allows only these two in NativeProtocol/Type).
constexpr NativeProtocol kListable[] = {NativeProtocol::IKEv2, NativeProtocol::SSTP};

enum class MoveAction { None, Up, Down, Remove };

// One entry: its position, its type (an unknown type read from a file shows as read), and
// the buttons that reorder or drop it.
MoveAction drawEntry(const Known<NativeProtocol>& entry, const RowList& rows, std::size_t i) {
    MoveAction action = MoveAction::None;
    const std::size_t count = rows.size();
    rows.push(i);
    toWidgetColumn();
    ImGui::AlignTextToFramePadding();
    const std::string text = std::to_string(i + 1) + ". " + std::string(toText(entry));
    ImGui::TextUnformatted(text.c_str());
    ImGui::SameLine(ImGui::GetFontSize() * 17.0f);
    // Disabled rather than hidden, so the buttons of every row line up.
    ImGui::BeginDisabled(i == 0);
    if (ImGui::Button("Up##protocol up")) action = MoveAction::Up;
    ImGui::EndDisabled();
    disabledTip(i == 0, "Already tried first.");
    ImGui::SameLine();
    ImGui::BeginDisabled(i + 1 == count);
    if (ImGui::Button("Down##protocol down")) action = MoveAction::Down;
    ImGui::EndDisabled();
    disabledTip(i + 1 == count, "Already tried last.");
    ImGui::SameLine();
    if (ImGui::Button("x##remove protocol")) action = MoveAction::Remove;
    ImGui::PopID();
    return action;
}

bool applyMoveAction(std::vector<Known<NativeProtocol>>& list, RowList& rows, std::size_t i,
                     MoveAction action) {
    switch (action) {
    case MoveAction::Up:
        std::swap(list[i - 1], list[i]);
        rows.swapped(i - 1, i);
        return true;
    case MoveAction::Down:
        std::swap(list[i], list[i + 1]);
        rows.swapped(i, i + 1);
        return true;
    case MoveAction::Remove:
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
        rows.erased(i);
        return true;
    case MoveAction::None:
        break;
    }
    return false;
}

} // namespace

void drawProtocolList(AppState& state) {
    NativeProfile& np = *state.doc.profile.nativeProfile;
    const bool chosen =
        np.nativeProtocolType && np.nativeProtocolType->value == NativeProtocol::ProtocolList;
    // A list read from a file stays visible under any protocol, so it can be seen and removed.
    if (!chosen && !np.protocolList) return;

    // Edits go to a copy, so merely drawing never creates the element; a list emptied of
    // everything is removed again rather than written as an empty <ProtocolList/>.
    ProtocolList edited = np.protocolList.value_or(ProtocolList{});
    std::string editKey;
    bool changed = false;

    fieldLabel("Protocol list");
    if (edited.protocols.empty())
        ImGui::TextDisabled("Empty: add the protocols Windows tries, first to last.");
    else
        ImGui::TextDisabled("Tried first to last.");
    RowList rows(state, "protocols", edited.protocols.size());
    for (std::size_t i = 0; i < edited.protocols.size(); ++i) {
        const MoveAction action = drawEntry(edited.protocols[i], rows, i);
        if (applyMoveAction(edited.protocols, rows, i, action)) {
            changed = true;
            break; // the rows below moved; they are drawn again next frame
        }
    }
    toWidgetColumn();
    for (NativeProtocol p : kListable) {
        const std::string label = "Add " + std::string(toText(p));
        if (ImGui::Button(label.c_str())) {
            edited.protocols.emplace_back(p);
            changed = true;
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    fieldIssues(state, "NativeProfile/ProtocolList");

    fieldLabel("Retry time (hours)");
    if (inputOptNumber("##RetryTimeInHours", edited.retryTimeInHours,
                       "hours before the list is tried from the top again")) {
        changed = true;
        editKey = "RetryTimeInHours"; // typing the number is one undo step
    }
    if (!changed) return;
    if (edited.protocols.empty() && !edited.retryTimeInHours && edited.extra.empty())
        np.protocolList.reset();
    else
        np.protocolList = std::move(edited);
    markEdited(state, editKey);
}

} // namespace aovpn::ui
