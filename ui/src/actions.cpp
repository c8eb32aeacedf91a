#include "ui/actions.hpp"

#include "platform/accounts.hpp"
#include "ui/dialogs.hpp"
#include "ui/document.hpp"
#include "ui/tasks.hpp"

#include "profile_task.hpp"

namespace aovpn::ui {

namespace {

using platform::TunnelKind;

void logError(AppState& state, const platform::Error& e) {
    appendLog(state.view, LogLevel::Error, e.describe());
}

// The account in words for questions and the log: "CORP\alice", "this computer (device tunnel)".
std::string account(const AppState& state) {
    if (!state.install.session) return "the current account";
    return platform::describeTarget(currentTarget(state));
}

std::string busyWhy(const AppState& state) {
    return "Wait: " + state.tasks->what() + " is still running.";
}

// Why Connect test and Remove are unavailable, in the order the user can fix it.
void explain(const AppState& state, ActionAvailability& a) {
    const bool idle = state.platform && !state.tasks->busy();
    const bool named = !profileName(state).empty();
    const bool installed = state.install.installed.value_or(false);
    const std::string notInstalled = "\"" + profileName(state) + "\" is not installed for " +
                                     account(state) + ": Apply it first.";
    if (!state.platform)
        a.whyConnect = a.whyRemove = "No platform in this session.";
    else if (!idle)
        a.whyConnect = a.whyRemove = busyWhy(state);
    else if (!named)
        a.whyConnect = a.whyRemove = "The profile needs a name.";
    if (a.whyConnect.empty() && !state.platform->connections().available())
        a.whyConnect = state.platform->connections().unavailableReason();
    if (a.whyConnect.empty() && state.install.connected)
        a.whyConnect = "Already connected: Disconnect first.";
    if (a.whyConnect.empty() && !installed) a.whyConnect = notInstalled;
    if (a.whyRemove.empty() && !installed) a.whyRemove = notInstalled;
}

} // namespace

std::string profileName(const AppState& state) {
    return state.doc.profile.profileName.value_or(std::string());
}

bool ProfileJob::isCurrent(const AppState& state) const {
    return profileName(state) == name && currentTarget(state) == target;
}

ProfileJob currentJob(const AppState& state) {
    return ProfileJob{state.platform, currentTarget(state), profileName(state)};
}

platform::ProfileTarget currentTarget(const AppState& state) {
    const TunnelKind kind =
        state.doc.profile.deviceTunnel.value_or(false) ? TunnelKind::Device : TunnelKind::User;
    if (!state.install.session) return platform::ProfileTarget{kind, {}};
    return platform::chooseTarget(*state.install.session, kind);
}

std::string targetDescription(const AppState& state) {
    if (!state.install.session) return "(unknown)";
    const auto t = currentTarget(state);
    if (t.kind == TunnelKind::Device) return "this computer (device tunnel)";
    return t.user.name + " (user tunnel)";
}

void querySession(AppState& state) {
    if (!state.platform) return;
    auto info = state.platform->session().query();
    if (!info) {
        logError(state, info.error());
        return;
    }
    state.install.session = info.value();
    if (auto w = platform::wrongAccountWarning(info.value(), currentTarget(state)))
        appendLog(state.view, LogLevel::Warning, w->describe());
}

std::string whyNoImport(const AppState& state) {
    if (!state.platform) return "No platform in this session.";
    return state.tasks->busy() ? busyWhy(state) : std::string();
}

ActionAvailability availableActions(const AppState& state) {
    ActionAvailability a;
    if (state.view.startPage) {
        a.why = a.whyConnect = a.whyRemove = a.whyDisconnect =
            "Choose a template, a file or an installed profile on the start page first.";
        return a;
    }
    const bool idle = state.platform && !state.tasks->busy();
    const bool named = !profileName(state).empty();
    const bool errors = hasErrors(state.derived.issues);
    a.apply = idle && named && !errors;
    if (!state.platform)
        a.why = "No platform in this session.";
    else if (!idle)
        a.why = busyWhy(state);
    else if (!named)
        a.why = "The profile needs a name.";
    else if (errors)
        a.why = "Fix the errors first (see Validation).";
    explain(state, a);
    a.connect = a.whyConnect.empty();
    a.remove = a.whyRemove.empty();
    a.disconnect = idle && named && state.install.connected;
    if (!a.disconnect) a.whyDisconnect = idle ? "Not connected." : a.why;
    return a;
}

namespace {
// The start page and a profile without a name: what keeps this PC from taking any profile (no
// MDM bridge...) shows at once, not only once a profile is applied.
bool probeProfileStore(AppState& state) {
    return runProfileTask(
        state, "Reading the installed profiles",
        [](const ProfileJob& job, std::stop_token, TaskRunner&) {
            return job.platform->profiles().installState(job.target, {});
        },
        [](AppState& s, const ProfileJob&, const platform::InstallStatus& found) {
            s.install.installed.reset();
            s.install.connected = false;
            s.install.lookup.reset();
            if (!found.text.empty()) s.install.lookup = found;
        },
        IfMovedOn::Drop);
}

// Asks the worker; false when it is busy, so the caller keeps the wish for later.
bool startLookup(AppState& state) {
    if (profileName(state).empty() || state.view.startPage) return probeProfileStore(state);
    struct Found {
        platform::InstallStatus install;
        bool connected = false;
        platform::Result<platform::AutoTriggerStatus> trigger;
        platform::Result<platform::PhonebookCheck> phonebook;
    };
    return runProfileTask(
        state, "Checking " + profileName(state),
        [](const ProfileJob& job, std::stop_token, TaskRunner&) {
            auto& tester = job.platform->connections();
            auto status = tester.status(job.name);
            return Found{job.platform->profiles().installState(job.target, job.name),
                         status && status.value().connected, tester.autoTriggerStatus(job.name),
                         tester.checkHiddenPhonebook(job.target)};
        },
        [](AppState& s, const ProfileJob&, const Found& f) {
            s.install.lookup = f.install;
            if (f.install.state == platform::InstallState::Installed ||
                f.install.state == platform::InstallState::NotInstalled)
                s.install.installed = f.install.state == platform::InstallState::Installed;
            else
                s.install.installed.reset();
            s.install.connected = f.connected;
            s.install.autoTrigger.reset();
            s.install.hiddenPhonebook.reset();
            if (f.trigger) s.install.autoTrigger = f.trigger.value();
            if (f.phonebook) s.install.hiddenPhonebook = f.phonebook.value();
        },
        IfMovedOn::Drop);
}
} // namespace

void refreshInstalled(AppState& state) {
    if (!state.platform) return;
    state.install.lookupWanted = !startLookup(state);
}

void runWantedLookup(AppState& state) {
    if (state.install.lookupWanted && !state.tasks->busy()) refreshInstalled(state);
}

// Looks for an installed profile of this name first (on the worker): replacing one needs a yes.
void requestApply(AppState& state) {
    if (!availableActions(state).apply) return;
    using Found = platform::Result<std::optional<platform::InstalledProfile>>;
    runProfileTask(
        state, "Checking " + profileName(state),
        [](const ProfileJob& job, std::stop_token, TaskRunner&) {
            return job.platform->profiles().find(job.target, job.name);
        },
        // Renamed meanwhile: dropped, the user presses Apply again.
        [](AppState& s, const ProfileJob& job, const Found& f) {
            if (!f) return reportError(s, "Apply failed", f.error());
            s.install.installed = f.value().has_value();
            if (!f.value()) return startApply(s);
            ask(s, Question{"Replace profile",
                            "\"" + job.name + "\" is installed for " + account(s) +
                                ". Replace it? The old profile is kept and put back if the new "
                                "one fails.",
                            {{"Replace", startApply}, {"Cancel", {}}}});
        },
        IfMovedOn::Drop);
}

void startApply(AppState& state) {
    refreshDerived(state);
    const std::string xml = state.derived.xml;
    appendLog(state.view, LogLevel::Info,
              "Applying \"" + profileName(state) + "\" for " + targetDescription(state) + "...");
    runProfileTask(
        state, "Applying " + profileName(state),
        [xml](const ProfileJob& job, std::stop_token, TaskRunner& t) {
            t.setProgress("Writing the profile through WMI");
            return job.platform->profiles().apply(job.target, job.name, xml);
        },
        [](AppState& s, const ProfileJob& job, const platform::ApplyResult& r) {
            for (const auto& step : r.steps)
                appendLog(s.view, LogLevel::Info, "  " + step);
            if (r.restoredPrevious)
                appendLog(s.view, LogLevel::Warning, "The previous profile was put back.");
            if (r.error) reportError(s, "Apply failed", *r.error);
            if (r.restoreError) reportError(s, "The previous profile was lost", *r.restoreError);
            if (!r.ok) return;
            // The log says what happened; the state is the document's, which may be another
            // profile by now.
            if (job.isCurrent(s)) s.install.installed = true;
            appendLog(s.view, LogLevel::Info,
                      "\"" + job.name + "\" " + (r.replaced ? "replaced." : "created."));
        });
}

} // namespace aovpn::ui
