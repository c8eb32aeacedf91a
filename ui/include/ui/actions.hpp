#pragma once
// The action bar's verbs. Each runs its platform calls on the TaskRunner's worker and reports
// back through the log; the UI thread only decides and displays.
#include "ui/state.hpp"

#include <string>

namespace aovpn::ui {

struct ActionAvailability {
    bool apply = false, connect = false, disconnect = false, remove = false;
    std::string why;        // a sentence when Apply is disabled
    std::string whyConnect; // ... when Connect test is
    std::string whyRemove;  // ... when Remove is
    std::string whyDisconnect;
};
ActionAvailability availableActions(const AppState& state);
// Why "Import installed profile..." cannot run now ("" when it can): no platform, or another
// task (the start-up look-up, an apply) still holds the worker.
std::string whyNoImport(const AppState& state);

// The account (or machine) a profile would be written for, in words.
std::string targetDescription(const AppState& state);
platform::ProfileTarget currentTarget(const AppState& state);
// The document's profile name, "" when it has none.
std::string profileName(const AppState& state);

void querySession(AppState& state);     // on the UI thread: quick, local
void refreshInstalled(AppState& state); // worker: is the profile installed / connected?
// A look-up refreshInstalled could not start (the worker was busy), once the worker is free;
// called every frame.
void runWantedLookup(AppState& state);

// Apply asks first when a profile of that name is installed (naming the profile and account).
void requestApply(AppState& state);
void startApply(AppState& state);
// Says in the status line why, when the test is not available (F5).
void startConnectTest(AppState& state);
void startDisconnect(AppState& state);
void requestRemove(AppState& state); // asks first, naming the profile and the account
void startRemove(AppState& state);
void cancelTask(AppState& state);
// Loads the installed profiles for the "Import installed profile" list.
void startListInstalled(AppState& state);

// "Restart as administrator": offered when the session is not elevated. The open document goes
// to the new process as a temp file (never on the command line); this window then closes.
bool canRestartElevated(const AppState& state);
std::string whyNoRestartElevated(const AppState& state); // "" when it is offered
void restartElevated(AppState& state);
// The elevated process takes the handed-over document as one undoable, unsaved change.
void adoptHandedOverDocument(AppState& state, std::string_view xml);

} // namespace aovpn::ui
