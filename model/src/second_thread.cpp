#include "second_thread.hpp"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

namespace aovpn {
namespace {

// The second thread and the one job it is given at a time.
struct Second {
    std::mutex m;
    std::condition_variable changed; // a job was given, or finished
    const std::function<void()>* job = nullptr;
    bool finished = false;
    std::exception_ptr failure;
    std::atomic<bool> taken{false}; // by the caller whose job this is

    void serve() {
        std::unique_lock lock(m);
        for (;;) {
            changed.wait(lock, [&] { return job != nullptr; });
            const std::function<void()>& work = *job;
            lock.unlock();
            std::exception_ptr e;
            try {
                work();
            } catch (...) {
                e = std::current_exception();
            }
            lock.lock();
            job = nullptr;
            failure = e;
            finished = true;
            changed.notify_all();
        }
    }
    void give(const std::function<void()>& work) {
        const std::lock_guard lock(m);
        job = &work;
        finished = false;
        changed.notify_all();
    }
    std::exception_ptr wait() {
        std::unique_lock lock(m);
        changed.wait(lock, [&] { return finished; });
        return std::exchange(failure, nullptr);
    }
};

// The second thread, started when first asked for (again after a failed start). It is never
// stopped and its state never freed: it waits for work until the process ends, and a static
// destroyed at exit would be a mutex it still waits on.
Second* second() {
    static std::mutex starting;
    static Second* started = nullptr;
    const std::lock_guard lock(starting);
    if (started) return started;
    auto* s = new Second;
    try {
        std::thread(&Second::serve, s).detach();
    } catch (const std::system_error&) {
        delete s;
        return nullptr;
    }
    return started = s;
}

} // namespace

bool alongside(const std::function<void()>& there, const std::function<void()>& here) {
    Second* s = second();
    const bool ours = s && !s->taken.exchange(true);
    std::exception_ptr hereFailed, thereFailed;
    if (ours) {
        s->give(there);
        try {
            here();
        } catch (...) {
            hereFailed = std::current_exception();
        }
        thereFailed = s->wait();
        s->taken = false;
    } else { // busy with another caller's job, or none to be had: a thread of its own
        std::jthread own;
        try {
            own = std::jthread([&] {
                try {
                    there();
                } catch (...) {
                    thereFailed = std::current_exception();
                }
            });
        } catch (const std::system_error&) {
            return false;
        }
        try {
            here();
        } catch (...) {
            hereFailed = std::current_exception();
        }
        own.join();
    }
    if (hereFailed) std::rethrow_exception(hereFailed);
    if (thereFailed) std::rethrow_exception(thereFailed);
    return true;
}

} // namespace aovpn
