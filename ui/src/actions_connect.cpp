// The action bar's connect test, disconnect, remove and import list (actions.hpp).
#include "platform/accounts.hpp"
#include "ui/actions.hpp"
#include "ui/dialogs.hpp"
#include "ui/document.hpp"
#include "ui/tasks.hpp"

#include "profile_task.hpp"

namespace aovpn::ui {

namespace {

void connectDone(AppState& s, const ProfileJob& job, const platform::ConnectResult& r) {
    s.install.connected = r.ok;
    const auto ms = std::to_string(r.duration.count());
    if (r.ok && r.alreadyConnected) { // the test proved nothing about dialling: say so
        appendLog(s.view, LogLevel::Info,
                  "\"" + job.name + "\" is already connected; not dialled again" +
                      (r.assignedAddress.empty() ? "" : " (address " + r.assignedAddress + ")") +
                      ". Disconnect first to test the dial itself.");
        return;
    }
    if (r.ok) {
        appendLog(s.view, LogLevel::Info,
                  "Connected in " + ms + " ms, address " + r.assignedAddress + ".");
        return;
    }
    if (r.cancelled) return appendLog(s.view, LogLevel::Warning, "Connect test cancelled.");
    if (r.error) {
        reportError(s, "Connect test failed", *r.error);
    } else if (r.timedOut) {
        platform::Error e;
        e.action = "Connect \"" + job.name + "\" (connect test)";
        e.meaning = "No answer within " + ms +
                    " ms: the gateway is unreachable or UDP 500/4500 "
                    "is blocked on the way.";
        e.nextStep = "Check the gateway name and that the network lets IKE through (809).";
        reportError(s, "Connect test timed out", e);
    }
    if (!r.hint.empty()) appendLog(s.view, LogLevel::Info, "Hint: " + r.hint);
}
} // namespace

void startConnectTest(AppState& state) {
    const ActionAvailability a = availableActions(state);
    if (!a.connect) {
        state.view.status = "Connect test not available: " + a.whyConnect;
        return;
    }
    state.view.status.clear();
    appendLog(state.view, LogLevel::Info,
              "Connect test: dialling \"" + profileName(state) + "\"...");
    runProfileTask(
        state, "Connect test",
        [](const ProfileJob& job, std::stop_token stop, TaskRunner& t) {
            platform::ConnectOptions o;
            o.stop = stop;
            o.onProgress = [&t](std::string_view st) { t.setProgress(std::string(st)); };
            return job.platform->connections().connect(job.name, o);
        },
        connectDone);
}

void startDisconnect(AppState& state) {
    runProfileTask(
        state, "Disconnecting",
        [](const ProfileJob& job, std::stop_token, TaskRunner& t) {
            t.setProgress("Hanging up");
            return job.platform->connections().disconnect(job.name, std::chrono::seconds(20));
        },
        [](AppState& s, const ProfileJob&, const platform::Status& st) {
            if (st.error) return reportError(s, "Disconnect failed", *st.error);
            s.install.connected = false;
            appendLog(s.view, LogLevel::Info, "Disconnected.");
        });
}

void requestRemove(AppState& state) {
    if (!availableActions(state).remove) return;
    const std::string who = platform::describeTarget(currentTarget(state));
    ask(state,
        Question{"Remove profile",
                 "Remove \"" + profileName(state) + "\" for " + who + " and clean its leftovers?",
                 {{"Remove", startRemove}, {"Cancel", {}}}});
}

void startRemove(AppState& state) {
    runProfileTask(
        state, "Removing " + profileName(state),
        [](const ProfileJob& job, std::stop_token, TaskRunner& t) {
            t.setProgress("Deleting the profile and its leftovers");
            return job.platform->profiles().remove(job.target, job.name);
        },
        [](AppState& s, const ProfileJob& job, const platform::RemoveResult& r) {
            for (const auto& step : r.steps)
                appendLog(s.view, LogLevel::Info, step);
            for (const auto& line : r.leftovers.removed)
                appendLog(s.view, LogLevel::Info, "  " + line);
            for (const auto& e : r.leftovers.failures)
                appendLog(s.view, LogLevel::Warning, e.describe());
            if (r.error) return reportError(s, "Remove failed", *r.error);
            if (job.isCurrent(s)) { // the document may be another profile by now
                s.install.installed = false;
                s.install.connected = false;
            }
            appendLog(s.view, LogLevel::Info, "\"" + job.name + "\" removed.");
        });
}

void cancelTask(AppState& state) {
    state.tasks->cancel();
}

void startListInstalled(AppState& state) {
    if (!state.platform) return;
    runProfileTask(
        state, "Listing installed profiles",
        [](const ProfileJob& job, std::stop_token, TaskRunner&) {
            return job.platform->profiles().listing(job.target);
        },
        [](AppState& s, const ProfileJob&, const platform::ProfileListing& l) {
            // What finishing an interrupted replace did is news even when the listing fails.
            for (const auto& line : l.recovered)
                appendLog(s.view, LogLevel::Warning, line);
            if (l.error) return reportError(s, "Import failed", *l.error);
            s.view.importList = l.profiles;
            s.view.importOpen = true;
        });
}

} // namespace aovpn::ui
