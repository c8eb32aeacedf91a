#pragma once
// How many threads can run at once here: the two-thread read and validation split only when
// there are two cores or more.
#include <thread>

namespace aovpn {

inline unsigned coreCount() {
    static const unsigned n = std::thread::hardware_concurrency(); // 0 when unknown: one thread
    return n;
}

} // namespace aovpn
