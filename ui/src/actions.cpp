#include "ui/actions.hpp"

#include "ui/document.hpp"
#include "ui/tasks.hpp"

#include <memory>

namespace aovpn::ui {

namespace {

using platform::TunnelKind;

std::string profileName(const AppState& state) {
    return state.doc.profile.profileName.value_or(std::string());
}

void logError(AppState& state, const platform::Error& e) {
    appendLog(state.view, LogLevel::Error, e.describe());
}

} // namespace

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

ActionAvailability availableActions(const AppState& state) {
    ActionAvailability a;
    const bool idle = state.platform && !state.tasks->busy();
    const bool named = !profileName(state).empty();
    const bool errors = hasErrors(state.derived.issues);
    a.apply = idle && named && !errors;
    if (!state.platform)
        a.why = "No platform in this session.";
    else if (!named)
        a.why = "The profile needs a name.";
    else if (errors)
        a.why = "Fix the errors first.";
    const bool installed = state.install.installed.value_or(false);
    const bool tester = state.platform && state.platform->connections().available();
    a.connect = idle && named && installed && tester && !state.install.connected;
    a.disconnect = idle && named && state.install.connected;
    a.remove = idle && named && installed;
    return a;
}

void refreshInstalled(AppState& state) {
    if (!state.platform || profileName(state).empty()) return;
    platform::Platform* p = state.platform;
    const auto target = currentTarget(state);
    const std::string name = profileName(state);
    state.tasks->start("Checking " + name, [p, target, name](std::stop_token, TaskRunner&) {
        auto found = p->profiles().find(target, name);
        auto status = p->connections().status(name);
        return TaskRunner::Apply(
            [found = std::move(found), status = std::move(status), name](AppState& s) {
                if (profileName(s) != name) return; // the document moved on meanwhile
                if (found) s.install.installed = found.value().has_value();
                s.install.connected = status && status.value().connected;
            });
    });
}

// Looks for an installed profile of this name first (on the worker): replacing one needs a yes.
void requestApply(AppState& state) {
    if (!availableActions(state).apply) return;
    platform::Platform* p = state.platform;
    const auto target = currentTarget(state);
    const std::string name = profileName(state);
    state.tasks->start("Checking " + name, [p, target, name](std::stop_token, TaskRunner&) {
        auto found = std::make_shared<platform::Result<std::optional<platform::InstalledProfile>>>(
            p->profiles().find(target, name));
        return TaskRunner::Apply([found, name](AppState& s) {
            if (profileName(s) != name) return; // renamed meanwhile: the user presses Apply again
            if (!*found) return logError(s, found->error());
            s.install.installed = found->value().has_value();
            if (found->value())
                s.view.confirm = Confirm::Replace;
            else
                startApply(s);
        });
    });
}

void startApply(AppState& state) {
    refreshDerived(state);
    platform::Platform* p = state.platform;
    const auto target = currentTarget(state);
    const std::string name = profileName(state), xml = state.derived.xml;
    appendLog(state.view, LogLevel::Info,
              "Applying \"" + name + "\" for " + targetDescription(state) + "...");
    state.tasks->start("Applying " + name, [p, target, name, xml](std::stop_token, TaskRunner& t) {
        t.setProgress("Writing the profile through WMI");
        auto r = std::make_shared<platform::ApplyResult>(p->profiles().apply(target, name, xml));
        return TaskRunner::Apply([r, name](AppState& s) {
            for (const auto& step : r->steps)
                appendLog(s.view, LogLevel::Info, "  " + step);
            if (r->error) logError(s, *r->error);
            if (r->restoreError) logError(s, *r->restoreError);
            if (r->restoredPrevious)
                appendLog(s.view, LogLevel::Warning, "The previous profile was put back.");
            if (r->ok) {
                s.install.installed = true;
                appendLog(s.view, LogLevel::Info,
                          "\"" + name + "\" " + (r->replaced ? "replaced." : "created."));
            }
        });
    });
}

void startConnectTest(AppState& state) {
    if (!availableActions(state).connect) return;
    platform::Platform* p = state.platform;
    const std::string name = profileName(state);
    appendLog(state.view, LogLevel::Info, "Connect test: dialling \"" + name + "\"...");
    state.tasks->start("Connect test", [p, name](std::stop_token stop, TaskRunner& t) {
        platform::ConnectOptions o;
        o.stop = stop;
        o.onProgress = [&t](std::string_view st) { t.setProgress(std::string(st)); };
        auto r = std::make_shared<platform::ConnectResult>(p->connections().connect(name, o));
        return TaskRunner::Apply([r](AppState& s) {
            s.install.connected = r->ok;
            const auto ms = std::to_string(r->duration.count());
            if (r->ok)
                appendLog(s.view, LogLevel::Info,
                          "Connected in " + ms + " ms, address " + r->assignedAddress + ".");
            else if (r->cancelled)
                appendLog(s.view, LogLevel::Warning, "Connect test cancelled.");
            else if (r->timedOut)
                appendLog(s.view, LogLevel::Error, "Connect test timed out after " + ms + " ms.");
            else if (r->error)
                logError(s, *r->error);
            if (!r->ok && !r->hint.empty()) appendLog(s.view, LogLevel::Info, "Hint: " + r->hint);
        });
    });
}

void startDisconnect(AppState& state) {
    platform::Platform* p = state.platform;
    const std::string name = profileName(state);
    state.tasks->start("Disconnecting", [p, name](std::stop_token, TaskRunner& t) {
        t.setProgress("Hanging up");
        auto st = std::make_shared<platform::Status>(
            p->connections().disconnect(name, std::chrono::seconds(20)));
        return TaskRunner::Apply([st](AppState& s) {
            if (st->error) return logError(s, *st->error);
            s.install.connected = false;
            appendLog(s.view, LogLevel::Info, "Disconnected.");
        });
    });
}

void requestRemove(AppState& state) {
    if (availableActions(state).remove) state.view.confirm = Confirm::Remove;
}

void startRemove(AppState& state) {
    platform::Platform* p = state.platform;
    const auto target = currentTarget(state);
    const std::string name = profileName(state);
    state.tasks->start("Removing " + name, [p, target, name](std::stop_token, TaskRunner& t) {
        t.setProgress("Deleting the profile and its leftovers");
        auto r = std::make_shared<platform::RemoveResult>(p->profiles().remove(target, name));
        return TaskRunner::Apply([r, name](AppState& s) {
            for (const auto& line : r->leftovers.removed)
                appendLog(s.view, LogLevel::Info, "  " + line);
            for (const auto& e : r->leftovers.failures)
                logError(s, e);
            if (r->error) return logError(s, *r->error);
            s.install.installed = false;
            s.install.connected = false;
            appendLog(s.view, LogLevel::Info, "\"" + name + "\" removed.");
        });
    });
}

void cancelTask(AppState& state) {
    state.tasks->cancel();
}

void startListInstalled(AppState& state) {
    if (!state.platform) return;
    platform::Platform* p = state.platform;
    const auto target = currentTarget(state);
    state.tasks->start("Listing installed profiles", [p, target](std::stop_token, TaskRunner&) {
        auto listed = std::make_shared<platform::Result<std::vector<platform::InstalledProfile>>>(
            p->profiles().list(target));
        return TaskRunner::Apply([listed](AppState& s) {
            if (!*listed) return logError(s, listed->error());
            s.view.importList = listed->value();
            s.view.importOpen = true;
        });
    });
}

} // namespace aovpn::ui
