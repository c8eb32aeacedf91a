// The action bar's connect test, disconnect, remove and import list (actions.hpp).
#include "platform/accounts.hpp"
#include "ui/actions.hpp"
#include "ui/dialogs.hpp"
#include "ui/document.hpp"
#include "ui/tasks.hpp"

namespace aovpn::ui {

namespace {
std::string profileName(const AppState& state) {
    return state.doc.profile.profileName.value_or(std::string());
}

void connectDone(AppState& s, const platform::ConnectResult& r) {
    s.install.connected = r.ok;
    const auto ms = std::to_string(r.duration.count());
    if (r.ok && r.alreadyConnected) { // the test proved nothing about dialling: say so
        appendLog(s.view, LogLevel::Info,
                  "\"" + profileName(s) + "\" is already connected; not dialled again" +
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
        e.action = "Connect \"" + profileName(s) + "\" (connect test)";
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
    platform::Platform* p = state.platform;
    const std::string name = profileName(state);
    appendLog(state.view, LogLevel::Info, "Connect test: dialling \"" + name + "\"...");
    state.tasks->run(
        "Connect test",
        [p, name](std::stop_token stop, TaskRunner& t) {
            platform::ConnectOptions o;
            o.stop = stop;
            o.onProgress = [&t](std::string_view st) { t.setProgress(std::string(st)); };
            return p->connections().connect(name, o);
        },
        connectDone);
}

void startDisconnect(AppState& state) {
    platform::Platform* p = state.platform;
    const std::string name = profileName(state);
    state.tasks->run(
        "Disconnecting",
        [p, name](std::stop_token, TaskRunner& t) {
            t.setProgress("Hanging up");
            return p->connections().disconnect(name, std::chrono::seconds(20));
        },
        [](AppState& s, const platform::Status& st) {
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
    platform::Platform* p = state.platform;
    const auto target = currentTarget(state);
    const std::string name = profileName(state);
    state.tasks->run(
        "Removing " + name,
        [p, target, name](std::stop_token, TaskRunner& t) {
            t.setProgress("Deleting the profile and its leftovers");
            return p->profiles().remove(target, name);
        },
        [name](AppState& s, const platform::RemoveResult& r) {
            for (const auto& step : r.steps)
                appendLog(s.view, LogLevel::Info, step);
            for (const auto& line : r.leftovers.removed)
                appendLog(s.view, LogLevel::Info, "  " + line);
            for (const auto& e : r.leftovers.failures)
                appendLog(s.view, LogLevel::Warning, e.describe());
            if (r.error) return reportError(s, "Remove failed", *r.error);
            s.install.installed = false;
            s.install.connected = false;
            appendLog(s.view, LogLevel::Info, "\"" + name + "\" removed.");
        });
}

void cancelTask(AppState& state) {
    state.tasks->cancel();
}

void startListInstalled(AppState& state) {
    if (!state.platform) return;
    platform::Platform* p = state.platform;
    const auto target = currentTarget(state);
    state.tasks->run(
        "Listing installed profiles",
        [p, target](std::stop_token, TaskRunner&) { return p->profiles().listing(target); },
        [](AppState& s, const platform::ProfileListing& l) {
            // What finishing an interrupted replace did is news even when the listing fails.
            for (const auto& line : l.recovered)
                appendLog(s.view, LogLevel::Warning, line);
            if (l.error) return reportError(s, "Import failed", *l.error);
            s.view.importList = l.profiles;
            s.view.importOpen = true;
        });
}

} // namespace aovpn::ui
