// Whose account a profile lands in, how an operation reaches it (this process, the SYSTEM broker,
// or not without elevation), and the hand-over argument of an elevated relaunch. Pure logic,
// tested on every OS.
#include "platform/platform.hpp"

namespace aovpn::platform {

ProfileTarget chooseTarget(const SessionInfo& session, TunnelKind kind) {
    if (kind == TunnelKind::Device) return {TunnelKind::Device, {}};
    // The user of the session this process runs in, whoever the process runs as: an elevated
    // helpdesk admin (over-the-shoulder UAC) still writes for the user at this desktop.
    if (session.sessionUser) return {TunnelKind::User, *session.sessionUser};
    if (!session.runningAsSystem) return {TunnelKind::User, session.process};
    return {TunnelKind::User, {}}; // SYSTEM with nobody in its session: refused later
}

namespace {
bool noUser(const ProfileTarget& t) {
    return t.kind == TunnelKind::User && (t.user.sid.empty() || t.user.sid == kSystemSid);
}
} // namespace

RouteDecision routeFor(const SessionInfo& s, const ProfileTarget& t) {
    if (noUser(t))
        return {ProfileRoute::NoUser, "There is no signed-in user in this session to write the "
                                      "profile for."};
    if (s.runningAsSystem) return {ProfileRoute::Local, "Running as SYSTEM."};
    const bool own = t.kind == TunnelKind::User && t.user.sid == s.process.sid;
    if (!s.elevated)
        return {ProfileRoute::NeedsElevation,
                "Writing VPN profiles through the MDM bridge needs administrator rights."};
    if (own) return {ProfileRoute::Local, "Elevated, writing the profile of this account."};
    return {ProfileRoute::Broker,
            t.kind == TunnelKind::Device
                ? "A device tunnel is written as SYSTEM: through the one-shot SYSTEM broker."
                : "Another user's profile is written as SYSTEM: through the one-shot SYSTEM "
                  "broker, in " +
                      t.user.name + "'s context."};
}

namespace {
Error trap(std::string meaning, std::string next) {
    Error e;
    e.action = "Check whose account the profile will be written into";
    e.meaning = std::move(meaning);
    e.nextStep = std::move(next);
    return e;
}
} // namespace

std::optional<Error> wrongAccountWarning(const SessionInfo& s, const ProfileTarget& target) {
    const RouteDecision d = routeFor(s, target);
    switch (d.route) {
    case ProfileRoute::Local:
    case ProfileRoute::Broker:
        return std::nullopt;
    case ProfileRoute::NoUser:
        return trap("Running as SYSTEM and nobody is signed in to this session, so there is no "
                    "user to write the profile for (it is never written for SYSTEM).",
                    "Run the app in the user's session, or name the user: aovpn apply FILE "
                    "--user DOMAIN\\name.");
    case ProfileRoute::NeedsElevation:
        break;
    }
    const std::string whose = target.kind == TunnelKind::Device
                                  ? std::string("this computer's device tunnel")
                                  : describeTarget(target) + "'s profile";
    return trap(d.why + " Without them nothing can be written for " + whose + ".",
                "Use \"Restart as administrator\": the profile still lands in " +
                    (target.kind == TunnelKind::Device ? std::string("the machine")
                                                       : describeTarget(target) + "'s account") +
                    ".");
}

std::optional<std::filesystem::path> handoffFileFromArgs(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] != kHandoffFlag) continue;
        const std::filesystem::path p(args[i + 1]);
        // Only <temp>/aovpn-handoff-<...>/document.xml, the shape the relaunch creates; the
        // platform checks owner and file type when it takes the file.
        const auto folder = p.parent_path().filename().string();
        if (p.filename() == kHandoffLeaf && folder.rfind(kHandoffPrefix, 0) == 0 &&
            folder.size() > kHandoffPrefix.size() && p.is_absolute())
            return p;
    }
    return std::nullopt;
}

Error handoffRefused(std::string why) {
    Error e;
    e.action = "Take the document handed over by the previous window";
    e.meaning = std::move(why);
    e.nextStep = "Open the document again (File > Open).";
    return e;
}

} // namespace aovpn::platform
