// The words of the two field repairs (platform/src/repair_text.cpp), which the GUI's questions and
// status line and the CLI's prompt and status all print.
#include "platform/platform.hpp"

#include <doctest/doctest.h>

using namespace aovpn::platform;

namespace {
const ProfileTarget alice{TunnelKind::User, {"CORP\\alice", "S-1-5-21-1-2-3-1001"}};
const ProfileTarget machine{TunnelKind::Device, {}};

AutoTriggerStatus ownedBy(std::string sid, std::string account, std::string entry) {
    AutoTriggerStatus s;
    s.ownerSid = std::move(sid);
    s.ownerAccount = std::move(account);
    s.entryName = std::move(entry);
    return s;
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}
} // namespace

TEST_CASE("the auto-trigger's owner: this profile of this account, or someone else's") {
    const auto mine = ownedBy("s-1-5-21-1-2-3-1001", "CORP\\alice", "contoso vpn");
    CHECK_FALSE(autoTriggerOwnedElsewhere(mine, alice, "Contoso VPN")); // RAS ignores case
    CHECK(autoTriggerSummary(mine, alice, "Contoso VPN") ==
          "Auto-connect: \"Contoso VPN\" of CORP\\alice");

    const auto bobs = ownedBy("S-1-5-21-1-2-3-1002", "CORP\\bob", "Contoso VPN");
    CHECK(autoTriggerOwnedElsewhere(bobs, alice, "Contoso VPN"));
    const std::string line = autoTriggerSummary(bobs, alice, "Contoso VPN");
    CHECK(has(line, "\"Contoso VPN\" of CORP\\bob, not \"Contoso VPN\" of CORP\\alice"));
    CHECK(has(line, "shared PC"));

    auto otherEntry = ownedBy("S-1-5-21-1-2-3-1001", "", "Fabrikam VPN");
    CHECK(autoTriggerOwnedElsewhere(otherEntry, alice, "Contoso VPN"));
    CHECK(autoTriggerOwner(otherEntry) == "S-1-5-21-1-2-3-1001"); // no name: the SID

    AutoTriggerStatus nobody;
    nobody.disabledForProfile = true;
    CHECK_FALSE(autoTriggerOwnedElsewhere(nobody, alice, "Contoso VPN"));
    CHECK(autoTriggerOwner(nobody) == "nobody");
    CHECK(autoTriggerSummary(nobody, alice, "Contoso VPN") ==
          "Auto-connect: no profile on this PC owns it; switched off for \"Contoso VPN\" "
          "(AutoTriggerDisabledProfilesList)");

    // A device (all-user) profile is owned by Everyone, as Hicks's script writes it.
    const auto everyone = ownedBy("S-1-1-0", "every user (all-user profile)", "Device VPN");
    CHECK_FALSE(autoTriggerOwnedElsewhere(everyone, machine, "Device VPN"));
    CHECK(autoTriggerOwnedElsewhere(everyone, alice, "Device VPN"));
}

TEST_CASE("the repair's question names profile and account and says what will change") {
    auto now = ownedBy("S-1-5-21-1-2-3-1002", "CORP\\bob", "Fabrikam VPN");
    now.disabledForProfile = true;
    const std::string plan = autoTriggerRepairPlan(alice, "Contoso VPN", &now);
    CHECK(has(plan, "Repair auto-connect for \"Contoso VPN\" of CORP\\alice?"));
    CHECK(has(plan, "RasMan\\Config"));
    CHECK(has(plan, "out of AutoTriggerDisabledProfilesList (it is in it now)"));
    CHECK(has(plan, "UserSID to S-1-5-21-1-2-3-1001 (CORP\\alice), now S-1-5-21-1-2-3-1002"));
    CHECK(has(plan, "AutoTriggerProfileEntryName to \"Contoso VPN\", now \"Fabrikam VPN\""));
    CHECK(has(plan, "AutoTriggerProfileGUID and AutoTriggerProfilePhonebookPath"));
    CHECK(has(plan, "restart the Remote Access Connection Manager (RasMan)"));
    CHECK(has(plan, "\"Fabrikam VPN\" of CORP\\bob stops connecting automatically"));

    // Unread state: the plan without "now", and no claim about another owner.
    const std::string blind = autoTriggerRepairPlan(machine, "Device VPN", nullptr);
    CHECK(has(blind, "of this computer (device tunnel)?"));
    CHECK(has(blind, "UserSID to S-1-1-0 (every user), AutoTriggerProfileEntryName"));
    CHECK_FALSE(has(blind, "now"));
    CHECK_FALSE(has(blind, "stops connecting"));
}

TEST_CASE("moving the hidden phonebook aside is asked with its path and the backup it keeps") {
    PhonebookCheck c;
    c.path = "C:\\Users\\alice\\AppData\\Roaming\\Microsoft\\Network\\Connections\\Pbk\\_hiddenPbk"
             "\\rasphone.pbk";
    c.exists = c.corrupted = true;
    c.summary = c.path + " holds 312 bytes but no entry RAS can read.";
    const std::string plan = phonebookMovePlan(alice, c);
    CHECK(has(plan, "Move the hidden phonebook of CORP\\alice aside?"));
    CHECK(has(plan, c.summary));
    CHECK(has(plan, c.path + ".corrupt-<date>-<time>"));
    CHECK(has(plan, "nothing is deleted"));
}
