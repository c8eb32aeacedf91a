// The words of "Repair auto-connect" and of moving a corrupted hidden phonebook aside: what the
// GUI asks and shows and what the CLI prints come from here, so they cannot drift apart.
#include "platform/platform.hpp"

#include <algorithm>
#include <cctype>

namespace aovpn::platform {

namespace {
constexpr std::string_view kEveryone = "S-1-1-0"; // an all-user (device) profile's owner

bool sameText(std::string_view a, std::string_view b) {
    return std::ranges::equal(
        a, b, [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

std::string inQuotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

// The SID the repair writes for this target (Hicks: Everyone for an all-user profile).
std::string ownerSidFor(const ProfileTarget& t) {
    return t.kind == TunnelKind::Device ? std::string(kEveryone) : t.user.sid;
}
} // namespace

std::string autoTriggerOwner(const AutoTriggerStatus& s) {
    if (!s.ownerAccount.empty()) return s.ownerAccount;
    if (!s.ownerSid.empty()) return s.ownerSid;
    return "nobody";
}

bool autoTriggerOwnedElsewhere(const AutoTriggerStatus& s, const ProfileTarget& target,
                               std::string_view profileName) {
    if (s.ownerSid.empty() && s.entryName.empty()) return false; // nobody owns it
    return !sameText(s.ownerSid, ownerSidFor(target)) || !sameText(s.entryName, profileName);
}

std::string autoTriggerSummary(const AutoTriggerStatus& s, const ProfileTarget& target,
                               std::string_view profileName) {
    std::string line;
    if (s.ownerSid.empty() && s.entryName.empty())
        line = "Auto-connect: no profile on this PC owns it";
    else if (!autoTriggerOwnedElsewhere(s, target, profileName))
        line = "Auto-connect: " + inQuotes(profileName) + " of " + autoTriggerOwner(s);
    else
        line = "Auto-connect: " + inQuotes(s.entryName) + " of " + autoTriggerOwner(s) + ", not " +
               inQuotes(profileName) + " of " + describeTarget(target) +
               " (on a shared PC the last provisioned user owns it)";
    if (s.disabledForProfile)
        line +=
            "; switched off for " + inQuotes(profileName) + " (AutoTriggerDisabledProfilesList)";
    return line;
}

std::string autoTriggerRepairPlan(const ProfileTarget& target, std::string_view profileName,
                                  const AutoTriggerStatus* now) {
    const std::string name = inQuotes(profileName);
    const std::string sid = ownerSidFor(target);
    std::string text =
        "Repair auto-connect for " + name + " of " + describeTarget(target) +
        "? In HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Config this will:\n";
    text += "- take " + name + " out of AutoTriggerDisabledProfilesList";
    if (now) text += now->disabledForProfile ? " (it is in it now)" : " (it is not in it now)";
    text +=
        ";\n- set UserSID to " + sid + " (" +
        (target.kind == TunnelKind::Device ? std::string("every user") : describeTarget(target)) +
        ")";
    if (now) text += ", now " + (now->ownerSid.empty() ? "unset" : now->ownerSid);
    text += ", AutoTriggerProfileEntryName to " + name;
    if (now) text += ", now " + (now->entryName.empty() ? "unset" : inQuotes(now->entryName));
    text += ", and AutoTriggerProfileGUID and AutoTriggerProfilePhonebookPath to that entry's;\n"
            "- then restart the Remote Access Connection Manager (RasMan): VPN connections that "
            "are up drop.";
    if (now && autoTriggerOwnedElsewhere(*now, target, profileName))
        text += "\n" + inQuotes(now->entryName) + " of " + autoTriggerOwner(*now) +
                " stops connecting automatically: one profile per PC owns the auto-trigger.";
    return text;
}

std::string phonebookMovePlan(const ProfileTarget& target, const PhonebookCheck& check) {
    return "Move the hidden phonebook of " + describeTarget(target) + " aside?\n" + check.summary +
           "\nIt is renamed to " + check.path +
           ".corrupt-<date>-<time> in the same folder: a backup, nothing is deleted. Apply the "
           "profile again afterwards so Windows writes its entry anew.";
}

} // namespace aovpn::platform
