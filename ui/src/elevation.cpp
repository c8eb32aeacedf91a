#include "model/profile_xml.hpp"
#include "ui/actions.hpp"
#include "ui/dialogs.hpp"
#include "ui/document.hpp"

namespace aovpn::ui {

std::string whyNoRestartElevated(const AppState& state) {
    if (!state.platform || !state.install.session) return "The session is not known.";
    if (state.install.session->runningAsSystem) return "Already running as SYSTEM.";
    if (state.install.session->elevated) return "Already running as administrator.";
    return {};
}

bool canRestartElevated(const AppState& state) {
    return whyNoRestartElevated(state).empty();
}

void restartElevated(AppState& state) {
    if (!canRestartElevated(state)) return;
    refreshDerived(state); // the XML that travels is exactly what the preview shows
    const platform::Status started = state.platform->session().relaunchElevated(state.derived.xml);
    if (!started.ok()) {
        reportError(state, "Restart as administrator failed", *started.error);
        return;
    }
    appendLog(state.view, LogLevel::Info,
              "Started an elevated window with this profile; closing this one.");
    // The document lives on in the new window, so there is nothing to ask about.
    state.view.quitConfirmed = true;
}

void adoptHandedOverDocument(AppState& state, std::string_view xml) {
    ReadResult read = readProfileXml(xml);
    if (!read.ok()) {
        appendLog(state.view, LogLevel::Error, "The handed-over profile could not be read:");
        for (const auto& e : read.errors)
            appendLog(state.view, LogLevel::Error, "  " + e.message);
        return;
    }
    replaceProfile(state, std::move(read.profile), "profile from the non-elevated window");
    appendLog(state.view, LogLevel::Info,
              "Running elevated with the profile from the previous window (not saved yet).");
}

} // namespace aovpn::ui
