// The engine's second thread (model/src/second_thread.hpp): both jobs run, on two threads, also
// nested and from several callers at once; exceptions come back to the caller after both jobs
// have finished; with no thread to be had, neither runs.
#include "no_new_threads.hpp"
#include "second_thread.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace aovpn;

namespace {
std::thread::id runThere() {
    std::thread::id there;
    bool here = false;
    REQUIRE(alongside([&] { there = std::this_thread::get_id(); }, [&] { here = true; }));
    CHECK(here);
    return there;
}
} // namespace

TEST_CASE("alongside runs one job on another thread while the caller runs the other") {
    for (int i = 0; i < 20; ++i)
        CHECK(runThere() != std::this_thread::get_id());
}

TEST_CASE("a job can itself run two jobs alongside each other") {
    std::thread::id second, inner, outerHere;
    bool innerHere = false;
    REQUIRE(alongside([&] { second = std::this_thread::get_id(); },
                      [&] {
                          outerHere = std::this_thread::get_id();
                          REQUIRE(alongside([&] { inner = std::this_thread::get_id(); },
                                            [&] { innerHere = true; }));
                      }));
    CHECK(innerHere);
    CHECK(inner != std::thread::id{});
    CHECK(inner != outerHere);
    CHECK(second != outerHere);
}

TEST_CASE("an exception from either job is rethrown once both have finished") {
    std::atomic<bool> thereDone{false}, hereDone{false};
    const auto throwsThere = [&] {
        alongside([] { throw std::runtime_error("there"); }, [&] { hereDone = true; });
    };
    CHECK_THROWS_WITH(throwsThere(), "there");
    CHECK(hereDone);
    const auto throwsHere = [&] {
        alongside([&] { thereDone = true; }, [] { throw std::runtime_error("here"); });
    };
    CHECK_THROWS_WITH(throwsHere(), "here");
    CHECK(thereDone); // finished before the exception came back
    const auto throwsBoth = [] {
        alongside([] { throw std::runtime_error("there"); },
                  [] { throw std::runtime_error("here"); });
    };
    CHECK_THROWS_WITH(throwsBoth(), "here");
}

TEST_CASE("callers on several threads at once each get both jobs done") {
    std::atomic<int> there{0}, here{0};
    std::atomic<bool> allTrue{true};
    std::vector<std::thread> callers;
    for (int c = 0; c < 4; ++c)
        callers.emplace_back([&] {
            for (int i = 0; i < 200; ++i)
                if (!alongside([&] { ++there; }, [&] { ++here; })) allTrue = false;
        });
    for (std::thread& t : callers)
        t.join();
    CHECK(allTrue);
    CHECK(there == 800);
    CHECK(here == 800);
}

#if defined(AOVPN_HAVE_NO_NEW_THREADS)
TEST_CASE("with no thread to be had, neither job runs and the caller is told") {
    bool there = false, here = false, ran = true;
    {
        const test::NoNewThreads none;
        ran = alongside([&] { there = true; }, [&] { here = true; });
    }
    CHECK_FALSE(ran);
    CHECK_FALSE(there);
    CHECK_FALSE(here);
}
#endif
