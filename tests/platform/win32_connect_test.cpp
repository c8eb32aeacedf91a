// The connect test as Windows dials it (issue 9 §3), through the RAS seam under Wine: the entry
// from every phonebook (RasEnumEntriesW(nullptr, ...)), the EAP identity without UI passed in
// RASDIALEXTENSIONS, 703 explained, a timeout reported as a timeout, an entry already connected
// not dialled again; "Repair auto-connect" on Wine's real registry; the hidden phonebook check.
#ifdef _WIN32
#include "win32/profile_guard.hpp"
#include "win32/ras_connect.hpp"
#include "win32/session_win32.hpp"
#include "win32_fakes.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <shlobj.h>

using namespace aovpn::platform;
using namespace aovpn::platform::win;
using aovpn::fake::FakeRasApi;

namespace {
const std::wstring kPbk =
    L"C:\\Users\\alice\\AppData\\Roaming\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk";

struct Rig {
    std::vector<std::string> log;
    std::set<std::string> connected;
    FakeRasApi ras{log, connected};
    RasConnectionTester tester{ras, {"CORP\\alice", "S-1-5-21-1-2-3-1001"}};
    Rig() { ras.entries = {{L"Contoso VPN", kPbk}}; }
    ConnectResult connect(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        ConnectOptions o;
        o.timeout = timeout;
        return tester.connect("Contoso VPN", o);
    }
};

std::filesystem::path hiddenPbk() {
    PWSTR raw = nullptr;
    SHGetKnownFolderPath(FOLDERID_RoamingAppData, 0, nullptr, &raw);
    std::filesystem::path p = raw;
    CoTaskMemFree(raw);
    return p / L"Microsoft" / L"Network" / L"Connections" / L"Pbk" / L"_hiddenPbk" /
           L"rasphone.pbk";
}
} // namespace

TEST_CASE("an EAP entry: found in every phonebook, identity without UI, passed to RasDialW") {
    Rig r;
    r.ras.eapResult = 0;
    r.ras.eap = {L"alice@corp.example", {1, 2, 3, 4, 5}};
    r.ras.dialScript = {{RASCS_OpenPort, 0}, {RASCS_Authenticate, 0}, {RASCS_Connected, 0}};
    std::vector<std::string> progress;
    ConnectOptions o;
    o.onProgress = [&](std::string_view s) { progress.emplace_back(s); };
    const auto res = r.tester.connect("Contoso VPN", o);
    CHECK(res.ok);
    CHECK_FALSE(res.alreadyConnected);
    CHECK(r.log == std::vector<std::string>{
                       "ras.enumConnections",
                       "ras.enumEntries all", // RasEnumEntriesW(nullptr, nullptr, ...)
                       "ras.eapUserIdentity flags=" + std::to_string(RASEAPF_NonInteractive) +
                           " pbk=" + narrow(kPbk),
                       "ras.dial eap=5 user=alice@corp.example pbk=" + narrow(kPbk),
                   });
    CHECK(progress.back() == "Connected");
}

TEST_CASE("ERROR_INTERACTIVE_MODE (703) is explained and nothing is dialled") {
    Rig r;
    r.ras.eapResult = ERROR_INTERACTIVE_MODE;
    const auto res = r.connect();
    CHECK_FALSE(res.ok);
    CHECK(res.rasCode == 703);
    CHECK(res.hint.find("ERROR_INTERACTIVE_MODE") != std::string::npos);
    for (const auto& call : r.log)
        CHECK(call.rfind("ras.dial", 0) == std::string::npos);
}

TEST_CASE("a dial that never finishes is reported as a timeout and hung up") {
    Rig r;
    r.ras.dialScript = {{RASCS_OpenPort, 0}, {RASCS_ConnectDevice, 0}};
    const auto res = r.connect(std::chrono::milliseconds(300));
    CHECK_FALSE(res.ok);
    CHECK(res.timedOut);
    REQUIRE(res.error);
    CHECK(res.error->kind == CodeKind::Win32);
    CHECK(res.error->code == ERROR_TIMEOUT);
    CHECK(res.error->meaning.find("did not finish within") != std::string::npos);
    CHECK(res.error->describe().find("completed successfully") == std::string::npos);
    CHECK(r.log.back() == "ras.hangUp dial");
}

TEST_CASE("a failing dial carries its RAS code and hint; an unknown entry is 623") {
    Rig r;
    r.ras.dialScript = {{RASCS_OpenPort, 0}, {RASCS_ConnectDevice, 809}};
    auto res = r.connect();
    CHECK(res.rasCode == 809);
    CHECK(res.hint.find("UDP 500") != std::string::npos);
    r.ras.entries.clear();
    res = r.connect();
    CHECK(res.rasCode == 623);
}

TEST_CASE("an entry that is already connected is reported as such, not dialled; then hung up") {
    Rig r;
    r.connected.insert("Contoso VPN");
    const auto res = r.connect();
    CHECK(res.ok);
    CHECK(res.alreadyConnected);
    for (const auto& call : r.log)
        CHECK(call.rfind("ras.dial", 0) == std::string::npos);
    CHECK(r.tester.status("Contoso VPN").value().connected);
    CHECK(r.tester.disconnect("Contoso VPN", std::chrono::seconds(1)).ok());
    CHECK(r.log.back() == "ras.hangUp Contoso VPN");
    CHECK_FALSE(r.tester.status("Contoso VPN").value().connected);
}

TEST_CASE("repair auto-connect rewrites RasMan\\Config as Hicks's script does (Wine registry)") {
    HKEY k = nullptr;
    RegCreateKeyExW(HKEY_LOCAL_MACHINE, kRasManConfigKey, 0, nullptr, 0, KEY_ALL_ACCESS, nullptr,
                    &k, nullptr);
    const wchar_t list[] = L"Other\0Contoso VPN\0";
    RegSetValueExW(k, L"AutoTriggerDisabledProfilesList", 0, REG_MULTI_SZ,
                   reinterpret_cast<const BYTE*>(list), sizeof list);
    RegCloseKey(k);
    Rig r;
    auto before = r.tester.autoTriggerStatus("Contoso VPN");
    REQUIRE(before);
    CHECK(before.value().disabledForProfile);
    const ProfileTarget alice{TunnelKind::User, {"CORP\\alice", "S-1-5-21-1-2-3-1001"}};
    const auto done = r.tester.repairAutoTrigger(alice, "Contoso VPN");
    // Wine has no RasMan service to restart: the registry part is done, the restart is reported.
    if (!done) CHECK(done.error().action.find("RasMan") != std::string::npos);
    auto after = r.tester.autoTriggerStatus("Contoso VPN");
    REQUIRE(after);
    CHECK_FALSE(after.value().disabledForProfile);
    CHECK(after.value().disabledList == std::vector<std::string>{"Other"});
    CHECK(after.value().ownerSid == "S-1-5-21-1-2-3-1001");
    CHECK(after.value().entryName == "Contoso VPN");
    BYTE guid[16] = {};
    DWORD size = sizeof guid;
    CHECK(RegGetValueW(HKEY_LOCAL_MACHINE, kRasManConfigKey, L"AutoTriggerProfileGUID",
                       RRF_RT_REG_BINARY, nullptr, guid, &size) == ERROR_SUCCESS);
    CHECK(std::memcmp(guid, &r.ras.entryGuidValue, 16) == 0);
    CHECK(after.value().phonebook == narrow(kPbk)); // the file RAS found the entry in
    CHECK(std::find(r.log.begin(), r.log.end(), "ras.enumEntries all") != r.log.end());

    // An entry RAS does not know: 623, and RasMan\Config is left exactly as it was.
    r.ras.entries.clear();
    const auto missing = r.tester.repairAutoTrigger(alice, "No Such VPN");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == 623);
    const auto unchanged = r.tester.autoTriggerStatus("No Such VPN");
    CHECK(unchanged.value().entryName == "Contoso VPN");
    CHECK(unchanged.value().ownerSid == "S-1-5-21-1-2-3-1001");

    // Another user's profile (an elevated admin for bob): unknown profile folder, refused; with
    // bob's ProfileList entry, only bob's phonebook file is searched.
    Rig admin;
    const ProfileTarget bob{TunnelKind::User, {"CORP\\bob", "S-1-5-21-1-2-3-1002"}};
    const auto unknownBob = admin.tester.repairAutoTrigger(bob, "Contoso VPN");
    REQUIRE_FALSE(unknownBob);
    CHECK(unknownBob.error().meaning.find("not known on this PC") != std::string::npos);
    CHECK(admin.log.empty());
    const std::wstring profileList =
        L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-21-1-2-3-1002";
    const wchar_t home[] = L"C:\\users\\bob";
    RegSetKeyValueW(HKEY_LOCAL_MACHINE, profileList.c_str(), L"ProfileImagePath", REG_SZ, home,
                    sizeof home);
    (void)admin.tester.repairAutoTrigger(bob, "Contoso VPN");
    RegDeleteKeyW(HKEY_LOCAL_MACHINE, profileList.c_str());
    REQUIRE_FALSE(admin.ras.phonebooksAsked.empty());
    CHECK(admin.ras.phonebooksAsked.front() ==
          L"C:\\users\\bob\\AppData\\Roaming\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk");
}

TEST_CASE("a corrupted _hiddenPbk\\rasphone.pbk is found and moved aside, never deleted") {
    Win32Session session;
    const auto me = session.query();
    REQUIRE(me);
    const auto pbk = hiddenPbk();
    std::filesystem::create_directories(pbk.parent_path());
    std::ofstream(pbk, std::ios::binary) << "\x01garbage that is no phonebook";
    std::vector<std::string> log;
    std::set<std::string> connected;
    FakeRasApi ras(log, connected); // RAS parses no entry out of it
    RasConnectionTester tester(ras, me.value().process);
    const ProfileTarget self{TunnelKind::User, me.value().process};
    auto check = tester.checkHiddenPhonebook(self);
    REQUIRE(check);
    CHECK(check.value().exists);
    CHECK(check.value().corrupted);
    CHECK(check.value().summary.find("corrupted") != std::string::npos);
    auto moved = tester.moveHiddenPhonebookAside(self);
    REQUIRE(moved);
    CHECK_FALSE(std::filesystem::exists(pbk));
    CHECK(std::filesystem::file_size(std::filesystem::path(widen(moved.value()))) == 29);
    std::filesystem::remove(std::filesystem::path(widen(moved.value())));

    std::ofstream(pbk, std::ios::binary) << "[Contoso VPN]\r\nMEDIA=rastapi\r\n";
    ras.entries = {{L"Contoso VPN", pbk.wstring()}};
    check = tester.checkHiddenPhonebook(self);
    CHECK_FALSE(check.value().corrupted);
    std::filesystem::remove(pbk);
}
#endif
