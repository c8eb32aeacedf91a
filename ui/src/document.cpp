#include "ui/document.hpp"

#include "model/escape.hpp"
#include "model/profile_xml.hpp"
#include "ui/actions.hpp"
#include "ui/gateway_check.hpp"

#include "exports_bridge.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace aovpn::ui {

namespace {

void indexLines(const std::string& text, std::vector<std::size_t>& starts) {
    starts.clear();
    starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' && i + 1 < text.size()) starts.push_back(i + 1);
}

void pushPast(UndoStack& u) {
    u.past.push_back(u.committed);
    if (u.past.size() > UndoStack::kLimit) u.past.erase(u.past.begin());
    u.future.clear();
}

} // namespace

void markEdited(AppState& state, std::string_view editKey) {
    UndoStack& u = state.doc.undo;
    if (editKey.empty() || editKey != u.lastEditKey) pushPast(u);
    u.lastEditKey = std::string(editKey);
    u.committed = state.doc.profile;
    ++state.doc.revision;
}

void replaceProfile(AppState& state, Profile profile, std::string_view what) {
    state.doc.profile = std::move(profile);
    markEdited(state, {});
    if (!what.empty()) appendLog(state.view, LogLevel::Info, std::string(what));
}

void loadDocument(AppState& state, Profile profile, std::string filePath,
                  const std::vector<XmlDiagnostic>& readFindings) {
    // A text field being edited keeps its own buffer and would write it into the new document
    // under the same id on its next change or on leaving it: it lets go first.
    if (ImGui::GetCurrentContext()) ImGui::ClearActiveID();
    // The form edits NativeProfile in place; a profile without one (and without a plug-in)
    // gets an empty one up front, so drawing never changes the document behind the revision.
    if (!profile.nativeProfile && !profile.pluginProfile) profile.nativeProfile.emplace();
    state.doc.profile = std::move(profile);
    state.doc.filePath = std::move(filePath);
    state.doc.gateway = {};
    state.doc.readFindings.clear();
    // "As read": its line and column are the opened text's, not the preview's. At most a
    // warning: they describe the text as it was (the reader often repaired it already); what the
    // profile still gets wrong, the validator says, and that alone gates Apply, as in the CLI.
    for (const XmlDiagnostic& d : readFindings)
        state.doc.readFindings.push_back({std::max(d.severity, Severity::Warning), d.rule, d.field,
                                          "As read: " + d.message, d.hint});
    forgetGatewayCheck(state);
    state.doc.undo = UndoStack{};
    state.doc.userTunnelAside.reset();
    state.view.rejectedInput.clear();
    state.doc.undo.committed = state.doc.profile;
    ++state.doc.revision;
    markSaved(state);
    state.view.startPage = false;
    state.install.installed.reset();
    state.install.connected = false;
    // What the look-up said of the previous profile goes; what it said of this PC stays.
    using platform::InstallState;
    const auto& lookup = state.install.lookup;
    if (lookup &&
        (lookup->state == InstallState::Installed || lookup->state == InstallState::NotInstalled))
        state.install.lookup.reset();
}

void showStartPage(AppState& state) {
    // What was open is closed (its changes were saved or let go before this): an empty document
    // stands behind the page, so nothing asks about it again.
    loadDocument(state, Profile{}, {});
    state.view.startPage = true;
    refreshInstalled(state); // can this PC take profiles at all (no MDM bridge...)?
}

void markSaved(AppState& state) {
    state.doc.savedRevision = state.doc.revision;
    state.doc.saved = state.doc.profile;
}

bool canUndo(const AppState& state) {
    return !state.doc.undo.past.empty();
}
bool canRedo(const AppState& state) {
    return !state.doc.undo.future.empty();
}

namespace {
// Undo and redo are mirror images: the current profile goes onto one stack, the other's top
// becomes current.
void step(AppState& state, std::vector<Profile>& from, std::vector<Profile>& to) {
    if (from.empty()) return;
    UndoStack& u = state.doc.undo;
    to.push_back(std::move(state.doc.profile));
    state.doc.profile = std::move(from.back());
    from.pop_back();
    u.committed = state.doc.profile;
    u.lastEditKey.clear();
    ++state.doc.revision;
    state.view.rejectedInput.clear(); // the fields show the restored values
    // Back where the file is: no longer unsaved.
    if (state.doc.profile == state.doc.saved) state.doc.savedRevision = state.doc.revision;
}
} // namespace

void undo(AppState& state) {
    step(state, state.doc.undo.past, state.doc.undo.future);
}

void redo(AppState& state) {
    step(state, state.doc.undo.future, state.doc.undo.past);
}

void refreshDerived(AppState& state) {
    DerivedState& d = state.derived;
    if (d.revision == state.doc.revision) return;
    d.revision = state.doc.revision;
    ++d.rebuilds;
    WriteResult written = writeProfileXmlChecked(state.doc.profile);
    d.xml = std::move(written.xml);
    d.writeWarnings.clear();
    for (const XmlDiagnostic& w : written.warnings)
        d.writeWarnings.push_back(w.message);
    d.escaped = escapeCimString(d.xml);
    d.issues = validateProfile(state.doc.profile, state.doc.gateway);
    d.issues.insert(d.issues.end(), state.doc.readFindings.begin(), state.doc.readFindings.end());
    // Apply and both exports take the InstanceID from the name, so here a missing name is an
    // error at the field. (The model keeps it a warning: Intune and scripts name a profile
    // outside its XML, and most deployed ProfileXML has no ProfileName.)
    for (Issue& issue : d.issues)
        if (issue.rule == "general.name-missing") issue.severity = Severity::Error;
    d.issuesByField.clear();
    for (std::size_t i = 0; i < d.issues.size(); ++i)
        d.issuesByField[d.issues[i].field].push_back(i);
    // The offers beside the routes: only when the validator found a route outside (the search
    // re-reads every filter, too much to do on every edit of a large profile).
    d.routesOutside.clear();
    for (const Issue& issue : d.issues)
        if (issue.rule == "route.outside-filters") {
            d.routesOutside = routesOutsideFilters(state.doc.profile);
            break;
        }
    buildExports(state.doc.profile, d);
    const std::string* texts[] = {&d.xml, &d.escaped, &d.powershell, &d.intune};
    for (std::size_t t = 0; t < d.lineStarts.size(); ++t)
        indexLines(*texts[t], d.lineStarts[t]);
}

std::string documentTitle(const AppState& state) {
    const auto& name = state.doc.profile.profileName;
    return name && !name->empty() ? *name : std::string("Untitled");
}

} // namespace aovpn::ui
