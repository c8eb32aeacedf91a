#pragma once
// The two field repairs of issue 9 §3 in the GUI: Profile > Repair auto-connect... and Profile >
// Check hidden phonebook... (a corrupted one is moved aside, never deleted). The same platform
// calls and the same words (platform::autoTriggerRepairPlan, phonebookMovePlan) as
// `aovpn repair-autotrigger` and `aovpn repair-phonebook`; each asks first, naming the profile
// and the account.
#include "ui/state.hpp"

#include <string>

namespace aovpn::ui {

struct RepairAvailability {
    bool autoConnect = false, phonebook = false;
    std::string whyAutoConnect, whyPhonebook; // a sentence when not available
};
RepairAvailability availableRepairs(const AppState& state);

// Reads the RasMan\Config values on the worker, then asks (the question says what changes).
void requestRepairAutoConnect(AppState& state);
void startRepairAutoConnect(AppState& state);
// Checks the target's _hiddenPbk\rasphone.pbk on the worker; a corrupted one: asks to move it
// aside. A sound one: says so in the log and the status line.
void requestPhonebookCheck(AppState& state);

// The action bar's part: who owns the auto-trigger (amber when it is another account's or another
// profile's, or switched off for this one) and a corrupted hidden phonebook, each with a button
// to its repair. Draws nothing until a status check has read them.
void drawRepairStatus(AppState& state);

} // namespace aovpn::ui
