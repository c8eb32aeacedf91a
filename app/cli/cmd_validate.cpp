// aovpn validate FILE...: reader diagnostics plus the validator's findings.
#include "cli.hpp"

#include <fmt/format.h>

namespace aovpn::cli {

int runValidate(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--gateway-policy", "--client-pool"});
    if (!args.error.empty() || args.positional.empty() || !args.flags.empty()) {
        return usageError(args, "usage: aovpn validate FILE... [--gateway-policy PARAMETERS] "
                                "[--client-pool PREFIX[,PREFIX]]\n");
    }
    const std::optional<GatewayInfo> gateway = gatewayFromArgs(args);
    if (!gateway) return kExitUsage;
    int exit = kExitOk;
    for (const std::string& path : args.positional) {
        const auto loaded = loadProfile(path);
        if (!loaded) {
            exit = kExitUsage;
            continue;
        }
        const ReadResult& read = loaded->read;
        const std::vector<Issue> issues = validateProfile(read.profile, *gateway);
        const std::size_t errors =
            reportIssues(*loaded, issues, false) + countReadFindings(read, Severity::Error);
        fmt::print(stderr, "{}: {} error(s), {} warning(s), {} info\n", path, errors,
                   countIssues(issues, Severity::Warning) +
                       countReadFindings(read, Severity::Warning),
                   countIssues(issues, Severity::Info) + countReadFindings(read, Severity::Info));
        if (errors > 0 && exit == kExitOk) exit = kExitInvalid;
    }
    return exit;
}

int runRules() {
    for (const RuleInfo& r : validationRules())
        fmt::print("{:<28} {:<8} {}\n", r.id, severityName(r.severity), r.summary);
    return kExitOk;
}

} // namespace aovpn::cli
