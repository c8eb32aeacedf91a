// bench_engine: how long the profile engine takes on large profiles, next to xmllint's parse of
// the same file. Not a test: scripts/bench.sh builds it in Release and runs it.
//   generate+escape  = writeProfileXml + escapeCimString   (what the preview recomputes)
//   parse+validate   = readProfileXml + validateProfile    (what opening a file costs); a text of
//                      256 KB and up is read in two halves at once (model/src/split_read.cpp),
//                      4,096 traffic filters and more are checked in two (model/src/validate.cpp)
//   1 thread         = the same on one thread (ReadOptions::splitFrom = SIZE_MAX, and validation
//                      without its split of 4,096 traffic filters and more)
//   pugixml parse    = pugixml's own parse of the same text with the reader's options: the floor
//                      for reading (the reader parses with it, then builds the Profile)
//   xmllint          = `xmllint --noout FILE`, launched without a shell (native build only)
//   peak KB          = the most heap one generate+escape / parse+validate held at once (this
//                      program counts its allocations, pugixml's included), and the process's
//                      peak resident size
//   CPU ms           = parse+validate and pugixml's parse again, as median process CPU time
//                      (std::clock): what a run costs without the waits for a core on a loaded
//                      machine
//   faults           = page faults per parse+validate (Linux): memory the kernel maps afresh
//                      because the heap gave it back after the previous run; each costs
//                      microseconds on this VM, and a run that holds more memory takes more
#include "model/escape.hpp"
#include "model/gateway_info.hpp"
#include "model/profile_xml.hpp"
#include "model/validate.hpp"

#include "validate_internal.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <new>
#include <optional>
#include <string>
#include <vector>

#ifndef _WIN32
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
extern char** environ;
#endif

// Heap accounting: every allocation of this program goes through here, but is counted only
// inside peakHeapKb(): the counting (two atomic updates per allocation and free) nearly doubled
// the timed read of the 2.9 MB profile, so the timings run with it off. The header remembers
// whether an allocation was counted, so freeing it later keeps the tally right.
namespace {
std::atomic<std::size_t> g_heapNow{0}, g_heapPeak{0};
std::atomic<bool> g_counting{false};

void* counted(std::size_t n) {
    void* p = std::malloc(n + 16);
    if (!p) throw std::bad_alloc();
    auto* header = static_cast<std::size_t*>(p);
    header[0] = n;
    header[1] = g_counting.load(std::memory_order_relaxed) ? 1 : 0;
    if (header[1] != 0) {
        const std::size_t now = g_heapNow += n;
        std::size_t peak = g_heapPeak;
        while (now > peak && !g_heapPeak.compare_exchange_weak(peak, now)) {
        }
    }
    return static_cast<char*>(p) + 16;
}
void release(void* p) {
    if (!p) return;
    char* base = static_cast<char*>(p) - 16;
    const auto* header = reinterpret_cast<const std::size_t*>(base);
    if (header[1] != 0) g_heapNow -= header[0];
    std::free(base);
}
} // namespace

void* operator new(std::size_t n) {
    return counted(n);
}
void* operator new[](std::size_t n) {
    return counted(n);
}
void operator delete(void* p) noexcept {
    release(p);
}
void operator delete[](void* p) noexcept {
    release(p);
}
void operator delete(void* p, std::size_t) noexcept {
    release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    release(p);
}

namespace {

using namespace aovpn;

// The most heap `op` held above what was in use before it.
std::size_t peakHeapKb(const std::function<void()>& op) {
    const std::size_t before = g_heapNow;
    g_heapPeak = before;
    g_counting = true;
    op();
    g_counting = false;
    return (g_heapPeak - before) / 1024;
}

// Page faults this process took so far (minor ones: memory the kernel had to map, e.g. heap the
// allocator returned to the system after the previous run and takes back now).
long pageFaults() {
#ifndef _WIN32
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_minflt + u.ru_majflt;
#else
    return 0;
#endif
}

std::size_t peakRssKb() {
#ifndef _WIN32
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<std::size_t>(u.ru_maxrss);
#else
    return 0;
#endif
}
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

// The median of `runs` calls, in milliseconds: on a shared machine the other processes add time
// to some runs; the median is the figure a user meets, and the same run prints pugixml's parse
// of the same text beside it, so the load shows in both.
// `now` is a clock in milliseconds.
template <typename Now> double median(int runs, const std::function<void()>& op, Now now) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const double t0 = now();
        op();
        ms.push_back(now() - t0);
    }
    std::sort(ms.begin(), ms.end());
    return ms.empty() ? 0 : ms[ms.size() / 2];
}

double medianMs(int runs, const std::function<void()>& op) {
    return median(runs, op, [] {
        return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
    });
}

// The same in this process's CPU time (std::clock): on a loaded machine the wall time of a run
// also holds the time it waited for a core, which CPU time does not. (Windows' std::clock
// counts wall time.)
double medianCpuMs(int runs, const std::function<void()>& op) {
    return median(runs, op,
                  [] { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; });
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

// Parse + validate with both on one thread (by default a large profile is read in two halves at
// once, and many traffic filters are checked in two).
std::size_t parseValidateOneThread(const std::string& xml) {
    const ReadResult r = readProfileXml(xml, ReadOptions{.splitFrom = SIZE_MAX});
    return validation::validate(r.profile, GatewayInfo{}, SIZE_MAX).size() +
           r.profile.routes.size();
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
    const std::function<void()> parseOp = [&] {
        const ReadResult r = readProfileXml(xml);
        sink += validateProfile(r.profile).size() + r.profile.routes.size();
    };
    const std::function<void()> pugiOp = [&] {
        pugi::xml_document doc;
        doc.load_buffer(xml.data(), xml.size(),
                        pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_comments |
                            pugi::parse_embed_pcdata,
                        pugi::encoding_utf8);
        sink += doc.first_child() ? 1 : 0;
    };
    const double parse = medianMs(runs, parseOp);
    const double parseOne = medianMs(runs, [&] { sink += parseValidateOneThread(xml); });
    const Timings t = breakdown(profile, xml, runs, sink);
    const double pugi = medianMs(runs, pugiOp);
    const double parseCpu = medianCpuMs(runs, parseOp);
    const double pugiCpu = medianCpuMs(runs, pugiOp);
    const long faultsBefore = pageFaults();
    for (int i = 0; i < runs; ++i)
        parseOp();
    const long parseFaults = (pageFaults() - faultsBefore) / runs;
    const std::size_t genKb = peakHeapKb([&] {
        const std::string out = writeProfileXml(profile);
        sink += escapeCimString(out).size();
    });
    const std::size_t parseKb = peakHeapKb([&] {
        const ReadResult r = readProfileXml(xml);
        sink += validateProfile(r.profile).size();
    });
    const std::string path = writeTemp(xml, count);
    const std::optional<double> lint = xmllintMs(runs, path);
    std::filesystem::remove(path);
    const std::optional<double> ratio = lint ? std::optional(parse / *lint) : std::nullopt;
    fmt::print(
        "{:>7}{} {:>7.0f} {:>9.2f} {:>9.2f} {:>9.2f} {:>8.2f} {} {}  | {:>7.2f} {:>7.2f} {:>7.2f} "
        "{:>8.2f} | {:>7} {:>8} | {:>9.2f} {:>8.2f} {:>7}  ({} runs{})\n",
        count, filters ? ' ' : 'r', static_cast<double>(xml.size()) / 1024.0, gen, parse, parseOne,
        pugi, column(lint, 9), column(ratio, 6), t.write, t.escape, t.read, t.validate, genKb,
        parseKb, parseCpu, pugiCpu, parseFaults, runs, sink > 0 ? "" : ", empty?");
}

// `bench_engine --loop parse|parse1|gen N`: only that operation on the 10,000 + 10,000 profile, N
// times, for a sampling profiler (perf record) to see where the time goes.
int loop(std::string_view what, int times) {
    const Profile profile = makeProfile(10000, true);
    const std::string xml = writeProfileXml(profile);
    std::size_t sink = 0;
    for (int i = 0; i < times; ++i) {
        if (what == "parse" || what == "parse1") { // parse1: on one thread
            const ReadResult r = readProfileXml(
                xml,
                ReadOptions{.splitFrom = what == "parse1" ? SIZE_MAX : ReadOptions{}.splitFrom});
            sink += validateProfile(r.profile).size() + r.profile.routes.size();
        } else {
            sink += escapeCimString(writeProfileXml(profile)).size();
        }
    }
    fmt::print("{} x {}: {}\n", what, times, sink);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string_view(argv[1]) == "--loop")
        return loop(argv[2], std::atoi(argv[3]));
    // pugixml allocates through malloc unless told otherwise: count its pages too.
    pugi::set_memory_management_functions([](std::size_t n) { return counted(n); }, release);
    fmt::print("ms, median of N runs; N routes AND N traffic filters per profile\n");
    fmt::print("       N  XML KB  gen+esc  parse+val  1 thread  pugixml   xmllint  p/lint  |   "
               "write  escape "
               "   read validate | gen KB  parse KB | parse+val  pugixml (CPU ms)  faults\n");
    benchOne(10, 21);
    benchOne(1000, 11);
    benchOne(10000, 11);
    benchOne(10000, 11, false);
    fmt::print("(r: routes only, no traffic filters; KB: peak heap of one operation; CPU ms: "
               "median process CPU time, without the waits for a core)\n");
    fmt::print("peak resident size of this process: {} KB\n", peakRssKb());
    return 0;
}
