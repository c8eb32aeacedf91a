// aovpn selftest [--user ...] [--device]: the platform's self-test (platform/selftest.hpp) with
// its report printed as a table to paste into a bug report (step | OK/FAILED/SKIPPED | code |
// message) or as JSON. Offline it runs the same steps on the profile folder.
#include "platform/selftest.hpp"

#include "cli_json.hpp"
#include "cli_platform.hpp"

#include <fmt/format.h>

namespace aovpn::cli {

using namespace aovpn::platform;

namespace {
constexpr const char* kUsage =
    "usage: aovpn selftest [--user DOMAIN\\name|SID] [--device] [--json]\n";

void print(const SelfTestReport& report, bool json) {
    if (json) {
        std::string items = "[";
        for (const auto& s : report.steps)
            items += (items.size() > 1 ? "," : "") + JsonObject()
                                                         .str("step", s.step)
                                                         .str("outcome", s.outcome)
                                                         .str("code", s.code)
                                                         .str("message", s.message)
                                                         .text();
        printJson(JsonObject()
                      .str("command", "selftest")
                      .boolean("ok", !report.anyFailed())
                      .str("profile", report.profileName)
                      .raw("steps", items + "]")
                      .text());
        return;
    }
    for (const auto& s : report.steps) {
        std::string msg = s.message;
        for (auto& c : msg)
            if (c == '\n') c = ' ';
        fmt::print("{:<34} | {:<7} | {:<22} | {}\n", s.step, s.outcome, s.code, msg);
    }
}
} // namespace

int runSelfTest(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--user"});
    if (!args.error.empty() || !args.positional.empty() || !onlyFlags(args, {"--json", "--device"}))
        return usageError(args, kUsage);
    auto run = startPlatform(args);
    if (!run) return kExitRefused;
    const auto user = targetFor(*run, args, TunnelKind::User);
    if (!user) return kExitUsage;
    SelfTestOptions o;
    o.device = args.has("--device");
    const SelfTestReport report = platform::runSelfTest(*run->platform, run->session, *user, o);
    print(report, run->json);
    return report.anyFailed() ? kExitRefused : kExitOk;
}

} // namespace aovpn::cli
