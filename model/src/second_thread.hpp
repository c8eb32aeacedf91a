#pragma once
// One thread beside the caller's, for the two-thread read (split_read.cpp) and validation
// (validate.cpp): started on first use and then kept, waiting without using the CPU. Starting a
// thread for each large read and each validation cost 0.1 to 0.25 ms of the 10 ms they take.
#include <functional>

namespace aovpn {

// Runs `there` on the second thread while `here` runs on this one, and returns true once both
// have. When another caller has the second thread, `there` gets a thread of its own. False, with
// neither run, when no thread can be had: the caller then does the work on its own. An exception
// from either is rethrown here once both have finished (`here`'s first).
bool alongside(const std::function<void()>& there, const std::function<void()>& here);

} // namespace aovpn
