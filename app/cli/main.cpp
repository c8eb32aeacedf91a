// aovpn: the console face of the engine, for scripting, CI and benchmarks.
#include "model/product.hpp"
#include "model/product_info.hpp"

#include "cli.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <string_view>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

namespace {

constexpr const char* kUsage = R"(usage: aovpn <command> [options]

Builds and checks Windows Always On VPN (VPNv2) profiles.

commands:
  validate FILE...          check ProfileXML; findings as file:line:col: severity: message
  render FILE [form] [--name NAME] [-o OUT]
                            print the profile in one form:
                              (default)      canonical ProfileXML
                              --escaped      ProfileXML escaped for the CIM ProfileXML property
                              --ps1 [--sid SID]
                                             PowerShell create-or-replace script (UTF-8 BOM);
                                             --sid writes into that user's context
                              --intune       Intune custom OMA-URI setting
  normalize FILE [-o OUT]   rewrite in canonical element order; -o replaces OUT atomically
  --help                    show this text
  --version                 show the version

exit codes: 0 ok, 1 validation errors, 2 unreadable input or bad usage
)";

} // namespace

int main(int argc, char** argv) {
#ifdef _WIN32
    // Output bytes exactly as rendered (no LF -> CRLF), like the -o files.
    _setmode(_fileno(stdout), _O_BINARY);
#endif
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return aovpn::cli::kExitUsage;
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
    if (cmd == "validate") return aovpn::cli::runValidate(argc, argv);
    if (cmd == "render") return aovpn::cli::runRender(argc, argv);
    if (cmd == "normalize") return aovpn::cli::runNormalize(argc, argv);
    fmt::print(stderr, "aovpn: unknown command '{}' (try --help)\n", cmd);
    return aovpn::cli::kExitUsage;
}
