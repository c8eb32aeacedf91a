// The self-test's steps (platform/selftest.hpp), over the Platform interfaces only.
#include "platform/selftest.hpp"

#include "model/profile_xml.hpp"

#include <fmt/format.h>

#include <random>

namespace aovpn::platform {

namespace {

class Recorder {
  public:
    explicit Recorder(SelfTestReport& r) : r_(r) {}
    void ok(std::string step, std::string message) {
        add(std::move(step), "OK", {}, std::move(message));
    }
    void skipped(std::string step, std::string why) {
        add(std::move(step), "SKIPPED", {}, std::move(why));
    }
    void failed(std::string step, const Error& e) {
        add(std::move(step), "FAILED", e.codeText(), e.describe());
    }
    void failed(std::string step, std::string message) {
        add(std::move(step), "FAILED", {}, std::move(message));
    }

  private:
    void add(std::string s, std::string o, std::string c, std::string m) {
        r_.steps.push_back({std::move(s), std::move(o), std::move(c), std::move(m)});
    }
    SelfTestReport& r_;
};

std::string throwawayName() {
    std::random_device rd;
    return fmt::format("AOVPN Studio self-test {:06x}", rd() & 0xFFFFFF);
}

void connectSteps(Platform& p, const std::string& name, const SelfTestOptions& o, Recorder& rep) {
    if (!p.connections().available())
        return rep.skipped("connect + disconnect", p.connections().unavailableReason());
    ConnectOptions co;
    co.timeout = o.connectTimeout;
    const ConnectResult c = p.connections().connect(name, co);
    if (c.ok)
        rep.failed("connect to 127.0.0.1", "connected, which no gateway should allow");
    else if (c.error && !c.timedOut)
        rep.ok("connect to 127.0.0.1", "refused as expected in " +
                                           std::to_string(c.duration.count()) +
                                           " ms: " + c.error->codeText() + " " + c.error->meaning);
    else
        rep.failed("connect to 127.0.0.1",
                   c.timedOut ? "no answer within " + std::to_string(o.connectTimeout.count()) +
                                    " ms (a dial to 127.0.0.1 should fail at once)"
                   : c.error ? c.error->describe()
                             : "no explained result");
    const Status d = p.connections().disconnect(name, std::chrono::seconds(10));
    if (d.ok())
        rep.ok("disconnect", "not connected afterwards");
    else
        rep.failed("disconnect", *d.error);
}

// A failing replace must put back OUR copy, never Windows' read-back.
void failingReplace(ProfileService& svc, const ProfileTarget& t, const std::string& name,
                    Recorder& rep) {
    // Not well-formed: the bridge refuses it for sure, so the restore path runs.
    const ApplyResult bad = svc.apply(t, name, "<VPNProfile><NativeProfile></VPNProfile>");
    auto back = svc.find(t, name);
    if (bad.ok)
        rep.failed("failing replace + restore", "the store accepted XML that is not well-formed");
    else if (bad.restoredPrevious && bad.restoredFromReadBack)
        rep.failed("failing replace + restore",
                   "restored from Windows' read-back although this tool kept the XML it applied");
    else if (bad.restoredPrevious && back && back.value())
        rep.ok("failing replace + restore",
               bad.error->codeText() + ", previous profile restored from our copy");
    else
        rep.failed("failing replace + restore", bad.restoreError ? *bad.restoreError : *bad.error);
}

// After the cleanup: no stored copy of ours and no replace journal for the profile.
void tracesGone(Platform& p, const ProfileTarget& t, const std::string& name,
                const std::string& kind, Recorder& rep) {
    const std::string step = "stored copy + journal" + kind;
    auto& copies = p.appliedCopies();
    auto copy = copies.load(t, name);
    if (!copy) return rep.failed(step, copy.error());
    auto journals = copies.journals(t);
    if (!journals) return rep.failed(step, journals.error());
    bool journal = false;
    for (const auto& j : journals.value())
        journal |= j.name == name;
    if (copy.value() && journal)
        rep.failed(step, "our stored copy and a replace journal of the profile are still there");
    else if (copy.value())
        rep.failed(step, "our stored copy of the profile is still there");
    else if (journal)
        rep.failed(step, "a replace journal of the profile is still there");
    else
        rep.ok(step, "our stored copy and the replace journal are gone");
}

void profileSteps(Platform& p, const ProfileTarget& t, const std::string& name, bool device,
                  const SelfTestOptions& o, Recorder& rep) {
    const std::string kind = device ? " (device)" : " (user)";
    auto& svc = p.profiles();
    const ApplyResult a = svc.apply(t, name, selfTestProfileXml(name, device, 1));
    if (!a.ok) {
        rep.failed("apply" + kind, *a.error);
        return rep.skipped("the other profile steps" + kind, "they need the applied profile");
    }
    rep.ok("apply" + kind, "created for " + describeTarget(t));
    auto listed = svc.list(t);
    bool seen = false;
    if (listed)
        for (const auto& i : listed.value())
            seen |= i.name == name;
    seen ? rep.ok("list", "the profile is listed")
         : (listed ? rep.failed("list", "the new profile is not listed")
                   : rep.failed("list", listed.error()));
    auto found = svc.find(t, name);
    if (found && found.value())
        rep.ok("read-back", std::to_string(found.value()->xml.size()) + " bytes, InstanceID " +
                                found.value()->instanceId);
    else
        found ? rep.failed("read-back", "not found") : rep.failed("read-back", found.error());
    const ApplyResult r = svc.apply(t, name, selfTestProfileXml(name, device, 2));
    r.ok&& r.replaced ? rep.ok("replace", "replaced")
                      : rep.failed("replace", r.error ? r.error->describe() : "not replaced");
    failingReplace(svc, t, name, rep);
    if (!device) connectSteps(p, name, o, rep);
    const RemoveResult rm = svc.remove(t, name);
    rm.ok&& rm.existed
        ? rep.ok("remove", std::to_string(rm.leftovers.removed.size()) + " leftovers cleaned")
        : rep.failed("remove", rm.error ? rm.error->describe() : "nothing to remove");
    auto after = svc.find(t, name);
    after && !after.value() ? rep.ok("cleanup", "nothing left behind")
                            : rep.failed("cleanup", "the throwaway profile is still there");
    tracesGone(p, t, name, kind, rep);
}

// Only one device tunnel per machine: with one installed, the steps are skipped (never replaced).
void deviceSteps(Platform& p, const SessionInfo& s, const std::string& name,
                 const SelfTestOptions& o, Recorder& rep) {
    const ProfileTarget machine{TunnelKind::Device, {}};
    if (!s.runningAsSystem && routeFor(s, machine).route != ProfileRoute::Broker)
        return rep.skipped("device tunnel", "needs an elevated session (the broker) or SYSTEM");
    auto all = p.profiles().list(machine);
    if (!all) return rep.failed("list (device)", all.error());
    for (const auto& i : all.value())
        if (readProfileXml(i.xml).profile.deviceTunnel.value_or(false))
            return rep.skipped("device tunnel", "this computer has the device tunnel \"" + i.name +
                                                    "\" (one per machine); left alone");
    profileSteps(p, machine, name + " device", true, o, rep);
}

} // namespace

bool SelfTestReport::anyFailed() const {
    for (const auto& s : steps)
        if (s.outcome == "FAILED") return true;
    return false;
}

std::string selfTestProfileXml(const std::string& name, bool device, int route) {
    const std::string auth =
        device ? "<MachineMethod>Certificate</MachineMethod>" : "<UserMethod>Mschapv2</UserMethod>";
    return fmt::format("<VPNProfile><ProfileName>{}</ProfileName>{}<NativeProfile>"
                       "<Servers>127.0.0.1</Servers><RoutingPolicyType>SplitTunnel"
                       "</RoutingPolicyType><NativeProtocolType>IKEv2</NativeProtocolType>"
                       "<Authentication>{}</Authentication></NativeProfile><Route><Address>"
                       "192.0.2.{}</Address><PrefixSize>32</PrefixSize></Route></VPNProfile>",
                       name, device ? "<DeviceTunnel>true</DeviceTunnel>" : "", auth, route);
}

SelfTestReport runSelfTest(Platform& p, const SessionInfo& s, const ProfileTarget& user,
                           const SelfTestOptions& o) {
    SelfTestReport report;
    report.profileName = o.profileName.empty() ? throwawayName() : o.profileName;
    Recorder rep(report);
    rep.ok("session", "process " + s.process.name + ", session " + std::to_string(s.sessionId) +
                          " user " + (s.sessionUser ? s.sessionUser->name : "(none)") +
                          (s.elevated ? ", elevated" : ", not elevated") +
                          (s.runningAsSystem ? ", SYSTEM" : "") + " (" + std::string(p.name()) +
                          ")");
    // As SYSTEM with nobody signed in (Intune, ConfigMgr) there is no user to test for.
    if (user.user.sid.empty() || user.user.sid == kSystemSid)
        rep.skipped("user tunnel", "nobody is signed in to this session; give --user");
    else
        profileSteps(p, user, report.profileName, false, o, rep);
    // The device tunnel: asked for, or as SYSTEM (where a device tunnel is written anyway).
    if (o.device || s.runningAsSystem) deviceSteps(p, s, report.profileName, o, rep);
    return report;
}

} // namespace aovpn::platform
