// Whose account a profile lands in, and the elevated-relaunch hand-over file. Pure logic, tested
// on every OS.
#include "platform/platform.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

namespace aovpn::platform {

ProfileTarget chooseTarget(const SessionInfo& session, TunnelKind kind) {
    if (kind == TunnelKind::Device) return {TunnelKind::Device, {}};
    // Only SYSTEM can write into another user's context, so only then aim at the console user.
    if (session.runningAsSystem && session.console) return {TunnelKind::User, *session.console};
    return {TunnelKind::User, session.process};
}

namespace {
Error trap(std::string meaning, std::string next) {
    Error e;
    e.action = "Check whose account the profile will be written into";
    e.meaning = std::move(meaning);
    e.nextStep = std::move(next);
    return e;
}

std::optional<Error> deviceTunnelWarning(const SessionInfo& s) {
    if (s.runningAsSystem) return std::nullopt;
    return trap("A device tunnel is machine-wide and Windows only creates it from the Local "
                "SYSTEM account; this app runs as " +
                    s.process.name + ".",
                "Run AOVPN Studio as SYSTEM (for example from your deployment tool), or export "
                "the profile for Intune.");
}
} // namespace

std::optional<Error> wrongAccountWarning(const SessionInfo& s, const ProfileTarget& target) {
    if (target.kind == TunnelKind::Device) return deviceTunnelWarning(s);
    if (target.user.sid.empty())
        return trap("The account to write the profile for is unknown (no SID).",
                    "Restart AOVPN Studio from the user's session.");
    if (s.runningAsSystem && !s.console)
        return trap("Running as SYSTEM but nobody is logged on at the console, so there is no "
                    "user to write the profile for.",
                    "Have the user log on first, then try again.");
    if (s.runningAsSystem && target.user.sid == s.process.sid)
        return trap("The profile would be written into the SYSTEM account, where no user sees it.",
                    "Have the user log on at the console so their SID can be used.");
    if (!s.runningAsSystem && s.console && s.console->sid != target.user.sid)
        return trap("This app runs as " + s.process.name + " but the user at the console is " +
                        s.console->name + ". The profile would be written into " +
                        target.user.name + "'s account and " + s.console->name +
                        " would not see it.",
                    "Either let " + s.console->name +
                        " run AOVPN Studio, or run it as SYSTEM so it writes into " +
                        s.console->name + "'s account using their SID (" + s.console->sid + ").");
    return std::nullopt;
}

std::optional<std::filesystem::path> handoffFileFromArgs(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] != kHandoffFlag) continue;
        std::filesystem::path p(args[i + 1]);
        const auto leaf = p.filename().string();
        // Only files this app named itself; anything else on the command line is ignored.
        if (leaf.rfind(kHandoffPrefix, 0) == 0 && p.extension() == ".xml") return p;
    }
    return std::nullopt;
}

Result<std::string> takeHandoffDocument(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Error{"Read the document handed over by the previous window",
                     CodeKind::None,
                     0,
                     {},
                     "The hand-over file is gone (already read or removed).",
                     "Open the document again."};
    std::ostringstream text;
    text << in.rdbuf();
    in.close();
    std::error_code ec;
    std::filesystem::remove(file, ec); // a leftover temp file is harmless; ignore failures
    return text.str();
}

} // namespace aovpn::platform
