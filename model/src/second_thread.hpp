#pragma once
// The one place the engine starts a thread: the two-thread read (split_read.cpp) and
// validation (validate.cpp) each run a job beside the caller's.
#include <functional>

namespace aovpn {

// Runs `there` on a thread of its own while `here` runs on this one, and returns true once both
// have. False, with neither run, when no thread can be started (nor its memory be had): the
// caller then does the work on its own. An exception from either is rethrown here once both have
// finished (`here`'s first).
//
// A thread is started for each call. One kept between calls, woken for each job, was measured
// and not kept: 0.97 of the time of 101 reads + validations of 10,000 routes + 10,000 filters,
// within this VM's noise, because the woken thread was now and then put on the caller's core
// and waited there; spinning 1.5 ms for the next job instead of sleeping gained nothing and
// cost 10% more CPU.
bool alongside(const std::function<void()>& there, const std::function<void()>& here);

} // namespace aovpn
