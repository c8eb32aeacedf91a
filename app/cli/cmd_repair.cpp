// aovpn repair-autotrigger NAME | repair-phonebook: the two field repairs, each after a "yes"
// (typed, or --yes when unattended).
#include "cli_json.hpp"
#include "cli_platform.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <iostream>

namespace aovpn::cli {

using namespace aovpn::platform;

namespace {
constexpr const char* kAutoUsage =
    "usage: aovpn repair-autotrigger NAME [--user DOMAIN\\name|SID] [--device] [--yes] [--json]\n";
constexpr const char* kPbkUsage =
    "usage: aovpn repair-phonebook [--user DOMAIN\\name|SID] [--yes] [--json]\n";

// --yes, or "yes" typed on stdin; unattended without --yes is a usage error (nothing done).
bool confirmed(const Args& args, const std::string& what) {
    if (args.has("--yes")) return true;
    fmt::print(stderr, "{}\nType yes to go ahead: ", what);
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return answer == "yes";
}

int finish(const PlatformRun& run, const char* command, const Result<std::vector<std::string>>& r) {
    if (run.json) {
        JsonObject o;
        o.str("command", command).boolean("ok", r.ok());
        o.raw("done", jsonStrings(r ? r.value() : std::vector<std::string>{}));
        if (!r) o.raw("error", errorJson(r.error()));
        printJson(o.text());
    } else if (r) {
        for (const auto& line : r.value())
            fmt::print("{}\n", line);
    } else {
        printError(r.error());
    }
    return r ? kExitOk : kExitRefused;
}
} // namespace

int runRepairAutoTrigger(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--user"});
    if (!args.error.empty() || args.positional.size() != 1 ||
        !onlyFlags(args, {"--json", "--device", "--yes"}))
        return usageError(args, kAutoUsage);
    auto run = startPlatform(args);
    if (!run) return kExitRefused;
    const auto t =
        targetFor(*run, args, args.has("--device") ? TunnelKind::Device : TunnelKind::User);
    if (!t) return kExitUsage;
    const std::string& name = args.positional[0];
    auto& tester = run->platform->connections();
    const auto now = tester.autoTriggerStatus(name);
    if (!confirmed(args, autoTriggerRepairPlan(*t, name, now ? &now.value() : nullptr)))
        return usageError({}, "aovpn: not confirmed; nothing was changed (use --yes unattended)\n");
    return finish(*run, "repair-autotrigger", tester.repairAutoTrigger(*t, name));
}

int runRepairPhonebook(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--user"});
    if (!args.error.empty() || !args.positional.empty() || !onlyFlags(args, {"--json", "--yes"}))
        return usageError(args, kPbkUsage);
    auto run = startPlatform(args);
    if (!run) return kExitRefused;
    const auto t = targetFor(*run, args, TunnelKind::User);
    if (!t) return kExitUsage;
    auto& tester = run->platform->connections();
    auto check = tester.checkHiddenPhonebook(*t);
    if (!check) return finish(*run, "repair-phonebook", check.error());
    if (!check.value().corrupted)
        return finish(*run, "repair-phonebook", std::vector<std::string>{check.value().summary});
    if (!confirmed(args, phonebookMovePlan(*t, check.value())))
        return usageError({}, "aovpn: not confirmed; nothing was changed (use --yes unattended)\n");
    auto moved = tester.moveHiddenPhonebookAside(*t);
    if (!moved) return finish(*run, "repair-phonebook", moved.error());
    return finish(*run, "repair-phonebook",
                  std::vector<std::string>{check.value().summary,
                                           "Moved it aside to " + moved.value() + "."});
}

} // namespace aovpn::cli
