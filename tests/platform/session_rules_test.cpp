// Whose account a profile lands in and how it gets there (issue 9 §1): the session's user, never
// the physical console or the elevated admin; SYSTEM without a user is a hard stop.
#include "platform/platform.hpp"

#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace aovpn::platform;

namespace {
const Account alice{"CORP\\alice", "S-1-5-21-1-2-3-1001"};
const Account admin{"CORP\\helpdesk-admin", "S-1-5-21-1-2-3-500"};
const Account systemAcct{"NT AUTHORITY\\SYSTEM", "S-1-5-18"};

SessionInfo session(Account process, std::optional<Account> user, bool elevated, bool system) {
    SessionInfo s;
    s.process = std::move(process);
    s.sessionUser = std::move(user);
    s.elevated = elevated;
    s.runningAsSystem = system;
    return s;
}
} // namespace

TEST_CASE("the session's user running the app gets the profile, locally when elevated") {
    const auto s = session(alice, alice, true, false);
    const auto t = chooseTarget(s, TunnelKind::User);
    CHECK(t.user == alice);
    CHECK(routeFor(s, t).route == ProfileRoute::Local);
    CHECK_FALSE(wrongAccountWarning(s, t));
}

TEST_CASE("an elevated helpdesk admin in alice's session writes for alice through the broker") {
    const auto s = session(admin, alice, true, false);
    const auto t = chooseTarget(s, TunnelKind::User);
    CHECK(t.user == alice); // not the admin's own partition
    const auto d = routeFor(s, t);
    CHECK(d.route == ProfileRoute::Broker);
    CHECK(d.why.find("CORP\\alice") != std::string::npos);
    CHECK_FALSE(wrongAccountWarning(s, t));
}

TEST_CASE("not elevated: the profile needs \"Restart as administrator\", still for the user") {
    const auto s = session(alice, alice, false, false);
    const auto t = chooseTarget(s, TunnelKind::User);
    CHECK(routeFor(s, t).route == ProfileRoute::NeedsElevation);
    const auto w = wrongAccountWarning(s, t);
    REQUIRE(w);
    CHECK(w->nextStep.find("Restart as administrator") != std::string::npos);
    CHECK(w->nextStep.find("CORP\\alice") != std::string::npos);
}

TEST_CASE("SYSTEM writes for its session's user; without one it is a hard stop, never S-1-5-18") {
    auto s = session(systemAcct, alice, true, true);
    auto t = chooseTarget(s, TunnelKind::User);
    CHECK(t.user == alice);
    CHECK(routeFor(s, t).route == ProfileRoute::Local);
    s.sessionUser.reset();
    t = chooseTarget(s, TunnelKind::User);
    CHECK(t.user.sid.empty());
    CHECK(routeFor(s, t).route == ProfileRoute::NoUser);
    const auto w = wrongAccountWarning(s, t);
    REQUIRE(w);
    CHECK(w->meaning.find("nobody is signed in") != std::string::npos);
    // Even a target naming SYSTEM itself is refused.
    CHECK(routeFor(s, {TunnelKind::User, systemAcct}).route == ProfileRoute::NoUser);
}

TEST_CASE("device tunnels: the broker from an elevated admin, locally as SYSTEM") {
    auto s = session(admin, alice, true, false);
    const auto t = chooseTarget(s, TunnelKind::Device);
    CHECK(t.user.sid.empty());
    CHECK(routeFor(s, t).route == ProfileRoute::Broker);
    CHECK_FALSE(wrongAccountWarning(s, t));
    s.elevated = false;
    CHECK(routeFor(s, t).route == ProfileRoute::NeedsElevation);
    s = session(systemAcct, std::nullopt, true, true);
    CHECK(routeFor(s, chooseTarget(s, TunnelKind::Device)).route == ProfileRoute::Local);
}

TEST_CASE("hand-over argument: only <folder aovpn-handoff-*>/document.xml, absolute") {
    CHECK_FALSE(handoffFileFromArgs({"app", "--handoff", "/tmp/evil.xml"}));
    CHECK_FALSE(handoffFileFromArgs({"app", "--handoff"}));
    CHECK_FALSE(handoffFileFromArgs({"app", "--handoff", "/tmp/aovpn-handoff-1.xml"}));
    CHECK_FALSE(handoffFileFromArgs({"app", "--handoff", "aovpn-handoff-1/document.xml"}));
    CHECK_FALSE(handoffFileFromArgs({"app", "--handoff", "/tmp/aovpn-handoff-/document.xml"}));
    CHECK_FALSE(handoffFileFromArgs({"app", "--handoff", "/tmp/aovpn-handoff-1/other.xml"}));
    const auto dir = std::filesystem::path(aovpn::test::scratchDir()) / "aovpn-handoff-9-1";
    CHECK(handoffFileFromArgs({"app", "--handoff", (dir / "document.xml").string()}));
}

TEST_CASE("hand-over: our folder's file is read once and removed with its folder") {
    const auto dir = std::filesystem::path(aovpn::test::scratchDir()) / "aovpn-handoff-9-2";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto file = dir / "document.xml";
    std::ofstream(file) << "<VPNProfile>&amp;</VPNProfile>";
    const auto found = handoffFileFromArgs({"app", "--handoff", file.string()});
    REQUIRE(found);
    auto doc = takeHandoffDocument(*found);
    REQUIRE(doc);
    CHECK(doc.value() == "<VPNProfile>&amp;</VPNProfile>");
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK_FALSE(std::filesystem::exists(dir));
    CHECK_FALSE(takeHandoffDocument(*found));
}

TEST_CASE("hand-over: a file of another shape is refused and left in place") {
    const auto dir = std::filesystem::path(aovpn::test::scratchDir()) / "handoff-other";
    std::filesystem::create_directories(dir);
    const auto victim = dir / "important.xml";
    std::ofstream(victim) << "keep me";
    CHECK_FALSE(takeHandoffDocument(victim));
    CHECK(std::filesystem::exists(victim));
}

TEST_CASE("visibleText shows control characters, bidi overrides and broken UTF-8") {
    using namespace std::string_literals;
    CHECK(visibleText("alice"s + '\0' + "evil") == "alice\\x00evil");
    CHECK(visibleText("a\tb\x7f") == "a\\x09b\\x7F");
    CHECK(visibleText("J\xC3\xBCrgen") == "J\xC3\xBCrgen");          // ü kept
    CHECK(visibleText("x\xE2\x80\xAEgpj.exe") == "x\\u202Egpj.exe"); // RLO shown
    CHECK(visibleText("\xC2\x85") == "\\u0085");                     // C1 NEL
    CHECK(visibleText("bad\xFF\xC3") == "bad\\xFF\\xC3");            // invalid bytes
    CHECK(visibleText("\xE0\x80\xAF") == "\\xE0\\x80\\xAF");         // overlong '/'
}
