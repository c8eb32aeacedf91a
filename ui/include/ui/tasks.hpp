#pragma once
// One worker thread for blocking platform calls (apply, connect test, remove, status). The work
// runs off the UI thread and never touches AppState; it returns a function that the UI thread
// applies in drain(). Progress text travels through a mutex. The wake function (the app passes
// FramePacer::wake + glfwPostEmptyEvent) makes an idle window draw the news.
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace aovpn::ui {

struct AppState;

class TaskRunner {
  public:
    using Wake = std::function<void()>;
    using Apply = std::function<void(AppState&)>;
    using Work = std::function<Apply(std::stop_token, TaskRunner&)>;

    explicit TaskRunner(Wake wake = {}) : wake_(std::move(wake)) {}
    ~TaskRunner(); // requests stop and joins
    TaskRunner(const TaskRunner&) = delete;
    TaskRunner& operator=(const TaskRunner&) = delete;

    void setWake(Wake wake);
    // False (and nothing runs) while another task is still running.
    bool start(std::string what, Work work);
    // The usual shape of a task: `work(stop, runner)` computes a value on the worker (it must
    // not touch AppState), then `done(state, value)` applies it on the UI thread.
    template <class Compute, class Done> bool run(std::string what, Compute work, Done done) {
        return start(std::move(what), [work = std::move(work), done = std::move(done)](
                                          std::stop_token stop, TaskRunner& runner) {
            using Value = std::invoke_result_t<const Compute&, std::stop_token, TaskRunner&>;
            auto value = std::make_shared<Value>(work(stop, runner));
            return Apply([value, done](AppState& state) { done(state, *value); });
        });
    }
    bool busy() const;
    std::string what() const;           // the running task, in words
    std::string progress() const;       // latest progress text
    void setProgress(std::string text); // from the worker
    void cancel();                      // asks the running task to stop
    // Applies finished results on the UI thread; true when something was applied.
    bool drain(AppState& state);
    // Blocks until the running task (if any) has finished. For tests and shutdown.
    void waitIdle();

  private:
    void wake();
    mutable std::mutex mutex_;
    Wake wake_;
    std::vector<Apply> results_;
    std::string what_, progress_;
    bool running_ = false;
    std::jthread worker_;
};

} // namespace aovpn::ui
