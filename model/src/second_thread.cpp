#include "second_thread.hpp"

#include <exception>
#include <new>
#include <system_error>
#include <thread>

namespace aovpn {

bool alongside(const std::function<void()>& there, const std::function<void()>& here) {
    std::exception_ptr hereFailed, thereFailed;
    {
        std::jthread other;
        try {
            other = std::jthread([&] {
                try {
                    there();
                } catch (...) {
                    thereFailed = std::current_exception();
                }
            });
        } catch (const std::system_error&) { // no thread to be had
            return false;
        } catch (const std::bad_alloc&) { // nor the memory to start one
            return false;
        }
        try {
            here();
        } catch (...) {
            hereFailed = std::current_exception();
        }
    } // joined
    if (hereFailed) std::rethrow_exception(hereFailed);
    if (thereFailed) std::rethrow_exception(thereFailed);
    return true;
}

} // namespace aovpn
