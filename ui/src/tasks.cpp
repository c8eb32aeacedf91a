#include "ui/tasks.hpp"

#include "ui/state.hpp"

namespace aovpn::ui {

TaskRunner::~TaskRunner() {
    if (worker_.joinable()) {
        worker_.request_stop();
        worker_.join();
    }
}

void TaskRunner::setWake(Wake wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

void TaskRunner::wake() {
    Wake w;
    {
        std::lock_guard lock(mutex_);
        w = wake_;
    }
    if (w) w();
}

bool TaskRunner::start(std::string what, Work work) {
    {
        std::lock_guard lock(mutex_);
        if (running_) return false;
        running_ = true;
        what_ = std::move(what);
        progress_.clear();
    }
    if (worker_.joinable()) worker_.join(); // the previous task has already finished
    worker_ = std::jthread([this, work = std::move(work)](std::stop_token stop) {
        Apply result = work(stop, *this);
        {
            std::lock_guard lock(mutex_);
            if (result) results_.push_back(std::move(result));
            running_ = false;
        }
        wake();
    });
    return true;
}

bool TaskRunner::busy() const {
    std::lock_guard lock(mutex_);
    return running_;
}

std::string TaskRunner::what() const {
    std::lock_guard lock(mutex_);
    return what_;
}

std::string TaskRunner::progress() const {
    std::lock_guard lock(mutex_);
    return progress_;
}

void TaskRunner::setProgress(std::string text) {
    {
        std::lock_guard lock(mutex_);
        progress_ = std::move(text);
    }
    wake();
}

void TaskRunner::cancel() {
    if (worker_.joinable()) worker_.request_stop();
}

bool TaskRunner::drain(AppState& state) {
    std::vector<Apply> ready;
    {
        std::lock_guard lock(mutex_);
        ready.swap(results_);
    }
    for (Apply& apply : ready)
        apply(state);
    return !ready.empty();
}

void TaskRunner::waitIdle() {
    if (worker_.joinable()) worker_.join();
}

} // namespace aovpn::ui
