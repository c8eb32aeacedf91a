// The self-test's logic (platform/selftest.hpp) against the fake platform: every step in order
// with its outcome, the failing replace restored from our copy, and the check after the cleanup
// that our stored copy and the replace journal are gone (which fails when a copy is left).
#include "platform/selftest.hpp"

#include "fake_platform.hpp"

#include <doctest/doctest.h>

using namespace aovpn::platform;
using aovpn::fake::FakeAppliedCopies;
using aovpn::fake::FakePlatform;

namespace {
const std::string kName = "AOVPN Studio self-test 00c0de";
const char* const kBad = "<VPNProfile><NativeProfile></VPNProfile>"; // what the test writes

SessionInfo aliceElevated() {
    SessionInfo s;
    s.process = {"CORP\\alice", "S-1-5-21-1-2-3-1001"};
    s.sessionUser = s.process;
    s.elevated = true;
    s.sessionId = 2;
    return s;
}
const ProfileTarget alice{TunnelKind::User, {"CORP\\alice", "S-1-5-21-1-2-3-1001"}};

std::vector<std::string> outline(const SelfTestReport& r) {
    std::vector<std::string> out;
    for (const auto& s : r.steps)
        out.push_back(s.step + ": " + s.outcome);
    return out;
}

SelfTestOptions named() {
    SelfTestOptions o;
    o.profileName = kName;
    return o;
}

// A copies store that forgets to erase: the self-test must notice what it leaves behind.
class ForgetfulCopies final : public AppliedCopies {
  public:
    FakeAppliedCopies inner;
    Result<std::optional<std::string>> load(const ProfileTarget& t, std::string_view n) override {
        return inner.load(t, n);
    }
    Status save(const ProfileTarget& t, std::string_view n, std::string_view x) override {
        return inner.save(t, n, x);
    }
    Status erase(const ProfileTarget&, std::string_view) override { return Status::success(); }
    Status writeJournal(const ReplaceJournal& j) override { return inner.writeJournal(j); }
    Status clearJournal(const ProfileTarget& t, std::string_view n) override {
        return inner.clearJournal(t, n);
    }
    Result<std::vector<ReplaceJournal>> journals(const ProfileTarget& t) override {
        return inner.journals(t);
    }
};

class LeakyPlatform final : public Platform {
  public:
    FakePlatform base;
    ForgetfulCopies copies;
    LocalProfileService service{base.store, copies};
    std::string_view name() const override { return "Leaky fake"; }
    CertificateStore& certificates() override { return base.certs; }
    ProfileService& profiles() override { return service; }
    ConnectionTester& connections() override { return base.tester; }
    Session& session() override { return base.user; }
    AppliedCopies& appliedCopies() override { return copies; }
};
} // namespace

TEST_CASE("self-test: every step of the user tunnel in order, nothing left behind") {
    FakePlatform p;
    p.store.rejectXml = kBad; // the store refuses the broken XML, as the bridge does
    p.tester.failWith = 809;  // the dial to 127.0.0.1 fails, explained
    const SelfTestReport r = runSelfTest(p, aliceElevated(), alice, named());
    CHECK(r.profileName == kName);
    CHECK(outline(r) ==
          std::vector<std::string>{"session: OK", "apply (user): OK", "list: OK", "read-back: OK",
                                   "replace: OK", "failing replace + restore: OK",
                                   "connect to 127.0.0.1: OK", "disconnect: OK", "remove: OK",
                                   "cleanup: OK", "stored copy + journal (user): OK"});
    CHECK_FALSE(r.anyFailed());
    CHECK(r.steps[5].message.find("restored from our copy") != std::string::npos);
    CHECK(r.steps[6].message.find("RAS error 809") != std::string::npos);
    CHECK(r.steps.back().message == "our stored copy and the replace journal are gone");
    CHECK(p.store.profiles.empty());
    CHECK(p.copies.copies.empty());
    CHECK(p.copies.journalBytes.empty());
    // The store saw the sequence the report claims, ending with the remove.
    CHECK(p.store.calls.back() == "find " + kName);
    CHECK(std::count(p.store.calls.begin(), p.store.calls.end(), "remove " + kName) == 3);
}

TEST_CASE("self-test: a stored copy left after the cleanup is a FAILED step") {
    LeakyPlatform p;
    p.base.store.rejectXml = kBad;
    p.base.tester.failWith = 809;
    const SelfTestReport r = runSelfTest(p, aliceElevated(), alice, named());
    REQUIRE_FALSE(r.steps.empty());
    CHECK(r.steps.back().step == "stored copy + journal (user)");
    CHECK(r.steps.back().outcome == "FAILED");
    CHECK(r.steps.back().message == "our stored copy of the profile is still there");
    CHECK(r.anyFailed());
}

TEST_CASE("self-test: a dial that connects or times out is a failure; no RAS is skipped") {
    FakePlatform p;
    p.store.rejectXml = kBad;
    auto r = runSelfTest(p, aliceElevated(), alice, named()); // the fake connects
    CHECK(outline(r)[6] == "connect to 127.0.0.1: FAILED");

    p.tester.stepDelay = std::chrono::milliseconds(50);
    SelfTestOptions o = named();
    o.connectTimeout = std::chrono::milliseconds(20);
    r = runSelfTest(p, aliceElevated(), alice, o);
    CHECK(outline(r)[6] == "connect to 127.0.0.1: FAILED");
    CHECK(r.steps[6].message.find("no answer within 20 ms") != std::string::npos);

    p.tester.isAvailable = false;
    r = runSelfTest(p, aliceElevated(), alice, named());
    CHECK(outline(r)[6] == "connect + disconnect: SKIPPED");
}

TEST_CASE("self-test: nobody to test for, and the device tunnel only when it may be written") {
    FakePlatform p;
    p.store.rejectXml = kBad;
    p.tester.failWith = 809;
    SessionInfo system;
    system.process = {"NT AUTHORITY\\SYSTEM", kSystemSid};
    system.runningAsSystem = system.elevated = true;
    auto r = runSelfTest(p, system, ProfileTarget{TunnelKind::User, {}}, named());
    REQUIRE(r.steps.size() >= 3);
    CHECK(outline(r)[1] == "user tunnel: SKIPPED");
    // As SYSTEM the device tunnel runs, under its own name, and is gone afterwards.
    CHECK(outline(r)[2] == "apply (device): OK");
    CHECK(r.steps.back().step == "stored copy + journal (device)");
    CHECK(r.steps.back().outcome == "OK");
    CHECK(p.store.calls[0] == "list"); // one device tunnel per machine: looked for first
    CHECK(p.store.profiles.empty());

    // Another device tunnel installed: left alone, the steps skipped.
    p.store.profiles[{"", "Corp Device"}] =
        "<VPNProfile><ProfileName>Corp Device</ProfileName><DeviceTunnel>true</DeviceTunnel>"
        "</VPNProfile>";
    r = runSelfTest(p, system, ProfileTarget{TunnelKind::User, {}}, named());
    CHECK(outline(r).back() == "device tunnel: SKIPPED");
    CHECK(p.store.profiles.size() == 1);

    // Not elevated: no device tunnel even when asked.
    SessionInfo plain = aliceElevated();
    plain.elevated = false;
    SelfTestOptions o = named();
    o.device = true;
    r = runSelfTest(p, plain, alice, o);
    CHECK(outline(r).back() == "device tunnel: SKIPPED");
}
