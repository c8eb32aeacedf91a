// Crash safety of a replace, for real: the aovpn CLI replaces a profile in the offline store and
// is killed with SIGKILL at random moments; a later start (aovpn list) must find the old or the
// new profile, complete, with no temp file and no journal left. Counts are printed (README cites
// them). Linux only: it needs fork/kill on the real CLI.
#ifndef _WIN32
#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace {
using Clock = std::chrono::steady_clock;

// A valid profile with `routes` host routes; `variant` makes the two versions differ.
std::string profileXml(int routes, int variant) {
    std::ostringstream x;
    x << "<VPNProfile><ProfileName>Crash Test</ProfileName><AlwaysOn>true</AlwaysOn>"
      << "<NativeProfile><Servers>vpn" << variant << ".example.com</Servers>"
      << "<RoutingPolicyType>SplitTunnel</RoutingPolicyType>"
      << "<NativeProtocolType>IKEv2</NativeProtocolType>"
      << "<Authentication><MachineMethod>Certificate</MachineMethod></Authentication>"
      << "</NativeProfile>";
    for (int i = 0; i < routes; ++i)
        x << "<Route><Address>10." << variant << "." << i / 250 << "." << i % 250 + 1
          << "</Address><PrefixSize>32</PrefixSize></Route>";
    x << "</VPNProfile>";
    return x.str();
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

pid_t spawnCli(std::vector<std::string> args, const std::string& xdg) {
    std::vector<std::string> env{"XDG_DATA_HOME=" + xdg, "PATH=/usr/bin:/bin"};
    std::vector<char*> argv, envp;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    return rc == 0 ? pid : -1;
}

int runCli(const std::vector<std::string>& args, const std::string& xdg) {
    const pid_t pid = spawnCli(args, xdg);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Scan {
    int temps = 0, journals = 0;
    bool profile = false;
};

Scan scan(const fs::path& dir) {
    Scan s;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const auto leaf = e.path().filename().string();
        if (leaf.find(".aovpn-tmp-") != std::string::npos) ++s.temps;
        if (e.path().extension() == ".replace") ++s.journals;
        if (leaf == "Crash%20Test.xml" && e.path().parent_path() == dir) s.profile = true;
    }
    return s;
}
} // namespace

TEST_CASE("kill -9 during apply never loses the profile; the next start cleans up") {
    const fs::path root = fs::path(aovpn::test::scratchDir()) / "crash-apply";
    fs::remove_all(root);
    fs::create_directories(root);
    const std::string xdg = (root / "xdg").string();
    const fs::path store = root / "xdg" / "aovpn-studio" / "profiles";
    const std::string a = (root / "a.xml").string(), b = (root / "b.xml").string();
    const std::string xmlA = profileXml(3000, 1), xmlB = profileXml(3000, 2);
    std::ofstream(a) << xmlA;
    std::ofstream(b) << xmlB;
    const std::string cli = AOVPN_CLI_EXE;
    REQUIRE(runCli({cli, "apply", a}, xdg) == 0);
    const std::string installedA = slurp(store / "Crash%20Test.xml");
    REQUIRE(runCli({cli, "apply", b}, xdg) == 0);
    const std::string installedB = slurp(store / "Crash%20Test.xml");

    // One undisturbed replace, timed, sets the range of the random kill delays.
    const auto t0 = Clock::now();
    REQUIRE(runCli({cli, "apply", a}, xdg) == 0);
    const auto full = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0);
    std::mt19937 rng(20261126);
    std::uniform_int_distribution<long> delay(0, full.count() * 9 / 10);

    int kills = 0, midReplace = 0, goneBeforeRecovery = 0, tempsBeforeRecovery = 0;
    int restored = 0, inPlace = 0, lost = 0, tempsAfter = 0, journalsAfter = 0, torn = 0;
    for (int i = 0; i < 200 || (midReplace < 20 && i < 600); ++i) {
        const pid_t pid = spawnCli({cli, "apply", i % 2 ? a : b}, xdg);
        REQUIRE(pid > 0);
        std::this_thread::sleep_for(std::chrono::microseconds(delay(rng)));
        ::kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFSIGNALED(status)) continue; // finished before the kill
        ++kills;
        const Scan before = scan(store);
        midReplace += before.journals > 0;
        goneBeforeRecovery += !before.profile;
        tempsBeforeRecovery += before.temps;
        REQUIRE(runCli({cli, "list", "--json"}, xdg) == 0); // a later start recovers
        const Scan after = scan(store);
        lost += !after.profile;
        tempsAfter += after.temps;
        journalsAfter += after.journals;
        const std::string now = after.profile ? slurp(store / "Crash%20Test.xml") : "";
        if (now != installedA && now != installedB) ++torn;
        if (before.journals > 0) (before.profile ? inPlace : restored) += 1;
    }
    MESSAGE("kill -9 during apply: "
            << kills << " kills (replace takes " << full.count() << " us), " << midReplace
            << " mid-replace, " << goneBeforeRecovery << " with the profile deleted at the "
            << "kill, " << tempsBeforeRecovery << " temp files left; "
            << "after the next start: " << restored << " put back from the journal, " << inPlace
            << " journals with the profile in place, " << lost << " lost, " << torn << " torn, "
            << tempsAfter << " temp files, " << journalsAfter << " journals");
    CHECK(kills >= 100);
    CHECK(midReplace >= 10); // the kills did land inside replaces
    CHECK(lost == 0);
    CHECK(torn == 0);
    CHECK(tempsAfter == 0);
    CHECK(journalsAfter == 0);
}
#endif
