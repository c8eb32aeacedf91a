#pragma once
// While a NoNewThreads lives, starting a thread fails (std::thread throws std::system_error):
// every new thread asks for a stack larger than the address space. glibc only.
#if defined(__GLIBC__)
#include <doctest/doctest.h>

#include <cstddef>
#include <pthread.h>

namespace aovpn::test {

class NoNewThreads {
  public:
    NoNewThreads() {
        REQUIRE(pthread_getattr_default_np(&saved_) == 0);
        REQUIRE(pthread_attr_init(&huge_) == 0);
        REQUIRE(pthread_attr_setstacksize(&huge_, std::size_t{1} << 50) == 0);
        REQUIRE(pthread_setattr_default_np(&huge_) == 0);
    }
    ~NoNewThreads() {
        pthread_setattr_default_np(&saved_);
        pthread_attr_destroy(&huge_);
        pthread_attr_destroy(&saved_);
    }
    NoNewThreads(const NoNewThreads&) = delete;
    NoNewThreads& operator=(const NoNewThreads&) = delete;

  private:
    pthread_attr_t saved_{}, huge_{};
};

} // namespace aovpn::test
#define AOVPN_HAVE_NO_NEW_THREADS 1
#endif
