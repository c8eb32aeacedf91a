// The Win32 profile path seen through its seams, under Wine: the real WmiProfileStore, guard,
// service and copies against recording fakes of the documented MDM bridge and RAS. Asserts the
// exact calls: context on every call, flags, object paths, hang-up -> delete -> create ->
// restore-from-our-copy, and the session rules from tokens and WTS.
#ifdef _WIN32
#include "fake_platform.hpp"
#include "win32/profile_guard.hpp"
#include "win32/session_win32.hpp"
#include "win32/wmi_profile_store.hpp"
#include "win32_fakes.hpp"

#include <doctest/doctest.h>

using namespace aovpn::platform;
using namespace aovpn::platform::win;
using aovpn::fake::FakeAppliedCopies;
using aovpn::fake::FakeRasApi;
using aovpn::fake::FakeSessionApi;
using aovpn::fake::FakeWmiBridge;

namespace {
const ProfileTarget alice{TunnelKind::User, {"CORP\\alice", "S-1-5-21-1-2-3-1001"}};
const ProfileTarget machine{TunnelKind::Device, {}};
const std::string kUser = "user:S-1-5-21-1-2-3-1001";
const std::string kPath =
    "MDM_VPNv2_01.InstanceID=\"Contoso%20VPN\",ParentID=\"./Vendor/MSFT/VPNv2\"";

std::string xml(const char* server) {
    return std::string(
               "<VPNProfile><ProfileName>Contoso VPN</ProfileName><NativeProfile><Servers>") +
           server +
           "</Servers><NativeProtocolType>IKEv2</NativeProtocolType></NativeProfile>"
           "</VPNProfile>";
}

// Real Windows has HKLM\...\RasMan\Config; a fresh Wine prefix does not: seed it.
void seedRasManConfig() {
    HKEY k = nullptr;
    RegCreateKeyExW(HKEY_LOCAL_MACHINE, kRasManConfigKey, 0, nullptr, 0, KEY_ALL_ACCESS, nullptr,
                    &k, nullptr);
    if (k) RegCloseKey(k);
}

struct Rig {
    bool seeded = (seedRasManConfig(), true);
    std::vector<std::string> log;
    FakeWmiBridge bridge{log};
    FakeRasApi ras{log, bridge.connected};
    WmiProfileStore store;
    Win32ProfileGuard guard{
        ras, {"CORP\\helpdesk-admin", "S-1-5-21-1-2-3-500"}, std::chrono::milliseconds(500)};
    FakeAppliedCopies copies;
    LocalProfileService service{store, copies, &guard};
    explicit Rig(bool system = false) : store(bridge, system) {}
};
} // namespace

TEST_CASE("replace, connected, create fails: hang-up -> delete -> create -> restore OUR copy") {
    Rig r;
    REQUIRE(r.service.apply(alice, "Contoso VPN", xml("ours.example.com")).ok);
    r.bridge.connected.insert("Contoso VPN");
    r.log.clear();
    r.bridge.putXml.clear();
    // Not well-formed: the bridge refuses it (0x80041001), as Windows does.
    const std::string bad = xml("new.example.com").substr(0, 60);
    const auto res = r.service.apply(alice, "Contoso VPN", bad);
    CHECK_FALSE(res.ok);
    CHECK(res.restoredPrevious);
    CHECK_FALSE(res.restoredFromReadBack);
    CHECK(r.log == std::vector<std::string>{
                       "wmi.enumerate " + kUser, // find, in alice's context
                       "ras.enumConnections",    // hang up before the delete
                       "ras.hangUp Contoso VPN",
                       "wmi.delete " + kUser + " " + kPath, // the InstanceID as enumerated
                       "wmi.put " + kUser + " flags=2 Contoso%20VPN", // create-only: fails
                       "wmi.put " + kUser + " flags=2 Contoso%20VPN", // restore
                   });
    REQUIRE(r.bridge.putXml.size() == 2);
    CHECK(r.bridge.putXml[0] == widen(aovpn::escapeCimString(bad)));
    REQUIRE(res.error);
    CHECK(res.error->code == 0x80041001);
    // The restore writes the XML this tool applied, not the regenerated read-back ("Ikev2").
    CHECK(r.bridge.putXml[1] == widen(aovpn::escapeCimString(xml("ours.example.com"))));
}

TEST_CASE("no copy of ours: the regenerated read-back is restored, and the result says so") {
    Rig r;
    r.bridge.seed({kUserContext, L"S-1-5-21-1-2-3-1001"}, L"Contoso%20VPN", xml("other.tool"));
    const auto res = r.service.apply(alice, "Contoso VPN", "<VPNProfile><NativeProfile>");
    CHECK(res.restoredPrevious);
    CHECK(res.restoredFromReadBack);
    CHECK(narrow(r.bridge.putXml.back()).find("Ikev2") != std::string::npos);
}

TEST_CASE("create-only on an existing instance fails 0x80041019, explained") {
    Rig r;
    r.bridge.seed({kUserContext, L"S-1-5-21-1-2-3-1001"}, L"Contoso%20VPN", xml("a"));
    const Status s = r.store.create(alice, "Contoso VPN", xml("b"));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error->code == 0x80041019);
    CHECK(s.error->meaning.find("already exists") != std::string::npos);
}

TEST_CASE("delete while connected fails 817 (so the guard hangs up first); a failed hang-up "
          "changes nothing") {
    Rig r;
    r.bridge.seed({kUserContext, L"S-1-5-21-1-2-3-1001"}, L"Contoso%20VPN", xml("a"));
    r.bridge.connected.insert("Contoso VPN");
    auto found = r.store.find(alice, "Contoso VPN");
    REQUIRE(found);
    REQUIRE(found.value());
    const Status del = r.store.remove(alice, *found.value());
    REQUIRE_FALSE(del.ok());
    CHECK(del.error->code == 0x80070331);
    CHECK(del.error->meaning.find("connected") != std::string::npos);
    r.ras.hangUpResult = ERROR_HANGUP_FAILED;
    r.log.clear();
    const auto res = r.service.apply(alice, "Contoso VPN", xml("b"));
    CHECK_FALSE(res.ok);
    CHECK(res.error->code == ERROR_HANGUP_FAILED);
    for (const auto& call : r.log)
        CHECK(call.rfind("wmi.delete", 0) == std::string::npos);
    CHECK(r.bridge.stored.size() == 1);
}

TEST_CASE("a profile another tool wrote (only spaces encoded) is found and removed as enumerated") {
    Rig r;
    r.bridge.seed({kUserContext, L"S-1-5-21-1-2-3-1001"}, L"Contoso%20(Test)", xml("a"));
    auto listed = r.service.list(alice);
    REQUIRE(listed);
    REQUIRE(listed.value().size() == 1);
    CHECK(listed.value()[0].name == "Contoso (Test)");
    CHECK(r.service.installState(alice, "Contoso (Test)").state == InstallState::Installed);
    r.log.clear();
    const auto res = r.service.remove(alice, "Contoso (Test)");
    CHECK(res.ok);
    CHECK(res.existed);
    CHECK(r.log.at(2) ==
          "wmi.delete " + kUser +
              " MDM_VPNv2_01.InstanceID=\"Contoso%20(Test)\",ParentID=\"./Vendor/MSFT/VPNv2\"");
    CHECK(r.bridge.stored.empty());
}

TEST_CASE("an InstanceID with quotes and backslashes is escaped in the object path") {
    CHECK(narrow(vpnObjectPath(L"a\"b\\c")) ==
          "MDM_VPNv2_01.InstanceID=\"a\\\"b\\\\c\",ParentID=\"./Vendor/MSFT/VPNv2\"");
}

TEST_CASE("device tunnel: no context as SYSTEM, the machine context otherwise; one per machine") {
    Rig system(true);
    const std::string device =
        "<VPNProfile><ProfileName>Dev</ProfileName><DeviceTunnel>true</DeviceTunnel></VPNProfile>";
    REQUIRE(system.service.apply(machine, "Dev", device).ok);
    for (const auto& call : system.log)
        if (call.rfind("wmi.", 0) == 0) CHECK(call.find(" no-context") != std::string::npos);
    CHECK(system.service.installState(machine, "Dev").state == InstallState::Installed);
    const auto second = system.service.apply(machine, "Dev2", device);
    CHECK_FALSE(second.ok);
    CHECK(second.error->meaning.find("only one per machine") != std::string::npos);
    Rig admin(false);
    admin.store.list(machine);
    CHECK(admin.log.back() == "wmi.enumerate machine:SYSTEM");
}

TEST_CASE("a phonebook entry of the same name from another tool is reported before any change") {
    Rig r;
    r.ras.entries = {{L"Contoso VPN", L"C:\\Users\\alice\\AppData\\Roaming\\x.pbk"}};
    const ProfileTarget me{TunnelKind::User, {"CORP\\helpdesk-admin", "S-1-5-21-1-2-3-500"}};
    const auto res = r.service.apply(me, "Contoso VPN", xml("a"));
    CHECK_FALSE(res.ok);
    CHECK(res.error->meaning.find("not made through the MDM bridge") != std::string::npos);
    CHECK(res.error->nextStep.find("Remove-VpnConnection") != std::string::npos);
    REQUIRE(r.ras.phonebooksAsked.size() == 1);
    CHECK(narrow(r.ras.phonebooksAsked[0])
              .find("Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk") != std::string::npos);
    for (const auto& call : r.log)
        CHECK(call.rfind("wmi.put", 0) == std::string::npos);
}

TEST_CASE("RasMan\\Config missing: refused with the reason, nothing written") {
    Rig r;
    REQUIRE(RegDeleteTreeW(HKEY_LOCAL_MACHINE, kRasManConfigKey) == ERROR_SUCCESS);
    RegDeleteKeyW(HKEY_LOCAL_MACHINE, kRasManConfigKey);
    const auto res = r.service.apply(alice, "Contoso VPN", xml("a"));
    CHECK_FALSE(res.ok);
    CHECK(res.error->meaning.find("RasMan\\Config is missing") != std::string::npos);
    CHECK(res.error->meaning.find("A general error occurred") != std::string::npos);
    CHECK(r.bridge.putXml.empty());
    seedRasManConfig();
    CHECK(r.service.apply(alice, "Contoso VPN", xml("a")).ok);
}

TEST_CASE("session: the RDP session's user, not the admin running the app; WTS token only as "
          "SYSTEM") {
    FakeSessionApi api;
    auto s = querySession(api);
    REQUIRE(s);
    CHECK(s.value().process.name == "CORP\\helpdesk-admin");
    REQUIRE(s.value().sessionUser);
    CHECK(s.value().sessionUser->sid == "S-1-5-21-1-2-3-1001");
    CHECK(s.value().sessionId == 3);
    CHECK(std::find(api.calls.begin(), api.calls.end(), "sessionTokenAccount 3") ==
          api.calls.end());
    CHECK(chooseTarget(s.value(), TunnelKind::User).user.name == "CORP\\alice");
    CHECK(routeFor(s.value(), chooseTarget(s.value(), TunnelKind::User)).route ==
          ProfileRoute::Broker);

    FakeSessionApi sys;
    sys.system = true;
    sys.process = {"NT AUTHORITY\\SYSTEM", "S-1-5-18"};
    sys.tokenAccount = Account{"CORP\\alice", "S-1-5-21-1-2-3-1001"};
    auto t = querySession(sys);
    REQUIRE(t);
    CHECK(sys.calls.at(2) == "sessionTokenAccount 3");
    CHECK(t.value().sessionUser->sid == "S-1-5-21-1-2-3-1001");

    FakeSessionApi service; // SYSTEM in session 0: nobody to write for
    service.system = true;
    service.process = {"NT AUTHORITY\\SYSTEM", "S-1-5-18"};
    service.session = 0;
    service.user.clear();
    auto u = querySession(service);
    REQUIRE(u);
    CHECK_FALSE(u.value().sessionUser);
    CHECK(u.value().sessionNote.find("session 0") != std::string::npos);
    CHECK(routeFor(u.value(), chooseTarget(u.value(), TunnelKind::User)).route ==
          ProfileRoute::NoUser);
}
#endif
