// `aovpn selftest`'s logic (platform/selftest.hpp) through the product's Windows path under Wine,
// with recording fakes at the seams only: an elevated admin in alice's session, so her profile
// goes through the one-shot SYSTEM broker (its job run in process, as the SCM would start it) to
// the real WmiProfileStore, guard and protected copies over the fake MDM bridge and RAS; the
// connect test through the real RasConnectionTester. Asserts the report and the calls behind it.
#ifdef _WIN32
#include "platform/selftest.hpp"

#include "fake_platform.hpp"
#include "win32/broker_win32.hpp"
#include "win32/profile_guard.hpp"
#include "win32/protected_copies.hpp"
#include "win32/protected_folder.hpp"
#include "win32/ras_connect.hpp"
#include "win32/wmi_profile_store.hpp"
#include "win32_fakes.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace aovpn::platform;
using namespace aovpn::platform::win;
namespace fs = std::filesystem;

namespace {
const Account alice{"CORP\\alice", "S-1-5-21-1-2-3-1001"};
const Account admin{"CORP\\helpdesk-admin", "S-1-5-21-1-2-3-500"};
const Account systemAccount{"NT AUTHORITY\\SYSTEM", kSystemSid};
const std::string kName = "AOVPN Studio self-test 0c0ffe";
const std::string kAlice = "user:S-1-5-21-1-2-3-1001";
const std::string kPath = "MDM_VPNv2_01.InstanceID=\"AOVPN%20Studio%20self-test%200c0ffe\","
                          "ParentID=\"./Vendor/MSFT/VPNv2\"";
constexpr auto kHangUpWait = std::chrono::milliseconds(500);

fs::path root() {
    return programDataFolder() / L"SelfTestTest";
}

void seedRasManConfig() { // real Windows has it; a fresh Wine prefix does not
    HKEY k = nullptr;
    RegCreateKeyExW(HKEY_LOCAL_MACHINE, kRasManConfigKey, 0, nullptr, 0, KEY_ALL_ACCESS, nullptr,
                    &k, nullptr);
    if (k) RegCloseKey(k);
}

// The broker's side: its job in this process over the Windows pieces as SYSTEM has them.
struct InProcessBroker final : ServiceRunner {
    std::vector<std::string>& log;
    WmiProfileStore store;
    Win32ProfileGuard guard;
    std::unique_ptr<AppliedCopies> copies = makeProtectedAppliedCopies(root() / L"Applied");
    LocalProfileService service{store, *copies, &guard};
    InProcessBroker(std::vector<std::string>& l, WmiBridge& bridge, RasApi& ras)
        : log(l), store(bridge, true), guard(ras, systemAccount, kHangUpWait) {}
    Result<DWORD> runOnce(const std::wstring&, const std::wstring& binaryPath,
                          std::chrono::milliseconds) override {
        log.push_back("broker.run");
        const fs::path exe = binaryPath.substr(1, binaryPath.find(L'"', 1) - 1);
        return runBrokerJob(exe.parent_path(), {&service, false});
    }
};

SessionInfo adminInAlicesSession() {
    SessionInfo s;
    s.process = admin;
    s.sessionUser = alice;
    s.elevated = true;
    s.sessionId = 3;
    return s;
}

BrokerOptions brokerOptions() {
    BrokerOptions o = defaultBrokerOptions();
    o.root = root() / L"Broker";
    return o;
}

class SeamPlatform final : public Platform {
  public:
    bool seeded = (seedRasManConfig(), true);
    std::vector<std::string> log;
    aovpn::fake::FakeWmiBridge bridge{log};
    aovpn::fake::FakeRasApi ras{log, bridge.connected};
    SessionInfo info = adminInAlicesSession();
    // The admin's own path (never taken for alice's profile) and the copies the app reads.
    WmiProfileStore localStore{bridge, false};
    Win32ProfileGuard localGuard{ras, admin, kHangUpWait};
    std::unique_ptr<AppliedCopies> copies = makeProtectedAppliedCopies(root() / L"Applied");
    LocalProfileService local{localStore, *copies, &localGuard};
    InProcessBroker runner{log, bridge, ras};
    BrokerClient client{runner, brokerOptions()};
    BrokeredProfileService service{info, local, client};
    RasConnectionTester tester{ras, admin};
    aovpn::fake::FakeCertificateStore certs;
    aovpn::fake::FakeSession user;

    SeamPlatform() {
        ras.entries = {{aovpn::platform::win::widen(kName), L"C:\\rasphone.pbk"}};
        ras.dialScript = {{RASCS_OpenPort, 0}, {RASCS_ConnectDevice, 809}};
    }
    std::string_view name() const override { return "Windows (seams faked)"; }
    CertificateStore& certificates() override { return certs; }
    ProfileService& profiles() override { return service; }
    ConnectionTester& connections() override { return tester; }
    Session& session() override { return user; }
    AppliedCopies& appliedCopies() override { return *copies; }
};

std::vector<std::string> outline(const SelfTestReport& r) {
    std::vector<std::string> out;
    for (const auto& s : r.steps)
        out.push_back(s.step + ": " + s.outcome);
    return out;
}

std::vector<std::string> only(const std::vector<std::string>& log, std::string_view prefix) {
    std::vector<std::string> out;
    std::copy_if(log.begin(), log.end(), std::back_inserter(out),
                 [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
    return out;
}
} // namespace

TEST_CASE("selftest through the broker and the seams: every step OK, the exact WMI calls, "
          "nothing left") {
    SeamPlatform p;
    SelfTestOptions o;
    o.profileName = kName;
    const ProfileTarget target = chooseTarget(p.info, TunnelKind::User);
    REQUIRE(target.user == alice);
    const SelfTestReport r = runSelfTest(p, p.info, target, o);
    for (const auto& s : r.steps)
        if (s.outcome != "OK") MESSAGE(s.step << ": " << s.message);
    CHECK(outline(r) ==
          std::vector<std::string>{"session: OK", "apply (user): OK", "list: OK", "read-back: OK",
                                   "replace: OK", "failing replace + restore: OK",
                                   "connect to 127.0.0.1: OK", "disconnect: OK", "remove: OK",
                                   "cleanup: OK", "stored copy + journal (user): OK"});
    REQUIRE(r.steps.size() == 11);
    CHECK(r.steps[0].message.find("CORP\\helpdesk-admin, session 3 user CORP\\alice, elevated") !=
          std::string::npos);
    CHECK(r.steps[5].message.find("HRESULT 0x80041001") == 0); // the bridge's refusal, mapped
    CHECK(r.steps[5].message.find("restored from our copy") != std::string::npos);
    CHECK(r.steps[6].message.find("RAS error 809") != std::string::npos);

    // Every WMI call in alice's context (never the admin's own partition), create-only, deletes
    // by the InstanceID as enumerated; the failing create is followed by the restore.
    const std::string put = "wmi.put " + kAlice + " flags=2 AOVPN%20Studio%20self-test%200c0ffe";
    const std::string del = "wmi.delete " + kAlice + " " + kPath;
    const auto writes = [&] {
        std::vector<std::string> w;
        for (const auto& l : p.log)
            if (l.rfind("wmi.put", 0) == 0 || l.rfind("wmi.delete", 0) == 0) w.push_back(l);
        return w;
    }();
    CHECK(writes == std::vector<std::string>{put, del, put, del, put, put, del});
    for (const auto& l : only(p.log, "wmi."))
        CHECK_MESSAGE(l.find(kAlice) != std::string::npos, l);
    // The restore wrote the XML the self-test applied (route 192.0.2.2), not the read-back.
    REQUIRE(p.bridge.putXml.size() == 4);
    CHECK(narrow(p.bridge.putXml[3]).find("192.0.2.2") != std::string::npos);
    CHECK(narrow(p.bridge.putXml[3]).find("regenerated") == std::string::npos);
    // Each profile operation was one broker run; the dial was the admin's own RAS call.
    CHECK(only(p.log, "broker.run").size() >= 7);
    CHECK(only(p.log, "ras.dial").size() == 1);
    CHECK(p.bridge.stored.empty());
    CHECK(fs::is_empty(root() / L"Broker"));
}

TEST_CASE("selftest: a broker that cannot run fails the apply step with its error, and stops") {
    SeamPlatform p;
    struct Refusing final : ServiceRunner {
        Result<DWORD> runOnce(const std::wstring&, const std::wstring&,
                              std::chrono::milliseconds) override {
            return win32Error("Start the one-shot SYSTEM broker service", ERROR_ACCESS_DENIED);
        }
    } refusing;
    BrokerClient client{refusing, brokerOptions()};
    BrokeredProfileService service{p.info, p.local, client};
    struct Wrapped final : Platform {
        SeamPlatform& base;
        ProfileService& svc;
        Wrapped(SeamPlatform& b, ProfileService& s) : base(b), svc(s) {}
        std::string_view name() const override { return "refusing broker"; }
        CertificateStore& certificates() override { return base.certs; }
        ProfileService& profiles() override { return svc; }
        ConnectionTester& connections() override { return base.tester; }
        Session& session() override { return base.user; }
        AppliedCopies& appliedCopies() override { return *base.copies; }
    } wrapped{p, service};
    SelfTestOptions o;
    o.profileName = kName;
    const SelfTestReport r = runSelfTest(wrapped, p.info, {TunnelKind::User, alice}, o);
    CHECK(outline(r) == std::vector<std::string>{"session: OK", "apply (user): FAILED",
                                                 "the other profile steps (user): SKIPPED"});
    CHECK(r.steps[1].code == "Windows error 5");
    CHECK(r.anyFailed());
    CHECK(only(p.log, "wmi.").empty()); // nothing reached the bridge
}
#endif
