// aovpn: the console face of the engine, for scripting, CI and benchmarks.
#include "model/product.hpp"
#include "model/product_info.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <string_view>

namespace {

constexpr const char* kUsage = R"(usage: aovpn <command> [options]

Builds and checks Windows Always On VPN (VPNv2) profiles.

commands:
  --help       show this text
  --version    show the version

exit codes: 0 ok, 1 validation errors, 2 unreadable input or bad usage
)";

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string_view cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (cmd == "--version") {
        fmt::print("{}\n", aovpn::productBanner());
        return 0;
    }
    fmt::print(stderr, "aovpn: unknown command '{}' (try --help)\n", cmd);
    return 2;
}
