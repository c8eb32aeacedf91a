// aovpn connect NAME [--timeout SEC] | disconnect NAME: the connect test and hang-up, as the GUI's
// Connect test does them.
#include "cli_json.hpp"
#include "cli_platform.hpp"

#include <fmt/format.h>

#include <charconv>

namespace aovpn::cli {

using namespace aovpn::platform;

namespace {
constexpr const char* kConnectUsage = "usage: aovpn connect NAME [--timeout SEC] [--json]\n";
constexpr const char* kDisconnectUsage = "usage: aovpn disconnect NAME [--json]\n";

std::optional<int> seconds(const std::optional<std::string>& text) {
    if (!text) return 60;
    int v = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || end != text->data() + text->size() || v < 1 || v > 3600)
        return std::nullopt;
    return v;
}

void connectOutput(const PlatformRun& run, const std::string& name, const ConnectResult& r) {
    if (run.json) {
        JsonObject o;
        o.str("command", "connect").boolean("ok", r.ok).str("name", name);
        o.boolean("alreadyConnected", r.alreadyConnected).boolean("timedOut", r.timedOut);
        o.boolean("cancelled", r.cancelled).number("rasCode", r.rasCode);
        o.str("windowsMessage", r.windowsMessage).str("hint", r.hint);
        o.number("durationMs", r.duration.count()).str("assignedAddress", r.assignedAddress);
        o.raw("states", jsonStrings(r.states));
        if (r.error) o.raw("error", errorJson(*r.error));
        printJson(o.text());
        return;
    }
    for (const auto& s : r.states)
        fmt::print(stderr, "  {}\n", s);
    if (r.ok && r.alreadyConnected)
        fmt::print("\"{}\" is already connected (address {}).\n", name, r.assignedAddress);
    else if (r.ok)
        fmt::print("Connected \"{}\" in {} ms, address {}.\n", name, r.duration.count(),
                   r.assignedAddress);
    else if (r.error)
        printError(*r.error);
}
} // namespace

int runConnect(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--timeout"});
    const auto timeout = seconds(args.value("--timeout"));
    if (!args.error.empty() || args.positional.size() != 1 || !timeout ||
        !onlyFlags(args, {"--json"}))
        return usageError(args, kConnectUsage);
    auto run = startPlatform(args);
    if (!run) return kExitRefused;
    ConnectOptions o;
    o.timeout = std::chrono::seconds(*timeout);
    const std::string& name = args.positional[0];
    const ConnectResult r = run->platform->connections().connect(name, o);
    connectOutput(*run, name, r);
    return r.ok ? kExitOk : kExitRefused;
}

int runDisconnect(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {});
    if (!args.error.empty() || args.positional.size() != 1 || !onlyFlags(args, {"--json"}))
        return usageError(args, kDisconnectUsage);
    auto run = startPlatform(args);
    if (!run) return kExitRefused;
    const std::string& name = args.positional[0];
    const Status s = run->platform->connections().disconnect(name, std::chrono::seconds(20));
    if (run->json) {
        JsonObject o;
        o.str("command", "disconnect").boolean("ok", s.ok()).str("name", name);
        if (s.error) o.raw("error", errorJson(*s.error));
        printJson(o.text());
    } else if (s.error) {
        printError(*s.error);
    } else {
        fmt::print("\"{}\" is not connected.\n", name);
    }
    return s.ok() ? kExitOk : kExitRefused;
}

} // namespace aovpn::cli
