#pragma once
// The shape every action on the current profile shares (apply, connect test, remove, repairs,
// status): what it needs is captured on the UI thread, the platform call runs on the worker, the
// result is applied on the UI thread. Internal to ui/.
#include "ui/actions.hpp"
#include "ui/tasks.hpp"

#include <string>
#include <utility>

namespace aovpn::ui {

// The profile an action works on, as it was when the action started. The worker reads only
// this, never AppState.
struct ProfileJob {
    platform::Platform* platform = nullptr;
    platform::ProfileTarget target;
    std::string name;
    // False when the document moved on meanwhile (another name, or user <-> device tunnel).
    bool isCurrent(const AppState& state) const;
};
ProfileJob currentJob(const AppState& state);

// What a result that arrives after the document moved on gets.
enum class IfMovedOn { Apply, Drop };

// Runs `work(job, stop, runner)` on the worker, then `done(state, job, value)` on the UI thread
// (skipped with IfMovedOn::Drop when the document is no longer that profile). False when another
// task is still running.
template <class Work, class Done>
bool runProfileTask(AppState& state, std::string what, Work work, Done done,
                    IfMovedOn movedOn = IfMovedOn::Apply) {
    ProfileJob job = currentJob(state);
    return state.tasks->run(
        std::move(what),
        [job, work = std::move(work)](std::stop_token stop, TaskRunner& runner) {
            return work(job, stop, runner);
        },
        [job, done = std::move(done), movedOn](AppState& s, const auto& value) {
            if (movedOn == IfMovedOn::Drop && !job.isCurrent(s)) return;
            done(s, job, value);
        });
}

} // namespace aovpn::ui
