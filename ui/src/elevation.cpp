#include "model/profile_xml.hpp"
#include "ui/actions.hpp"
#include "ui/document.hpp"

namespace aovpn::ui {

bool canRestartElevated(const AppState& state) {
    return state.platform && state.install.session && !state.install.session->elevated &&
           !state.install.session->runningAsSystem;
}

void restartElevated(AppState& state) {
    if (!canRestartElevated(state)) return;
    refreshDerived(state); // the XML that travels is exactly what the preview shows
    const platform::Status started = state.platform->session().relaunchElevated(state.derived.xml);
    if (!started.ok()) {
        appendLog(state.view, LogLevel::Error, started.error->describe());
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
