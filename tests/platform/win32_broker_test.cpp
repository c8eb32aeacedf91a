// The one-shot SYSTEM broker under Wine: the app's side (job folder, exe copy, request, fixed
// arguments, reply, cleanup) against a fake service runner that runs the broker's job in process,
// the routing of the Windows profile service, and one real round trip through Wine's service
// control manager (test_platform.exe is the broker it starts).
#ifdef _WIN32
#include "fake_platform.hpp"
#include "win32/broker_win32.hpp"
#include "win32/protected_folder.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace aovpn::platform;
using namespace aovpn::platform::win;
namespace fs = std::filesystem;

namespace {
const Account alice{"CORP\\alice", "S-1-5-21-1-2-3-1001"};
const Account admin{"CORP\\helpdesk-admin", "S-1-5-21-1-2-3-500"};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path testRoot() {
    return programDataFolder() / L"BrokerTest";
}

BrokerOptions options(std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    BrokerOptions o = defaultBrokerOptions();
    o.root = testRoot();
    o.timeout = timeout;
    return o;
}

// Runs the broker's job in this process, over a fake store, after looking at what it was given.
struct FakeRunner final : ServiceRunner {
    aovpn::fake::FakeProfileStore store;
    aovpn::fake::FakeAppliedCopies copies;
    LocalProfileService service{store, copies};
    std::vector<std::wstring> names, binaryPaths;
    bool exeIsCopy = false, requestThere = false, protectedFolder = false;
    std::optional<Error> fail;

    Result<DWORD> runOnce(const std::wstring& name, const std::wstring& binaryPath,
                          std::chrono::milliseconds) override {
        names.push_back(name);
        binaryPaths.push_back(binaryPath);
        const fs::path exe = binaryPath.substr(1, binaryPath.find(L'"', 1) - 1);
        exeIsCopy = slurp(exe) == slurp(defaultBrokerOptions().exe);
        requestThere = fs::exists(exe.parent_path() / kBrokerRequest);
        protectedFolder = ownedBySystemOrAdmins(exe.parent_path());
        if (fail) return *fail;
        return runBrokerJob(exe.parent_path(), {&service, false});
    }
};

SessionInfo elevatedAdminIn(const Account& user, bool elevated = true) {
    SessionInfo s;
    s.process = admin;
    s.sessionUser = user;
    s.elevated = elevated;
    return s;
}

// The app of an elevated admin in `session`; the broker's job runs in process (FakeRunner).
struct Rig {
    FakeRunner runner;
    BrokerClient client{runner, options()};
    aovpn::fake::FakeProfileStore localStore;
    aovpn::fake::FakeAppliedCopies localCopies;
    LocalProfileService local{localStore, localCopies};
    BrokeredProfileService service;
    explicit Rig(const SessionInfo& session) : service(session, local, client) {}
};
} // namespace

TEST_CASE("broker: alice's profile from an elevated admin goes through the broker, files and "
          "arguments fixed, nothing left behind") {
    Rig rig(elevatedAdminIn(alice));
    auto& [runner, client, localStore, localCopies, local, service] = rig;
    const ProfileTarget t = chooseTarget(elevatedAdminIn(alice), TunnelKind::User);
    REQUIRE(t.user == alice);

    const auto r = service.apply(t, "Contoso VPN", "<VPNProfile>x&amp;y</VPNProfile>");
    if (r.error) MESSAGE(r.error->describe());
    CHECK(r.ok);
    REQUIRE_FALSE(r.steps.empty());
    CHECK(r.steps.front().find("one-shot SYSTEM broker") != std::string::npos);
    CHECK(runner.store.profiles.at({alice.sid, "Contoso VPN"}) ==
          "<VPNProfile>x&amp;y</VPNProfile>");
    CHECK(localStore.profiles.empty()); // never in the admin's own partition
    REQUIRE(runner.binaryPaths.size() == 1);
    const std::wstring& path = runner.binaryPaths[0];
    CHECK(path.rfind(L"\"" + testRoot().wstring() + L"\\", 0) == 0);
    const std::wstring tail = L"\\aovpn-broker.exe\" --broker"; // the only arguments
    REQUIRE(path.size() > tail.size());
    CHECK(path.substr(path.size() - tail.size()) == tail);
    CHECK(runner.names[0].rfind(L"AOVPNStudioBroker-", 0) == 0);
    CHECK(runner.exeIsCopy);
    CHECK(runner.requestThere);
    CHECK(runner.protectedFolder);
    CHECK(fs::is_empty(testRoot())); // the job folder is gone

    CHECK(service.installState(t, "Contoso VPN").state == InstallState::Installed);
    auto listed = service.list(t);
    REQUIRE(listed);
    CHECK(listed.value().size() == 1);
    const auto removed = service.remove(t, "Contoso VPN");
    CHECK(removed.ok);
    CHECK(removed.existed);
    CHECK(runner.store.profiles.empty());
    CHECK(runner.binaryPaths.size() == 4); // apply, find, list, remove: one broker run each
    CHECK(fs::is_empty(testRoot()));
}

TEST_CASE("broker: a listing is one broker run, with the notes of an interrupted replace") {
    Rig rig(elevatedAdminIn(alice));
    auto& [runner, client, localStore, localCopies, local, service] = rig;
    const ProfileTarget t{TunnelKind::User, alice};
    // What a replace the broker ran left when the PC lost power after the delete.
    REQUIRE(
        runner.copies
            .writeJournal({t, "Contoso VPN", ReplaceJournal::Phase::Creating,
                           "<VPNProfile>ours</VPNProfile>", true, "<VPNProfile>new</VPNProfile>"})
            .ok());
    const ProfileListing l = service.listing(t);
    CHECK(runner.binaryPaths.size() == 1); // `aovpn list` used to start the broker twice
    CHECK_FALSE(l.error);
    REQUIRE(l.recovered.size() == 1);
    CHECK(l.recovered[0].find("put the previous profile back") != std::string::npos);
    REQUIRE(l.profiles.size() == 1);
    CHECK(l.profiles[0].xml == "<VPNProfile>ours</VPNProfile>");
    CHECK(localStore.calls.empty()); // the admin's own partition is not looked at
    CHECK(fs::is_empty(testRoot()));
}

TEST_CASE("broker: the admin's own profile stays local; without elevation nothing runs") {
    Rig rig(elevatedAdminIn(admin));
    auto& [runner, client, localStore, localCopies, local, own] = rig;
    CHECK(own.apply({TunnelKind::User, admin}, "Mine", "<VPNProfile/>").ok);
    CHECK(runner.binaryPaths.empty());
    CHECK(localStore.profiles.count({admin.sid, "Mine"}) == 1);

    BrokeredProfileService standard(elevatedAdminIn(alice, false), local, client);
    const auto r = standard.apply({TunnelKind::User, alice}, "Contoso", "<VPNProfile/>");
    CHECK_FALSE(r.ok);
    REQUIRE(r.error);
    CHECK(r.error->nextStep.find("Restart as administrator") != std::string::npos);
    CHECK(standard.installState({TunnelKind::User, alice}, "Contoso").state ==
          InstallState::NeedsElevation);
    CHECK(runner.binaryPaths.empty());
}

TEST_CASE("broker: a device tunnel from an elevated admin goes through the broker") {
    Rig rig(elevatedAdminIn(alice));
    auto& [runner, client, localStore, localCopies, local, service] = rig;
    CHECK(service.apply({TunnelKind::Device, {}}, "Dev", "<VPNProfile/>").ok);
    CHECK(runner.store.profiles.count({"", "Dev"}) == 1);
}

TEST_CASE("broker: a failed or timed-out run is reported and its folder removed") {
    FakeRunner runner;
    runner.fail = makeError("Run the operation through the SYSTEM broker", CodeKind::Win32, 1460);
    BrokerClient client(runner, options(std::chrono::milliseconds(10)));
    auto r = client.run({BrokerOp::List, {TunnelKind::User, alice}, {}, {}});
    REQUIRE_FALSE(r);
    CHECK(r.error().code == 1460);
    CHECK(fs::is_empty(testRoot()));
}

TEST_CASE("broker: request and reply files round-trip every field") {
    BrokerRequest q{BrokerOp::Apply, {TunnelKind::User, alice}, "R&D \"x\"", "<a>\r\n</a>"};
    auto back = parseBrokerRequest(serializeBrokerRequest(q));
    REQUIRE(back);
    CHECK(back->target == q.target);
    CHECK(back->xml == q.xml);
    CHECK_FALSE(parseBrokerRequest("aovpn-broker-request 1\nop 1\n9\n"));
    BrokerReply x;
    x.apply.ok = true;
    x.apply.steps = {"one", "two"};
    x.apply.restoreError = makeError("restore", CodeKind::HResult, 0x80041001, "text");
    auto y = parseBrokerReply(BrokerOp::Apply, serializeBrokerReply(BrokerOp::Apply, x));
    REQUIRE(y);
    CHECK(y->apply.steps == x.apply.steps);
    REQUIRE(y->apply.restoreError);
    CHECK(y->apply.restoreError->code == 0x80041001);
    CHECK(y->apply.restoreError->meaning == x.apply.restoreError->meaning);
}

namespace {
// Counts the service starts of a real runner.
struct CountingRunner final : ServiceRunner {
    ServiceRunner& real;
    int runs = 0;
    explicit CountingRunner(ServiceRunner& r) : real(r) {}
    Result<DWORD> runOnce(const std::wstring& name, const std::wstring& binaryPath,
                          std::chrono::milliseconds timeout) override {
        ++runs;
        return real.runOnce(name, binaryPath, timeout);
    }
};
} // namespace

TEST_CASE("broker: a device tunnel listing through the real service control manager is one run, "
          "its refusal reported once") {
    auto scm = makeScmServiceRunner();
    CountingRunner runner(*scm);
    BrokerClient client(runner, options(std::chrono::seconds(60)));
    aovpn::fake::FakeProfileStore localStore;
    aovpn::fake::FakeAppliedCopies localCopies;
    LocalProfileService local(localStore, localCopies);
    BrokeredProfileService service(elevatedAdminIn(alice), local, client);
    const ProfileListing l = service.listing({TunnelKind::Device, {}});
    CHECK(runner.runs == 1);
    REQUIRE(l.error); // Wine's services do not run as SYSTEM: the broker refuses
    CHECK(l.error->meaning.find("not as SYSTEM") != std::string::npos);
    CHECK(l.recovered.empty()); // no second run whose failure would be a note
    CHECK(fs::is_empty(testRoot()));
}

TEST_CASE("broker: one real round trip through the service control manager") {
    auto runner = makeScmServiceRunner();
    BrokerClient client(*runner, options(std::chrono::seconds(60)));
    auto r = client.run({BrokerOp::List, {TunnelKind::User, alice}, {}, {}});
    REQUIRE(r);
    // Wine runs services as the prefix's user, not as SYSTEM: the broker must refuse the job.
    REQUIRE(r.value().error);
    MESSAGE("the broker answered: " << r.value().error->describe());
    CHECK(r.value().error->meaning.find("not as SYSTEM") != std::string::npos);
    CHECK(fs::is_empty(testRoot()));
}
#endif
