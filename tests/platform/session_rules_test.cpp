#include "platform/platform.hpp"

#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace aovpn::platform;

namespace {
const Account alice{"CORP\\alice", "S-1-5-21-1-2-3-1001"};
const Account admin{"CORP\\helpdesk-admin", "S-1-5-21-1-2-3-500"};
const Account systemAcct{"NT AUTHORITY\\SYSTEM", "S-1-5-18"};
} // namespace

TEST_CASE("the user at the console running the app gets the profile, no warning") {
    SessionInfo s{alice, alice, true, false, {}};
    const auto t = chooseTarget(s, TunnelKind::User);
    CHECK(t.user == alice);
    CHECK_FALSE(wrongAccountWarning(s, t));
}

TEST_CASE("an elevated admin running as themselves is warned, naming both accounts") {
    SessionInfo s{admin, alice, true, false, {}};
    const auto t = chooseTarget(s, TunnelKind::User);
    CHECK(t.user == admin);
    const auto w = wrongAccountWarning(s, t);
    REQUIRE(w);
    CHECK(w->meaning.find("CORP\\helpdesk-admin") != std::string::npos);
    CHECK(w->meaning.find("CORP\\alice") != std::string::npos);
    CHECK(w->nextStep.find("SYSTEM") != std::string::npos);
    CHECK(w->nextStep.find(alice.sid) != std::string::npos);
}

TEST_CASE("SYSTEM writes for the console user; without one it is warned") {
    SessionInfo s{systemAcct, alice, true, true, {}};
    const auto t = chooseTarget(s, TunnelKind::User);
    CHECK(t.user == alice);
    CHECK_FALSE(wrongAccountWarning(s, t));
    s.console.reset();
    const auto t2 = chooseTarget(s, TunnelKind::User);
    REQUIRE(wrongAccountWarning(s, t2));
    CHECK(wrongAccountWarning(s, t2)->meaning.find("nobody is logged on") != std::string::npos);
}

TEST_CASE("device tunnels need SYSTEM") {
    SessionInfo s{admin, alice, true, false, {}};
    const auto t = chooseTarget(s, TunnelKind::Device);
    CHECK(t.user.sid.empty());
    REQUIRE(wrongAccountWarning(s, t));
    s = SessionInfo{systemAcct, alice, true, true, {}};
    CHECK_FALSE(wrongAccountWarning(s, chooseTarget(s, TunnelKind::Device)));
}

TEST_CASE("hand-over file: only our own temp file name is accepted, read once") {
    CHECK_FALSE(handoffFileFromArgs({"app", "--handoff", "C:/evil.xml"}));
    CHECK_FALSE(handoffFileFromArgs({"app", "--handoff"}));
    CHECK_FALSE(handoffFileFromArgs({"app", "--handoff", "aovpn-handoff-1.txt"}));
    const auto dir = std::filesystem::path(aovpn::test::scratchDir()) / "handoff";
    std::filesystem::create_directories(dir);
    const auto file = dir / "aovpn-handoff-123.xml";
    std::ofstream(file) << "<VPNProfile>&amp;</VPNProfile>";
    const auto found = handoffFileFromArgs({"app", "--handoff", file.string()});
    REQUIRE(found);
    auto doc = takeHandoffDocument(*found);
    REQUIRE(doc);
    CHECK(doc.value() == "<VPNProfile>&amp;</VPNProfile>");
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK_FALSE(takeHandoffDocument(*found));
}
