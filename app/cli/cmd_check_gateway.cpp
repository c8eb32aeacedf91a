// aovpn check-gateway FILE [--server HOST] [--port N] [--sstp-port N] [--timeout SEC] [--json]
//                          [--cert FILE]... [--gateway-policy PARAMS]
#include "model/utf8_path.hpp"
#include "platform/gateway_check.hpp"

#include "cli.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdio>

namespace aovpn::cli {
namespace {

constexpr const char* kUsage =
    "usage: aovpn check-gateway FILE [--server HOST] [--port N] [--sstp-port N] [--timeout SEC]\n"
    "                           [--json] [--cert FILE]... [--gateway-policy PARAMETERS]\n";

bool parsePort(const Args& args, std::string_view name, std::uint16_t& port) {
    const auto text = args.value(name);
    if (!text) return true;
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value == 0 || value > 65535) {
        fmt::print(stderr, "aovpn: {} must be a port number 1-65535, not '{}'\n", name, *text);
        return false;
    }
    port = static_cast<std::uint16_t>(value);
    return true;
}

bool parseTimeout(const Args& args, std::chrono::milliseconds& timeout) {
    const auto text = args.value("--timeout");
    if (!text) return true;
    double seconds = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), seconds);
    if (ec != std::errc() || end != text->data() + text->size() || !(seconds >= 0.1) ||
        seconds > 120) {
        fmt::print(stderr, "aovpn: --timeout must be 0.1-120 seconds, not '{}'\n", *text);
        return false;
    }
    timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
    return true;
}

std::optional<platform::GatewayCheckOptions> optionsFrom(const Args& args) {
    platform::GatewayCheckOptions o;
    o.server = args.value("--server");
    if (!parsePort(args, "--port", o.ikePort) || !parsePort(args, "--sstp-port", o.sstpPort) ||
        !parseTimeout(args, o.timeout))
        return std::nullopt;
    for (const auto& [name, value] : args.values)
        if (name == "--cert") o.chainFiles.push_back(pathFromUtf8(value));
    return o;
}

} // namespace

int runCheckGateway(int argc, char** argv) {
    const Args args =
        parseArgs(argc, argv, 2,
                  {"--server", "--port", "--sstp-port", "--timeout", "--cert", "--gateway-policy"});
    const bool json = args.has("--json");
    if (!args.error.empty() || args.positional.size() != 1 || args.flags.size() != (json ? 1 : 0))
        return usageError(args, kUsage);
    const auto options = optionsFrom(args);
    const auto gateway = gatewayFromArgs(args);
    if (!options || !gateway) return kCheckExitBadInput;
    const auto loaded = loadProfile(args.positional.front());
    if (!loaded) return kCheckExitBadInput;
    const Profile& profile = loaded->read.profile;
    if (const std::string bad = platform::checkGatewayInput(profile, *options); !bad.empty()) {
        fmt::print(stderr, "aovpn: {}: {}\n", loaded->path, bad);
        return kCheckExitBadInput;
    }
    const GatewayReport report =
        platform::checkGateway(profile, *gateway, *options, {},
                               [](std::string_view step) { fmt::print(stderr, "... {}\n", step); });
    const std::string text = json ? renderReportJson(report) : renderReportText(report);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return checkExitCode(report);
}

} // namespace aovpn::cli
