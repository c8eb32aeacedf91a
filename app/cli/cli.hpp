#pragma once
// Shared pieces of the aovpn console commands: loading a profile, reporting diagnostics in the
// compiler format editors understand ("file:line:col: error: message"), and atomic output.
#include "model/gateway_info.hpp"
#include "model/profile_xml.hpp"
#include "model/validate.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1; // validation errors
inline constexpr int kExitUsage = 2;   // unreadable input or bad usage

struct LoadedProfile {
    std::string path;
    std::string text;
    ReadResult read;
};

// Reads and parses FILE, printing the reader's findings; on failure prints why (stderr) and
// returns nothing.
std::optional<LoadedProfile> loadProfile(const std::string& path);
// The reader's findings of one severity (the suppressed ones count as warnings).
std::size_t countReadFindings(const ReadResult& read, Severity severity);

// "file:line:col: severity: message" (or "file: severity: message" without a place).
void report(std::string_view file, int line, int column, std::string_view severity,
            std::string_view message);
void reportXml(std::string_view file, const XmlDiagnostic& d, std::string_view severity);
// A reader finding with its own severity, rule and field, and its hint as a note.
void reportFinding(std::string_view file, const XmlDiagnostic& d);
// Validation issues, placed at the element their field path names; hints become notes.
// Returns the number of errors.
std::size_t reportIssues(const LoadedProfile& loaded, const std::vector<Issue>& issues,
                         bool errorsOnly);

// The largest input read (a file or stdin): 10,000 routes + 10,000 filters are 3 MB.
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;
// Writes to `out` atomically (temp file in the same folder, flushed, renamed; a target that is
// not a regular file is refused, its permissions are kept), or to stdout when `out` is empty.
// Prints the reason (also for a failing stdout) and returns false on failure.
bool writeOutput(const std::string& out, std::string_view bytes);

// Simple option parsing: flags, "--opt VALUE" pairs, and positionals.
struct Args {
    std::vector<std::string> positional;
    std::vector<std::string> flags;                          // "--escaped"
    std::vector<std::pair<std::string, std::string>> values; // {"--sid", "S-1-..."}
    std::string error;
    bool has(std::string_view flag) const;
    std::optional<std::string> value(std::string_view option) const;
};
Args parseArgs(int argc, char** argv, int first, const std::vector<std::string_view>& valueOptions);
// Prints the parse error (if any) and the usage text; returns kExitUsage.
int usageError(const Args& args, std::string_view usage);

// --gateway-policy TEXT (Set-AzVpnClientIpsecParameter's parameters) and --client-pool
// PREFIX[,PREFIX]; prints the error and returns nothing when either is malformed.
std::optional<GatewayInfo> gatewayFromArgs(const Args& args);

// argv as UTF-8 (on Windows from the UTF-16 command line).
std::vector<std::string> utf8Arguments(int argc, char** argv);

int runValidate(int argc, char** argv);
int runRules(); // the validator's rule catalogue
int runRender(int argc, char** argv);
int runNormalize(int argc, char** argv);
int runCheckGateway(int argc, char** argv); // exit codes: model/gateway_report.hpp
int runImportAzure(int argc, char** argv);

} // namespace aovpn::cli
