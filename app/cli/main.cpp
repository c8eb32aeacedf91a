// aovpn: the console face of the engine, for scripting, CI and benchmarks.
#include "model/product.hpp"
#include "model/product_info.hpp"
#include "platform/broker.hpp"

#include "cli.hpp"
#include "cli_platform.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

namespace {

constexpr const char* kUsage = R"(usage: aovpn <command> [options]

Builds and checks Windows Always On VPN (VPNv2) profiles.

commands:
  validate FILE... [--gateway-policy PARAMETERS] [--client-pool PREFIX[,PREFIX]]
                            check ProfileXML; findings as file:line:col: severity: message;
                            --gateway-policy declares the gateway's custom IPsec policy as
                            Set-AzVpnClientIpsecParameter takes it ("-IpsecEncryption GCMAES256
                            -IpsecIntegrity GCMAES256 -IkeEncryption ... -PfsGroup ..."),
                            --client-pool the VPN client address pool
  render FILE [form] [--name NAME] [-o OUT]
                            print the profile in one form:
                              (default)      canonical ProfileXML
                              --escaped      ProfileXML escaped for the CIM ProfileXML property
                              --ps1 [--sid SID]
                                             PowerShell create-or-replace script (ASCII);
                                             --sid writes into that user's context
                              --intune       Intune custom OMA-URI setting
                              --graph-json   Microsoft Graph body of a Windows 10/11
                                             custom device configuration (Intune)
                              --syncml [--replace]
                                             SyncML Add (or Replace) of the ProfileXML node
                            for --intune, --graph-json, --syncml (off unless given; see README):
                              --quirk-server-twice  servers as fqdn;fqdn (Hicks, Windows 11)
                              --quirk-machine-eap   MachineMethod Eap in a user tunnel
                            --no-comments leaves the profile's comments out
  normalize FILE [--fix] [--no-comments] [-o OUT]
                            rewrite in canonical element order, comments kept; --fix repairs
                            misplaced elements, <App> text, empty booleans, escaped EAP text,
                            and adds routes no traffic filter lets through to a filter;
                            -o replaces OUT atomically
  rules                     list the validator's rules (id, severity, what it checks)
  check-gateway FILE [--server HOST] [--port N] [--sstp-port N] [--timeout SEC] [--json]
                [--cert FILE]... [--gateway-policy PARAMETERS]
                            ask each server what Windows would meet before applying: DNS, one
                            IKEv2 IKE_SA_INIT with the profile's proposals (UDP 500, or --port),
                            and for SSTP/Automatic one TLS handshake (TCP 443, or --sstp-port);
                            --cert gives the client certificate's CA chain for the CERTREQ check;
                            exit 0 all passed, 1 a check predicts a failure, 2 bad input,
                            3 a check could not run
  import-azure ZIP|DIR [--name NAME] [--nrpt NAMESPACE] [-o OUT]
                            the Azure portal's "Download VPN client" package (the zip or its
                            folder) as a user-tunnel profile: server, routes, gateway roots;
                            --nrpt adds an NRPT rule with the package's CustomDnsServers

platform commands (Windows: WMI, RAS and the SYSTEM broker; Linux: the offline profile folder):
  apply FILE [--user DOMAIN\name|SID] [--name NAME]
                            create or replace the profile for the user (or the machine, for a
                            device tunnel); a failed replace puts the previous profile back
  remove NAME [--user ...] [--device]
                            delete the profile and clean its registry leftovers
  list [--user ...] [--device]
                            the installed profiles (name and InstanceID)
  status NAME [--user ...] [--device]
                            installed or not, and the connection state
  connect NAME [--timeout SEC]
                            dial the profile's connection (connect test, default 60 s)
  disconnect NAME           hang up the connection
  repair-autotrigger NAME [--user ...] [--device] [--yes]
                            "Repair auto-connect": out of AutoTriggerDisabledProfilesList, the
                            RasMan\Config auto-trigger values for the user, RasMan restarted
  repair-phonebook [--user ...] [--yes]
                            move a corrupted _hiddenPbk\rasphone.pbk aside (kept as a backup)
  selftest [--device]       Windows: run every untested path with a throwaway profile and print
                            a report to paste into a bug report
  every platform command takes --json (one JSON object on stdout)
  --help                    show this text
  --version                 show the version

exit codes: 0 ok, 1 validation errors (nothing applied), 2 unreadable input or bad usage,
            3 Windows (or the offline store) refused; the mapped error is printed
)";

} // namespace

int main(int rawArgc, char** rawArgv) {
    // Started by the SCM as the one-shot SYSTEM broker: do that job only.
    if (const auto code = aovpn::platform::runBrokerIfRequested()) return *code;
#ifdef _WIN32
    // Output bytes exactly as rendered (no LF -> CRLF), like the -o files.
    _setmode(_fileno(stdout), _O_BINARY);
#endif
    std::vector<std::string> args = aovpn::cli::utf8Arguments(rawArgc, rawArgv);
    std::vector<char*> pointers;
    for (std::string& a : args)
        pointers.push_back(a.data());
    pointers.push_back(nullptr);
    const int argc = static_cast<int>(args.size());
    char** argv = pointers.data();
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
    // Last line of defence: the model does not throw, but the standard library can (a file name
    // Windows cannot represent, out of memory). Say so instead of aborting.
    try {
        if (cmd == "validate") return aovpn::cli::runValidate(argc, argv);
        if (cmd == "rules") return aovpn::cli::runRules();
        if (cmd == "render") return aovpn::cli::runRender(argc, argv);
        if (cmd == "normalize") return aovpn::cli::runNormalize(argc, argv);
        if (cmd == "check-gateway") return aovpn::cli::runCheckGateway(argc, argv);
        if (cmd == "import-azure") return aovpn::cli::runImportAzure(argc, argv);
        if (cmd == "apply") return aovpn::cli::runApply(argc, argv);
        if (cmd == "remove") return aovpn::cli::runRemove(argc, argv);
        if (cmd == "list") return aovpn::cli::runList(argc, argv);
        if (cmd == "status") return aovpn::cli::runStatus(argc, argv);
        if (cmd == "connect") return aovpn::cli::runConnect(argc, argv);
        if (cmd == "disconnect") return aovpn::cli::runDisconnect(argc, argv);
        if (cmd == "repair-autotrigger") return aovpn::cli::runRepairAutoTrigger(argc, argv);
        if (cmd == "repair-phonebook") return aovpn::cli::runRepairPhonebook(argc, argv);
        if (cmd == "selftest") return aovpn::cli::runSelfTest(argc, argv);
    } catch (const std::exception& e) {
        fmt::print(stderr, "aovpn: error: {}\n", e.what());
        return aovpn::cli::kExitUsage;
    }
    fmt::print(stderr, "aovpn: unknown command '{}' (try --help)\n", cmd);
    return aovpn::cli::kExitUsage;
}
