// The engine's second thread (model/src/second_thread.hpp): both jobs run, the thread is kept
// from one call to the next, a busy one gives way to a thread of its own, and exceptions come
// back to the caller after both jobs have finished.
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

TEST_CASE("the second thread runs one job while the caller runs the other, and is kept") {
    const std::thread::id first = runThere();
    CHECK(first != std::this_thread::get_id());
    for (int i = 0; i < 50; ++i)
        CHECK(runThere() == first); // the same thread each time: none is started per call
}

TEST_CASE("a caller that finds the second thread busy gets a thread of its own") {
    std::thread::id second, own, outerHere;
    bool innerHere = false;
    REQUIRE(alongside([&] { second = std::this_thread::get_id(); },
                      [&] {
                          outerHere = std::this_thread::get_id();
                          REQUIRE(alongside([&] { own = std::this_thread::get_id(); },
                                            [&] { innerHere = true; }));
                      }));
    CHECK(innerHere);
    CHECK(own != std::thread::id{});
    CHECK(own != second);
    CHECK(own != outerHere);
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
    CHECK(runThere() != std::this_thread::get_id()); // and the second thread still serves
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
    test::withNoThreadToHave([&] { ran = alongside([&] { there = true; }, [&] { here = true; }); });
    CHECK_FALSE(ran);
    CHECK_FALSE(there);
    CHECK_FALSE(here);
}
#endif
