#include "cli_platform.hpp"

#include "cli_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace aovpn::cli {

using namespace aovpn::platform;

std::optional<PlatformRun> startPlatform(const Args& args) {
    PlatformRun run;
    run.json = args.has("--json");
    run.platform = makeSystemPlatform();
    auto info = run.platform->session().query();
    if (!info) {
        if (run.json)
            printJson(
                JsonObject().boolean("ok", false).raw("error", errorJson(info.error())).text());
        else
            printError(info.error());
        return std::nullopt;
    }
    run.session = info.value();
    return run;
}

bool onlyFlags(const Args& args, std::initializer_list<std::string_view> allowed) {
    for (const auto& f : args.flags)
        if (std::find(allowed.begin(), allowed.end(), f) == allowed.end()) return false;
    return true;
}

std::optional<ProfileTarget> targetFor(PlatformRun& run, const Args& args, TunnelKind kind) {
    if (kind == TunnelKind::Device) return ProfileTarget{TunnelKind::Device, {}};
    const auto user = args.value("--user");
    if (!user) return chooseTarget(run.session, kind);
    auto account = run.platform->session().resolveAccount(*user);
    if (!account) {
        if (run.json)
            printJson(
                JsonObject().boolean("ok", false).raw("error", errorJson(account.error())).text());
        else
            printError(account.error());
        return std::nullopt;
    }
    return ProfileTarget{TunnelKind::User, account.value()};
}

void printError(const Error& e) {
    std::string text = e.describe();
    fmt::print(stderr, "aovpn: {}\n", text);
}

void printSteps(const std::vector<std::string>& steps) {
    for (const auto& s : steps)
        fmt::print(stderr, "  {}\n", s);
}

void printJson(const std::string& object) {
    fmt::print("{}\n", object);
    std::fflush(stdout);
}

} // namespace aovpn::cli
