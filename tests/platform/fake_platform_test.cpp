// The fake the UI tests use behaves like the real thing where it matters.
#include "fake_platform.hpp"

#include <doctest/doctest.h>

#include <thread>

using namespace aovpn::platform;

TEST_CASE("fake connect test reports progress and connects") {
    aovpn::fake::FakePlatform p;
    std::vector<std::string> seen;
    ConnectOptions o;
    o.onProgress = [&](std::string_view s) { seen.emplace_back(s); };
    auto r = p.connections().connect("Contoso", o);
    CHECK(r.ok);
    CHECK(seen.back() == "Connected");
    CHECK(r.assignedAddress == "10.99.0.7");
    CHECK(p.connections().status("Contoso").value().connected);
    CHECK(p.connections().disconnect("Contoso", std::chrono::seconds(1)).ok());
    CHECK_FALSE(p.connections().status("Contoso").value().connected);
}

TEST_CASE("fake connect test: failure carries the hint; cancel works from another thread") {
    aovpn::fake::FakePlatform p;
    p.tester.failWith = 809;
    auto r = p.connections().connect("Contoso", {});
    CHECK_FALSE(r.ok);
    CHECK(r.rasCode == 809);
    CHECK(r.hint.find("UDP 500") != std::string::npos);

    p.tester.failWith = 0;
    p.tester.stepDelay = std::chrono::milliseconds(200);
    std::stop_source stop;
    ConnectOptions o;
    o.stop = stop.get_token();
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        stop.request_stop();
    });
    r = p.connections().connect("Contoso", o);
    canceller.join();
    CHECK(r.cancelled);
    CHECK_FALSE(r.ok);
}
