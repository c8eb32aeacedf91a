#pragma once
// The self-test (`aovpn selftest`): on a real PC, with a throwaway profile "AOVPN Studio self-test
// <random>", every path of README's "never run on real Windows" list that works without a
// gateway, as a step-by-step report (step | OK/FAILED/SKIPPED | code | message). It removes what
// it made and checks that nothing is left: the profile, our stored copy, the replace journal.
// Here in platform (not in the CLI) so tests run it against the recording fakes of the Win32
// seams under Wine and against the fake platform natively.
#include "platform/platform.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace aovpn::platform {

struct SelfTestStep {
    std::string step;    // "apply (user)", "replace", "stored copy + journal (user)", ...
    std::string outcome; // "OK", "FAILED", "SKIPPED"
    std::string code;    // Error::codeText() of a failure ("HRESULT 0x80041001"), else ""
    std::string message; // one line for OK/SKIPPED; the full explained error for FAILED
};

struct SelfTestReport {
    std::string profileName; // the throwaway profile's name
    std::vector<SelfTestStep> steps;
    bool anyFailed() const;
};

struct SelfTestOptions {
    bool device = false;     // also the device tunnel (always when running as SYSTEM)
    std::string profileName; // empty: "AOVPN Studio self-test <6 random hex digits>"
    std::chrono::milliseconds connectTimeout{std::chrono::seconds(30)};
};

// Runs the steps for `user` (a user tunnel; skipped when it has no SID or is SYSTEM's) and, when
// asked or as SYSTEM, for the device tunnel (skipped when the PC has one already: one per
// machine, never replaced). `session` is what the platform's Session::query() gave.
SelfTestReport runSelfTest(Platform& platform, const SessionInfo& session,
                           const ProfileTarget& user, const SelfTestOptions& options = {});

// The throwaway profile: accepted by Windows without a certificate, its server 127.0.0.1 so the
// dial fails fast; `route` (1, 2) makes a replace differ.
std::string selfTestProfileXml(const std::string& name, bool device, int route);

} // namespace aovpn::platform
