// aovpn apply | remove | list | status: the GUI's profile service from the command line, for
// scripts, Intune and ConfigMgr (unattended, also as SYSTEM with --user).
#include "model/exports.hpp"

#include "cli_json.hpp"
#include "cli_platform.hpp"

#include <fmt/format.h>

namespace aovpn::cli {

using namespace aovpn::platform;

namespace {
constexpr const char* kApplyUsage =
    "usage: aovpn apply FILE [--user DOMAIN\\name|SID] [--name NAME] [--json]\n";
constexpr const char* kRemoveUsage =
    "usage: aovpn remove NAME [--user DOMAIN\\name|SID] [--device] [--json]\n";
constexpr const char* kListUsage =
    "usage: aovpn list [--user DOMAIN\\name|SID] [--device] [--json]\n";
constexpr const char* kStatusUsage =
    "usage: aovpn status NAME [--user DOMAIN\\name|SID] [--device] [--json]\n";

TunnelKind kindFrom(const Args& args) {
    return args.has("--device") ? TunnelKind::Device : TunnelKind::User;
}

std::string stepsJson(const std::vector<std::string>& steps) {
    return jsonStrings(steps);
}

int applyOutput(const PlatformRun& run, const ProfileTarget& t, const std::string& name,
                const ApplyResult& r) {
    if (run.json) {
        JsonObject o;
        o.str("command", "apply")
            .boolean("ok", r.ok)
            .str("name", name)
            .raw("target", targetJson(t));
        o.boolean("replaced", r.replaced).boolean("restoredPrevious", r.restoredPrevious);
        o.boolean("restoredFromReadBack", r.restoredFromReadBack).raw("steps", stepsJson(r.steps));
        if (r.error) o.raw("error", errorJson(*r.error));
        if (r.restoreError) o.raw("restoreError", errorJson(*r.restoreError));
        printJson(o.text());
    } else {
        printSteps(r.steps);
        if (r.error) printError(*r.error);
        if (r.restoreError) printError(*r.restoreError);
        if (r.ok)
            fmt::print("{} \"{}\" for {}.\n", r.replaced ? "Replaced" : "Created", name,
                       describeTarget(t));
    }
    return r.ok ? kExitOk : kExitRefused;
}
} // namespace

int runApply(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--user", "--name"});
    if (!args.error.empty() || args.positional.size() != 1 || !onlyFlags(args, {"--json"}))
        return usageError(args, kApplyUsage);
    auto loaded = loadProfile(args.positional[0]);
    if (!loaded) return kExitUsage;
    if (auto name = args.value("--name")) loaded->read.profile.profileName = *name;
    // Validation errors: nothing is applied.
    if (reportIssues(*loaded, validateProfile(loaded->read.profile), true) > 0) {
        fmt::print(stderr, "aovpn: {} has errors; nothing was applied.\n", loaded->path);
        return kExitInvalid;
    }
    const ExportInput in = exportInputFor(loaded->read.profile);
    if (in.profileName.empty()) {
        fmt::print(stderr, "aovpn: the profile has no ProfileName; give one with --name.\n");
        return kExitUsage;
    }
    auto run = startPlatform(args);
    if (!run) return kExitRefused;
    const auto t = targetFor(*run, args, in.deviceTunnel ? TunnelKind::Device : TunnelKind::User);
    if (!t) return kExitUsage;
    const ApplyResult r = run->platform->profiles().apply(*t, in.profileName, in.xml);
    return applyOutput(*run, *t, in.profileName, r);
}

int runRemove(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--user"});
    if (!args.error.empty() || args.positional.size() != 1 ||
        !onlyFlags(args, {"--json", "--device"}))
        return usageError(args, kRemoveUsage);
    auto run = startPlatform(args);
    if (!run) return kExitRefused;
    const auto t = targetFor(*run, args, kindFrom(args));
    if (!t) return kExitUsage;
    const std::string& name = args.positional[0];
    const RemoveResult r = run->platform->profiles().remove(*t, name);
    if (run->json) {
        JsonObject o;
        o.str("command", "remove")
            .boolean("ok", r.ok)
            .str("name", name)
            .raw("target", targetJson(*t));
        o.boolean("existed", r.existed).raw("steps", stepsJson(r.steps));
        o.raw("leftoversRemoved", jsonStrings(r.leftovers.removed));
        o.raw("leftoversKept", jsonStrings(r.leftovers.kept));
        if (r.error) o.raw("error", errorJson(*r.error));
        printJson(o.text());
    } else {
        printSteps(r.steps);
        printSteps(r.leftovers.removed);
        printSteps(r.leftovers.kept);
        for (const auto& e : r.leftovers.failures)
            printError(e);
        if (r.error) printError(*r.error);
        if (r.ok)
            fmt::print("{} \"{}\" for {}.\n", r.existed ? "Removed" : "Nothing to remove:", name,
                       describeTarget(*t));
    }
    return r.ok ? kExitOk : kExitRefused;
}

int runList(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--user"});
    if (!args.error.empty() || !args.positional.empty() || !onlyFlags(args, {"--json", "--device"}))
        return usageError(args, kListUsage);
    auto run = startPlatform(args);
    if (!run) return kExitRefused;
    const auto t = targetFor(*run, args, kindFrom(args));
    if (!t) return kExitUsage;
    // One call: through the SYSTEM broker one request gives the recovery notes and the list.
    const ProfileListing l = run->platform->profiles().listing(*t);
    if (run->json) {
        JsonObject o;
        o.str("command", "list").boolean("ok", !l.error).raw("target", targetJson(*t));
        o.raw("recovered", jsonStrings(l.recovered));
        std::string items = "[";
        for (const auto& p : l.profiles)
            items += (items.size() > 1 ? "," : "") + JsonObject()
                                                         .str("name", p.name)
                                                         .str("instanceId", p.instanceId)
                                                         .str("xml", p.xml)
                                                         .text();
        o.raw("profiles", items + "]");
        if (l.error) o.raw("error", errorJson(*l.error));
        printJson(o.text());
        return l.error ? kExitRefused : kExitOk;
    }
    printSteps(l.recovered);
    if (l.error) {
        printError(*l.error);
        return kExitRefused;
    }
    for (const auto& p : l.profiles)
        fmt::print("{}\t{}\n", p.name, p.instanceId);
    return kExitOk;
}

int runStatus(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--user"});
    if (!args.error.empty() || args.positional.size() != 1 ||
        !onlyFlags(args, {"--json", "--device"}))
        return usageError(args, kStatusUsage);
    auto run = startPlatform(args);
    if (!run) return kExitRefused;
    const auto t = targetFor(*run, args, kindFrom(args));
    if (!t) return kExitUsage;
    const std::string& name = args.positional[0];
    const InstallStatus s = run->platform->profiles().installState(*t, name);
    auto& tester = run->platform->connections();
    auto conn = tester.status(name);
    auto trigger = tester.autoTriggerStatus(name);
    auto pbk = tester.checkHiddenPhonebook(*t);
    const bool known = s.state == InstallState::Installed || s.state == InstallState::NotInstalled;
    if (run->json) {
        JsonObject o;
        o.str("command", "status")
            .boolean("ok", known)
            .str("name", name)
            .raw("target", targetJson(*t));
        o.boolean("installed", s.state == InstallState::Installed).str("installState", s.text);
        o.boolean("connected", conn && conn.value().connected);
        o.str("connectionState", conn ? conn.value().state : std::string());
        if (trigger)
            o.raw(
                "autoTrigger",
                JsonObject()
                    .str("ownerSid", trigger.value().ownerSid)
                    .str("ownerAccount", trigger.value().ownerAccount)
                    .str("entryName", trigger.value().entryName)
                    .boolean("disabledForProfile", trigger.value().disabledForProfile)
                    .boolean("ownedElsewhere", autoTriggerOwnedElsewhere(trigger.value(), *t, name))
                    .str("summary", autoTriggerSummary(trigger.value(), *t, name))
                    .text());
        if (pbk)
            o.raw("hiddenPhonebook", JsonObject()
                                         .str("path", pbk.value().path)
                                         .boolean("corrupted", pbk.value().corrupted)
                                         .str("summary", pbk.value().summary)
                                         .text());
        if (s.error) o.raw("error", errorJson(*s.error));
        printJson(o.text());
    } else {
        fmt::print("{}: {}\n", name, s.text);
        if (conn) fmt::print("connection: {}\n", conn.value().state);
        if (trigger)
            fmt::print("{}{}\n", autoTriggerSummary(trigger.value(), *t, name),
                       trigger.value().disabledForProfile ||
                               autoTriggerOwnedElsewhere(trigger.value(), *t, name)
                           ? " (aovpn repair-autotrigger)"
                           : "");
        if (pbk && pbk.value().corrupted)
            fmt::print("hidden phonebook: {} (aovpn repair-phonebook)\n", pbk.value().summary);
        if (s.error) printError(*s.error);
    }
    return known ? kExitOk : kExitRefused;
}

} // namespace aovpn::cli
