// The apply/replace/remove safety rules, over the in-memory fake store.
#include "fake_platform.hpp"

#include <doctest/doctest.h>

using namespace aovpn::platform;
using aovpn::fake::FakeProfileStore;

namespace {
const ProfileTarget alice{TunnelKind::User, {"CORP\\alice", "S-1-5-21-1-2-3-1001"}};
const ProfileTarget bob{TunnelKind::User, {"CORP\\bob", "S-1-5-21-1-2-3-1002"}};
std::string xml(const char* tag) {
    return std::string("<VPNProfile>") + tag + "</VPNProfile>";
}
} // namespace

TEST_CASE("apply creates a new profile") {
    FakeProfileStore s;
    auto r = applyProfile(s, alice, "Contoso VPN", xml("new"));
    CHECK(r.ok);
    CHECK_FALSE(r.replaced);
    CHECK(s.profiles.at({alice.user.sid, "Contoso VPN"}) == xml("new"));
    CHECK(s.calls == std::vector<std::string>{"find Contoso VPN", "create Contoso VPN"});
}

TEST_CASE("apply replaces: keeps old XML, deletes, creates") {
    FakeProfileStore s;
    s.profiles[{alice.user.sid, "Contoso"}] = xml("old");
    auto r = applyProfile(s, alice, "Contoso", xml("new"));
    CHECK(r.ok);
    CHECK(r.replaced);
    CHECK(r.previousXml == xml("old"));
    CHECK(s.profiles.at({alice.user.sid, "Contoso"}) == xml("new"));
    CHECK(s.calls == std::vector<std::string>{"find Contoso", "remove Contoso", "create Contoso"});
}

TEST_CASE("a failing create puts the old profile back and says so") {
    FakeProfileStore s;
    s.profiles[{alice.user.sid, "Contoso"}] = xml("old");
    s.rejectXml = xml("bad");
    auto r = applyProfile(s, alice, "Contoso", xml("bad"));
    CHECK_FALSE(r.ok);
    REQUIRE(r.error);
    CHECK(r.error->code == 0x80041001);
    CHECK(r.restoredPrevious);
    CHECK_FALSE(r.restoreError);
    CHECK(s.profiles.at({alice.user.sid, "Contoso"}) == xml("old"));
    CHECK(r.steps.back().find("nothing was lost") != std::string::npos);
}

TEST_CASE("when even the restore fails, the old XML is in the result") {
    FakeProfileStore s;
    s.profiles[{alice.user.sid, "Contoso"}] = xml("old");
    s.failNextCreate = aovpn::fake::fakeError("create", 0x80041001);
    s.rejectXml = xml("old"); // the store no longer accepts the old XML either
    auto r = applyProfile(s, alice, "Contoso", xml("new"));
    CHECK_FALSE(r.ok);
    CHECK_FALSE(r.restoredPrevious);
    CHECK(r.restoreError);
    CHECK(r.previousXml == xml("old"));
    CHECK(r.steps.back().find("save it") != std::string::npos);
}

TEST_CASE("a failing delete or lookup changes nothing") {
    FakeProfileStore s;
    s.profiles[{alice.user.sid, "Contoso"}] = xml("old");
    s.failNextRemove = aovpn::fake::fakeError("delete", 0x80041003);
    auto r = applyProfile(s, alice, "Contoso", xml("new"));
    CHECK_FALSE(r.ok);
    CHECK(s.profiles.at({alice.user.sid, "Contoso"}) == xml("old"));
    s.failNextFind = aovpn::fake::fakeError("find", 0x8004100E);
    r = applyProfile(s, alice, "Contoso", xml("new"));
    CHECK_FALSE(r.ok);
    CHECK(r.error->meaning.find("MDM bridge") != std::string::npos);
    CHECK(s.profiles.at({alice.user.sid, "Contoso"}) == xml("old"));
}

TEST_CASE("profiles of different users do not meet") {
    FakeProfileStore s;
    CHECK(applyProfile(s, alice, "Contoso", xml("a")).ok);
    CHECK(applyProfile(s, bob, "Contoso", xml("b")).ok);
    CHECK(s.list(alice).value().size() == 1);
    CHECK(s.list(alice).value()[0].xml == xml("a"));
}

TEST_CASE("remove deletes and cleans leftovers, even when already gone") {
    FakeProfileStore s;
    s.profiles[{alice.user.sid, "Contoso"}] = xml("old");
    s.leftovers.removed.push_back("AutoTriggerDisabledProfilesList: Contoso");
    auto r = removeProfile(s, alice, "Contoso");
    CHECK(r.ok);
    CHECK(r.existed);
    CHECK(r.leftovers.removed.size() == 1);
    CHECK(s.profiles.empty());
    r = removeProfile(s, alice, "Contoso");
    CHECK(r.ok);
    CHECK_FALSE(r.existed);
    CHECK(s.calls.back() == "clean Contoso");
}
