// aovpn selftest [--user ...] [--device]: on a real PC, every path of README's "never run on real
// Windows" list that works without a gateway, with a throwaway profile "AOVPN Studio self-test
// <random>", as a step-by-step report (step | OK/FAILED/SKIPPED | code | message) to paste into a
// bug report. It removes what it made. Offline it runs the same steps on the profile folder.
#include "model/profile_xml.hpp"

#include "cli_json.hpp"
#include "cli_platform.hpp"

#include <fmt/format.h>

#include <random>

namespace aovpn::cli {

using namespace aovpn::platform;

namespace {
constexpr const char* kUsage =
    "usage: aovpn selftest [--user DOMAIN\\name|SID] [--device] [--json]\n";

struct Step {
    std::string name, outcome, code, message;
};

class Report {
  public:
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
    bool anyFailed() const {
        for (const auto& s : steps_)
            if (s.outcome == "FAILED") return true;
        return false;
    }
    void print(bool json) const;

  private:
    void add(std::string n, std::string o, std::string c, std::string m) {
        steps_.push_back({std::move(n), std::move(o), std::move(c), std::move(m)});
    }
    std::vector<Step> steps_;
};

void Report::print(bool json) const {
    if (json) {
        std::string items = "[";
        for (const auto& s : steps_)
            items += (items.size() > 1 ? "," : "") + JsonObject()
                                                         .str("step", s.name)
                                                         .str("outcome", s.outcome)
                                                         .str("code", s.code)
                                                         .str("message", s.message)
                                                         .text();
        printJson(JsonObject()
                      .str("command", "selftest")
                      .boolean("ok", !anyFailed())
                      .raw("steps", items + "]")
                      .text());
        return;
    }
    for (const auto& s : steps_) {
        std::string msg = s.message;
        for (auto& c : msg)
            if (c == '\n') c = ' ';
        fmt::print("{:<34} | {:<7} | {:<22} | {}\n", s.name, s.outcome, s.code, msg);
    }
}

std::string throwawayName() {
    std::random_device rd;
    return fmt::format("AOVPN Studio self-test {:06x}", rd() & 0xFFFFFF);
}

// A profile Windows accepts without a certificate; it points at 127.0.0.1 so the dial fails fast.
std::string profileXml(const std::string& name, bool device, int route) {
    const std::string auth =
        device ? "<MachineMethod>Certificate</MachineMethod>" : "<UserMethod>Mschapv2</UserMethod>";
    return fmt::format("<VPNProfile><ProfileName>{}</ProfileName>{}<NativeProfile>"
                       "<Servers>127.0.0.1</Servers><RoutingPolicyType>SplitTunnel"
                       "</RoutingPolicyType><NativeProtocolType>IKEv2</NativeProtocolType>"
                       "<Authentication>{}</Authentication></NativeProfile><Route><Address>"
                       "192.0.2.{}</Address><PrefixSize>32</PrefixSize></Route></VPNProfile>",
                       name, device ? "<DeviceTunnel>true</DeviceTunnel>" : "", auth, route);
}

void profileSteps(Platform& p, const ProfileTarget& t, const std::string& name, bool device,
                  Report& rep);
void deviceSteps(Platform& p, const SessionInfo& s, const std::string& name, Report& rep);
} // namespace

int runSelfTest(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--user"});
    if (!args.error.empty() || !args.positional.empty() || !onlyFlags(args, {"--json", "--device"}))
        return usageError(args, kUsage);
    auto run = startPlatform(args);
    if (!run) return kExitRefused;
    const auto user = targetFor(*run, args, TunnelKind::User);
    if (!user) return kExitUsage;
    Report rep;
    const SessionInfo& s = run->session;
    rep.ok("session", "process " + s.process.name + ", session " + std::to_string(s.sessionId) +
                          " user " + (s.sessionUser ? s.sessionUser->name : "(none)") +
                          (s.elevated ? ", elevated" : ", not elevated") +
                          (s.runningAsSystem ? ", SYSTEM" : "") + " (" +
                          std::string(run->platform->name()) + ")");
    const std::string name = throwawayName();
    // As SYSTEM with nobody signed in (Intune, ConfigMgr) there is no user to test for.
    if (user->user.sid.empty() || user->user.sid == kSystemSid)
        rep.skipped("user tunnel", "nobody is signed in to this session; give --user");
    else
        profileSteps(*run->platform, *user, name, false, rep);
    // The device tunnel: asked for, or as SYSTEM (where a device tunnel is written anyway).
    if (args.has("--device") || s.runningAsSystem) deviceSteps(*run->platform, s, name, rep);
    rep.print(run->json);
    return rep.anyFailed() ? kExitRefused : kExitOk;
}

namespace {
void connectSteps(Platform& p, const std::string& name, Report& rep) {
    if (!p.connections().available())
        return rep.skipped("connect + disconnect", p.connections().unavailableReason());
    ConnectOptions o;
    o.timeout = std::chrono::seconds(30);
    const ConnectResult c = p.connections().connect(name, o);
    if (c.ok)
        rep.failed("connect to 127.0.0.1", "connected, which no gateway should allow");
    else if (c.error && !c.timedOut)
        rep.ok("connect to 127.0.0.1", "refused as expected in " +
                                           std::to_string(c.duration.count()) +
                                           " ms: " + c.error->codeText() + " " + c.error->meaning);
    else
        rep.failed("connect to 127.0.0.1", c.error ? c.error->describe() : "no explained result");
    const Status d = p.connections().disconnect(name, std::chrono::seconds(10));
    if (d.ok())
        rep.ok("disconnect", "not connected afterwards");
    else
        rep.failed("disconnect", *d.error);
}

void profileSteps(Platform& p, const ProfileTarget& t, const std::string& name, bool device,
                  Report& rep) {
    const std::string kind = device ? " (device)" : " (user)";
    auto& svc = p.profiles();
    const ApplyResult a = svc.apply(t, name, profileXml(name, device, 1));
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
    const ApplyResult r = svc.apply(t, name, profileXml(name, device, 2));
    r.ok&& r.replaced ? rep.ok("replace", "replaced")
                      : rep.failed("replace", r.error ? r.error->describe() : "not replaced");
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
    if (!device) connectSteps(p, name, rep);
    const RemoveResult rm = svc.remove(t, name);
    rm.ok&& rm.existed
        ? rep.ok("remove", std::to_string(rm.leftovers.removed.size()) + " leftovers cleaned")
        : rep.failed("remove", rm.error ? rm.error->describe() : "nothing to remove");
    auto after = svc.find(t, name);
    after && !after.value() ? rep.ok("cleanup", "nothing left behind")
                            : rep.failed("cleanup", "the throwaway profile is still there");
}

// Only one device tunnel per machine: with one installed, the steps are skipped (never replaced).
void deviceSteps(Platform& p, const SessionInfo& s, const std::string& name, Report& rep) {
    const ProfileTarget machine{TunnelKind::Device, {}};
    if (!s.runningAsSystem && routeFor(s, machine).route != ProfileRoute::Broker)
        return rep.skipped("device tunnel", "needs an elevated session (the broker) or SYSTEM");
    auto all = p.profiles().list(machine);
    if (!all) return rep.failed("list (device)", all.error());
    for (const auto& i : all.value())
        if (readProfileXml(i.xml).profile.deviceTunnel.value_or(false))
            return rep.skipped("device tunnel", "this computer has the device tunnel \"" + i.name +
                                                    "\" (one per machine); left alone");
    profileSteps(p, machine, name + " device", true, rep);
}
} // namespace

} // namespace aovpn::cli
