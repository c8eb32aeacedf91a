// The profile service's safety rules over the in-memory fake store: the journal is flushed before
// the delete, a failed replace restores OUR copy (not the read-back), an interrupted replace is
// finished or rolled back by the next call, one device tunnel per machine, no profile for SYSTEM.
#include "platform/broker.hpp"

#include "fake_platform.hpp"

#include <doctest/doctest.h>

using namespace aovpn::platform;
using aovpn::fake::FakeAppliedCopies;
using aovpn::fake::FakeProfileStore;

namespace {
const ProfileTarget alice{TunnelKind::User, {"CORP\\alice", "S-1-5-21-1-2-3-1001"}};
const ProfileTarget bob{TunnelKind::User, {"CORP\\bob", "S-1-5-21-1-2-3-1002"}};
const ProfileTarget machine{TunnelKind::Device, {}};

std::string xml(const char* tag) {
    return std::string("<VPNProfile>") + tag + "</VPNProfile>";
}
std::string deviceXml(const char* name) {
    return std::string("<VPNProfile><ProfileName>") + name +
           "</ProfileName><DeviceTunnel>true</DeviceTunnel></VPNProfile>";
}

struct Fixture {
    FakeProfileStore store;
    FakeAppliedCopies copies;
    LocalProfileService service{store, copies};
};
} // namespace

TEST_CASE("apply creates a new profile and keeps a copy of exactly what it applied") {
    Fixture f;
    auto r = f.service.apply(alice, "Contoso VPN", xml("new"));
    CHECK(r.ok);
    CHECK_FALSE(r.replaced);
    CHECK(f.store.profiles.at({alice.user.sid, "Contoso VPN"}) == xml("new"));
    CHECK(f.store.calls ==
          std::vector<std::string>{"find Contoso VPN", "clean Contoso VPN", "create Contoso VPN"});
    CHECK(f.copies.load(alice, "Contoso VPN").value() == xml("new"));
    CHECK(f.copies.journalBytes.empty());
}

TEST_CASE("replace: the journal is on disk before the delete; our copy is what gets kept") {
    Fixture f;
    REQUIRE(f.service.apply(alice, "Contoso", xml("ours")).ok);
    f.store.profiles[{alice.user.sid, "Contoso"}] = xml("Windows regenerated"); // the read-back
    bool journalAtDelete = false;
    f.store.observer = [&](const std::string& call) {
        if (call == "remove Contoso") journalAtDelete = !f.copies.journalBytes.empty();
    };
    auto r = f.service.apply(alice, "Contoso", xml("new"));
    CHECK(r.ok);
    CHECK(r.replaced);
    CHECK(journalAtDelete);
    CHECK(r.previousXml == xml("ours"));
    CHECK(f.copies.load(alice, "Contoso").value() == xml("new"));
    CHECK(f.copies.journalBytes.empty());
}

TEST_CASE("a failing create restores THE XML WE APPLIED, not Windows' read-back") {
    Fixture f;
    REQUIRE(f.service.apply(alice, "Contoso", xml("ours")).ok);
    f.store.profiles[{alice.user.sid, "Contoso"}] = xml("Windows regenerated");
    f.store.rejectXml = xml("bad");
    auto r = f.service.apply(alice, "Contoso", xml("bad"));
    CHECK_FALSE(r.ok);
    REQUIRE(r.error);
    CHECK(r.error->code == 0x80041001);
    CHECK(r.restoredPrevious);
    CHECK_FALSE(r.restoredFromReadBack);
    CHECK_FALSE(r.restoreError);
    CHECK(f.store.profiles.at({alice.user.sid, "Contoso"}) == xml("ours"));
    CHECK(r.steps.back().find("nothing was lost") != std::string::npos);
    CHECK(f.copies.journalBytes.empty());
}

TEST_CASE("without a copy of ours the read-back is restored, and the result says so") {
    Fixture f;
    f.store.profiles[{alice.user.sid, "Contoso"}] = xml("written by another tool");
    f.store.rejectXml = xml("bad");
    auto r = f.service.apply(alice, "Contoso", xml("bad"));
    CHECK(r.restoredPrevious);
    CHECK(r.restoredFromReadBack);
    CHECK(f.store.profiles.at({alice.user.sid, "Contoso"}) == xml("written by another tool"));
    bool said = false;
    for (const auto& s : r.steps)
        said |= s.find("read-back") != std::string::npos;
    CHECK(said);
}

TEST_CASE("when even the restore fails, the old XML is in the result") {
    Fixture f;
    f.store.profiles[{alice.user.sid, "Contoso"}] = xml("old");
    f.store.failNextCreate = aovpn::fake::fakeError("create", 0x80041001);
    f.store.rejectXml = xml("old"); // the store no longer accepts the old XML either
    auto r = f.service.apply(alice, "Contoso", xml("new"));
    CHECK_FALSE(r.ok);
    CHECK_FALSE(r.restoredPrevious);
    CHECK(r.restoreError);
    CHECK(r.previousXml == xml("old"));
    CHECK(r.steps.back().find("save it") != std::string::npos);
}

TEST_CASE("a failing delete, lookup or journal write changes nothing") {
    Fixture f;
    f.store.profiles[{alice.user.sid, "Contoso"}] = xml("old");
    f.store.failNextRemove = aovpn::fake::fakeError("delete", 0x80041003);
    auto r = f.service.apply(alice, "Contoso", xml("new"));
    CHECK_FALSE(r.ok);
    CHECK(f.store.profiles.at({alice.user.sid, "Contoso"}) == xml("old"));
    CHECK(f.copies.journalBytes.empty());
    f.store.failNextFind = aovpn::fake::fakeError("find", 0x8004100E);
    r = f.service.apply(alice, "Contoso", xml("new"));
    CHECK_FALSE(r.ok);
    CHECK(r.error->meaning.find("MDM bridge") != std::string::npos);
    f.copies.failNextJournal = aovpn::fake::fakeError("journal", 0x80070070);
    f.store.calls.clear();
    r = f.service.apply(alice, "Contoso", xml("new"));
    CHECK_FALSE(r.ok);
    CHECK(f.store.calls == std::vector<std::string>{"find Contoso"}); // no delete, no create
    CHECK(f.store.profiles.at({alice.user.sid, "Contoso"}) == xml("old"));
}

TEST_CASE("recovery: a crash after the delete puts the previous profile back") {
    Fixture f;
    ReplaceJournal j{alice,       "Contoso", ReplaceJournal::Phase::Creating,
                     xml("ours"), true,      xml("new")};
    REQUIRE(f.copies.writeJournal(j).ok()); // what the crashed run left; the profile is gone
    const auto notes = f.service.recover(alice);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("put the previous profile back") != std::string::npos);
    CHECK(f.store.profiles.at({alice.user.sid, "Contoso"}) == xml("ours"));
    CHECK(f.copies.journalBytes.empty());
}

TEST_CASE("recovery: a crash after the create finishes the replace") {
    Fixture f;
    f.store.profiles[{alice.user.sid, "Contoso"}] = xml("new");
    REQUIRE(f.copies
                .writeJournal({alice, "Contoso", ReplaceJournal::Phase::Creating, xml("old"), true,
                               xml("new")})
                .ok());
    auto found = f.service.find(alice, "Contoso"); // any call recovers first
    REQUIRE(found);
    CHECK(found.value()->xml == xml("new"));
    CHECK(f.copies.load(alice, "Contoso").value() == xml("new"));
    CHECK(f.copies.journalBytes.empty());
}

TEST_CASE("recovery: a crash before the delete leaves the profile as it was") {
    Fixture f;
    f.store.profiles[{alice.user.sid, "Contoso"}] = xml("old");
    REQUIRE(f.copies
                .writeJournal({alice, "Contoso", ReplaceJournal::Phase::Deleting, xml("old"), false,
                               xml("new")})
                .ok());
    const auto notes = f.service.recover(alice);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("before it changed anything") != std::string::npos);
    CHECK(f.store.profiles.at({alice.user.sid, "Contoso"}) == xml("old"));
    CHECK(f.copies.journalBytes.empty());
    CHECK(f.service.recover(bob).empty()); // another account's journals are not touched
}

TEST_CASE("listing: the recovery notes come with the list, also through the broker's List reply") {
    Fixture f;
    REQUIRE(f.copies
                .writeJournal({alice, "Contoso", ReplaceJournal::Phase::Creating, xml("ours"), true,
                               xml("new")})
                .ok()); // a crash after the delete
    // What the SYSTEM broker answers to one List request, as the app reads it back.
    const auto reply = parseBrokerReply(
        BrokerOp::List,
        serializeBrokerReply(BrokerOp::List,
                             handleBrokerRequest({BrokerOp::List, alice, {}, {}}, f.service)));
    REQUIRE(reply);
    CHECK_FALSE(reply->error);
    REQUIRE(reply->notes.size() == 1);
    CHECK(reply->notes[0].find("put the previous profile back") != std::string::npos);
    REQUIRE(reply->profiles.size() == 1);
    CHECK(reply->profiles[0].xml == xml("ours"));
    CHECK(f.store.calls.back() == "list"); // recovered first, then listed

    const ProfileListing again = f.service.listing(alice); // nothing left to recover
    CHECK(again.recovered.empty());
    CHECK(again.profiles.size() == 1);
}

TEST_CASE("listing: a failed listing keeps what recovery did beside the error; none for SYSTEM") {
    Fixture f;
    REQUIRE(f.copies
                .writeJournal({alice, "Contoso", ReplaceJournal::Phase::Creating, xml("ours"), true,
                               xml("new")})
                .ok());
    f.store.failNextList = aovpn::fake::fakeError("List the profiles", 0x80041001);
    const auto reply = handleBrokerRequest({BrokerOp::List, alice, {}, {}}, f.service);
    REQUIRE(reply.error);
    CHECK(reply.error->code == 0x80041001);
    REQUIRE(reply.notes.size() == 1); // the previous profile IS back: the user is told so
    CHECK(reply.notes[0].find("put the previous profile back") != std::string::npos);
    CHECK(f.store.profiles.at({alice.user.sid, "Contoso"}) == xml("ours"));

    f.store.calls.clear();
    const ProfileListing none = f.service.listing({TunnelKind::User, {"SYSTEM", kSystemSid}});
    REQUIRE(none.error); // never listed for SYSTEM
    CHECK(none.recovered.empty());
    CHECK(f.store.calls.empty());
}

TEST_CASE("journal bytes survive any XML exactly") {
    ReplaceJournal j{
        alice, "R&D \"Lab\"\n2", ReplaceJournal::Phase::Deleting, std::string("<a>\r\n\0x</a>", 12),
        false, "new 5\nend 0\n"};
    const auto back = parseJournal(serializeJournal(j));
    REQUIRE(back);
    CHECK(back->name == j.name);
    CHECK(back->previousXml == j.previousXml);
    CHECK(back->newXml == j.newXml);
    CHECK(back->target == alice);
    CHECK(back->phase == ReplaceJournal::Phase::Deleting);
    const auto bytes = serializeJournal(j);
    CHECK_FALSE(parseJournal(bytes.substr(0, bytes.size() - 3))); // truncated
    CHECK_FALSE(parseJournal("aovpn-replace 1\nphase 3\nxyz\n"));
}

TEST_CASE("one device tunnel per machine: a second name is refused before anything changes") {
    Fixture f;
    REQUIRE(f.service.apply(machine, "Device A", deviceXml("Device A")).ok);
    f.store.calls.clear();
    auto r = f.service.apply(machine, "Device B", deviceXml("Device B"));
    CHECK_FALSE(r.ok);
    REQUIRE(r.error);
    CHECK(r.error->meaning.find("\"Device A\"") != std::string::npos);
    CHECK(r.error->meaning.find("only one per machine") != std::string::npos);
    CHECK(f.store.profiles.count({"", "Device B"}) == 0);
    // Replacing the same device tunnel is fine.
    CHECK(f.service.apply(machine, "Device A", deviceXml("Device A")).ok);
}

TEST_CASE("no user tunnel is ever written for SYSTEM or without a SID") {
    Fixture f;
    for (const ProfileTarget& t :
         {ProfileTarget{TunnelKind::User, {}},
          ProfileTarget{TunnelKind::User, {"NT AUTHORITY\\SYSTEM", "S-1-5-18"}}}) {
        auto r = f.service.apply(t, "Contoso", xml("x"));
        CHECK_FALSE(r.ok);
        REQUIRE(r.error);
        CHECK(r.error->meaning.find("nobody is signed in") != std::string::npos);
        CHECK_FALSE(f.service.list(t));
        CHECK(f.service.installState(t, "Contoso").state == InstallState::NoUser);
    }
    CHECK(f.store.calls.empty());
}

TEST_CASE("profiles of different users do not meet") {
    Fixture f;
    CHECK(f.service.apply(alice, "Contoso", xml("a")).ok);
    CHECK(f.service.apply(bob, "Contoso", xml("b")).ok);
    CHECK(f.service.list(alice).value().size() == 1);
    CHECK(f.service.list(alice).value()[0].xml == xml("a"));
    CHECK(f.copies.load(bob, "Contoso").value() == xml("b"));
}

TEST_CASE("remove deletes, cleans leftovers even when already gone, drops our copy") {
    Fixture f;
    REQUIRE(f.service.apply(alice, "Contoso", xml("old")).ok);
    f.store.leftovers.removed.push_back("AutoTriggerDisabledProfilesList: Contoso");
    auto r = f.service.remove(alice, "Contoso");
    CHECK(r.ok);
    CHECK(r.existed);
    CHECK(r.leftovers.removed.size() == 1);
    CHECK(f.store.profiles.empty());
    CHECK_FALSE(f.copies.load(alice, "Contoso").value());
    r = f.service.remove(alice, "Contoso");
    CHECK(r.ok);
    CHECK_FALSE(r.existed);
    CHECK(f.store.calls.back() == "clean Contoso");
}

TEST_CASE("install state in words for the action bar") {
    Fixture f;
    CHECK(f.service.installState(alice, "Contoso").text == "Not installed");
    REQUIRE(f.service.apply(alice, "Contoso", xml("x")).ok);
    CHECK(f.service.installState(alice, "Contoso").text == "Installed for CORP\\alice");
    f.store.failNextFind = aovpn::fake::fakeError("find", 0x8004100E);
    const auto s = f.service.installState(alice, "Contoso");
    CHECK(s.state == InstallState::NoMdmBridge);
    CHECK(s.text.find("no MDM bridge") != std::string::npos);
    CHECK(s.text.find("Intune or PowerShell export") != std::string::npos);
    CHECK(installStateText(InstallState::Installed, machine) ==
          "Installed for this computer (device tunnel)");
}
