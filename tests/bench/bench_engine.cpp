// bench_engine: how long the profile engine takes on large profiles, next to xmllint's parse of
// the same file. Not a test: scripts/bench.sh builds it in Release and runs it.
//   generate+escape  = writeProfileXml + escapeCimString   (what the preview recomputes)
//   parse+validate   = readProfileXml + validateProfile    (what opening a file costs)
//   xmllint          = `xmllint --noout FILE`, launched without a shell (native build only)
#include "model/escape.hpp"
#include "model/profile_xml.hpp"
#include "model/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#ifndef _WIN32
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char** environ;
#endif

namespace {

using namespace aovpn;
using Clock = std::chrono::steady_clock;

Profile makeProfile(int count, bool filters) {
    Profile p;
    p.profileName = "Bench AOVPN";
    p.alwaysOn = true;
    p.trustedNetworkDetection = "corp.example.net";
    NativeProfile np;
    np.servers = {{"vpn.example.com", std::nullopt}};
    np.routingPolicyType = RoutingPolicy::SplitTunnel;
    np.nativeProtocolType = NativeProtocol::IKEv2;
    np.disableClassBasedDefaultRoute = true;
    Authentication auth;
    auth.machineMethod = MachineMethod::Certificate;
    np.authentication = auth;
    p.nativeProfile = np;
    for (int i = 0; i < count; ++i) {
        const std::string net = fmt::format("10.{}.{}.0", i / 256 % 256, i % 256);
        Route r;
        r.address = net;
        r.prefixSize = 24;
        r.metric = 1;
        p.routes.push_back(r);
        if (!filters) continue;
        TrafficFilter f;
        f.protocol = 6;
        f.remotePortRanges = "443,8443,52000-52112";
        f.remoteAddressRanges = net + "/24";
        p.trafficFilters.push_back(f);
    }
    return p;
}

// Median wall time in milliseconds of `runs` calls.
double medianMs(int runs, const std::function<void()>& op) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        op();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

#ifndef _WIN32
// One `xmllint --noout path` run; false when xmllint cannot be started or fails.
bool runXmllint(const std::string& path) {
    char prog[] = "xmllint";
    char noout[] = "--noout";
    std::string file = path;
    char* const argv[] = {prog, noout, file.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, prog, nullptr, nullptr, argv, environ) != 0) return false;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::optional<double> xmllintMs(int runs, const std::string& path) {
    if (!runXmllint(path)) return std::nullopt;
    return medianMs(runs, [&] { runXmllint(path); });
}
#else
std::optional<double> xmllintMs(int, const std::string&) {
    return std::nullopt;
}
#endif

std::string writeTemp(const std::string& xml, int count) {
    const auto path =
        std::filesystem::temp_directory_path() /
        fmt::format("aovpn-bench-{}-{}.xml", count, Clock::now().time_since_epoch().count());
    std::ofstream(path, std::ios::binary) << xml;
    return path.string();
}

struct Timings {
    double write = 0, escape = 0, read = 0, validate = 0;
};

// Each half of the two headline operations on its own, to see where the time goes.
Timings breakdown(const Profile& profile, const std::string& xml, int runs, std::size_t& sink) {
    Timings t;
    t.write = medianMs(runs, [&] { sink += writeProfileXml(profile).size(); });
    t.escape = medianMs(runs, [&] { sink += escapeCimString(xml).size(); });
    t.read = medianMs(runs, [&] { sink += readProfileXml(xml).profile.routes.size(); });
    t.validate = medianMs(runs, [&] { sink += validateProfile(profile).size(); });
    return t;
}

std::string column(std::optional<double> v, int width) {
    return v ? fmt::format("{:{}.2f}", *v, width) : fmt::format("{:>{}}", "-", width);
}

void benchOne(int count, int runs, bool filters = true) {
    const Profile profile = makeProfile(count, filters);
    const std::string xml = writeProfileXml(profile);
    std::size_t sink = 0; // keeps the optimiser from dropping the work
    const double gen = medianMs(runs, [&] {
        const std::string out = writeProfileXml(profile);
        sink += escapeCimString(out).size();
    });
    const double parse = medianMs(runs, [&] {
        const ReadResult r = readProfileXml(xml);
        sink += validateProfile(r.profile).size() + r.profile.routes.size();
    });
    const Timings t = breakdown(profile, xml, runs, sink);
    const std::string path = writeTemp(xml, count);
    const std::optional<double> lint = xmllintMs(runs, path);
    std::filesystem::remove(path);
    const std::optional<double> ratio = lint ? std::optional(parse / *lint) : std::nullopt;
    fmt::print("{:>7}{} {:>7.0f} {:>9.2f} {:>9.2f} {} {}  | {:>7.2f} {:>7.2f} {:>7.2f} {:>8.2f}  "
               "({} runs{})\n",
               count, filters ? ' ' : 'r', static_cast<double>(xml.size()) / 1024.0, gen, parse,
               column(lint, 9), column(ratio, 6), t.write, t.escape, t.read, t.validate, runs,
               sink > 0 ? "" : ", empty?");
}

} // namespace

int main() {
    fmt::print("ms, median of N runs; N routes AND N traffic filters per profile\n");
    fmt::print("       N  XML KB  gen+esc  parse+val   xmllint  p/lint  |   write  escape    read "
               "validate\n");
    benchOne(10, 21);
    benchOne(1000, 11);
    benchOne(10000, 7);
    benchOne(10000, 7, false);
    fmt::print("(r: routes only, no traffic filters)\n");
    return 0;
}
