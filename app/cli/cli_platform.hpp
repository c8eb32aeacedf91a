#pragma once
// Shared pieces of the platform commands (apply, remove, list, status, connect, disconnect,
// repair-autotrigger, selftest): the platform, whose account, output as text or --json, and the
// exit code for a refusal (3).
#include "platform/platform.hpp"

#include "cli.hpp"

#include <memory>
#include <optional>
#include <string>

namespace aovpn::cli {

inline constexpr int kExitRefused = 3; // Windows (or the offline store) refused; error printed

struct PlatformRun {
    std::unique_ptr<platform::Platform> platform;
    platform::SessionInfo session;
    bool json = false;
};

// Makes the platform and reads the session; prints why and returns nothing when that fails.
std::optional<PlatformRun> startPlatform(const Args& args);

// Every flag of args is one of `allowed`.
bool onlyFlags(const Args& args, std::initializer_list<std::string_view> allowed);

// The account a command acts for: --user DOMAIN\name|SID when given (resolved by the platform),
// else the user of this session (chooseTarget). Prints why and returns nothing on a bad --user.
std::optional<platform::ProfileTarget> targetFor(PlatformRun& run, const Args& args,
                                                 platform::TunnelKind kind);

// "aovpn: <what failed, the code, what it means, what to do>" on stderr (text mode).
void printError(const platform::Error& e);
// Lines a command did (recovery notes, steps) on stderr in text mode.
void printSteps(const std::vector<std::string>& steps);
// The one JSON object of a --json run, on stdout.
void printJson(const std::string& object);

int runApply(int argc, char** argv);
int runRemove(int argc, char** argv);
int runList(int argc, char** argv);
int runStatus(int argc, char** argv);
int runConnect(int argc, char** argv);
int runDisconnect(int argc, char** argv);
int runRepairAutoTrigger(int argc, char** argv);
int runRepairPhonebook(int argc, char** argv);
int runSelfTest(int argc, char** argv);

} // namespace aovpn::cli
