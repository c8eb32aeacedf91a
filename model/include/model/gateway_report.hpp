#pragma once
// The report of "Check gateway": per server, what each check found (DNS, IKEv2 IKE_SA_INIT,
// the gateway's CERTREQ list, SSTP's TLS certificate), as a verdict, one line and what to do.
// Pure: the platform probe fills it, the CLI and the UI render it (text or JSON).
#include <string>
#include <vector>

namespace aovpn {

enum class CheckStatus {
    Pass,         // this part would work
    Fail,         // predicts a failure (the Windows error it would be is in the text)
    Warning,      // works, with something to know
    Inconclusive, // the gateway's answer does not tell
    Skipped,      // not applicable or not possible from here (says why)
    CouldNotRun,  // the check itself failed on this machine (socket, crypto provider...)
};
std::string_view checkStatusName(CheckStatus status); // "pass", "fail", ...

struct CheckItem {
    std::string check; // stable id: "dns", "ike", "ike-certreq", "sstp-tls", "sstp-name", ...
    CheckStatus status = CheckStatus::Skipped;
    std::string summary; // one sentence
    std::string detail;  // what it means and what to do; may be empty
};

struct ServerCheck {
    std::string server;                 // as in the profile (or --server)
    std::vector<std::string> addresses; // what DNS gave, in order
    std::vector<CheckItem> items;
};

struct GatewayReport {
    std::string profileName;
    std::vector<ServerCheck> servers;
    std::vector<std::string> notes; // what the probe cannot see
    bool cancelled = false;
};

// Exit codes of `aovpn check-gateway`: 0 every check passed (warnings and skips included),
// 1 a check predicts a failure, 3 a check could not run (and none predicts a failure), 3 also
// when cancelled. (2, bad input, is decided before anything runs.)
inline constexpr int kCheckExitOk = 0;
inline constexpr int kCheckExitFailure = 1;
inline constexpr int kCheckExitBadInput = 2;
inline constexpr int kCheckExitCouldNotRun = 3;
int checkExitCode(const GatewayReport& report);

// What every report says: what one IKE_SA_INIT and one TLS handshake cannot show.
std::vector<std::string> standardNotes();

std::string renderReportText(const GatewayReport& report);
std::string renderReportJson(const GatewayReport& report);

} // namespace aovpn
