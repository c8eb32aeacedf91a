// Profile > Repair auto-connect and the hidden phonebook check (ui/repairs.hpp), driven by label
// against the fake platform: the status says who owns the auto-trigger, each repair asks first
// (naming profile, account and what changes) and runs only on a yes.
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/repairs.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

using namespace aovpn;

namespace {
bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

bool logged(const ui::AppState& s, std::string_view part) {
    for (const auto& l : s.view.log)
        if (has(l.text, part)) return true;
    return false;
}

// The user tunnel template installed for CORP\alice, the app elevated (an admin at her PC).
void installed(test::UiDriver& ui) {
    ui.platform.user.info.elevated = true;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui::querySession(ui.state);
    ui.platform.store.profiles[{"S-1-5-21-1-2-3-1001", "Contoso VPN"}] = "<VPNProfile/>";
    ui::refreshInstalled(ui.state);
    ui.finishTask();
    REQUIRE(ui.state.install.installed == true);
}
} // namespace

TEST_CASE("the status shows that another user owns auto-connect; Repair asks, then rewrites it") {
    test::UiDriver ui;
    auto& trigger = ui.platform.tester.autoTrigger;
    trigger.ownerSid = "S-1-5-21-1-2-3-1002";
    trigger.ownerAccount = "CORP\\bob";
    trigger.entryName = "Contoso VPN";
    trigger.disabledForProfile = true;
    trigger.disabledList = {"Contoso VPN"};
    installed(ui);
    CHECK(has(ui.shownText(), "(!) Auto-connect: CORP\\bob, off for this profile"));
    ui.click("Repair...");
    ui.finishTask(); // reads the values now
    REQUIRE(ui.question() == "Repair auto-connect");
    const std::string& q = ui.state.view.question->text;
    CHECK(has(q, "Repair auto-connect for \"Contoso VPN\" of CORP\\alice?"));
    CHECK(has(q, "out of AutoTriggerDisabledProfilesList (it is in it now)"));
    CHECK(has(q, "UserSID to S-1-5-21-1-2-3-1001 (CORP\\alice), now S-1-5-21-1-2-3-1002"));
    CHECK(has(q, "restart the Remote Access Connection Manager (RasMan)"));
    CHECK(has(q, "of CORP\\bob stops connecting automatically"));
    ui.click("Cancel");
    ui.finishTask();
    CHECK(ui.platform.tester.repairs.empty()); // no yes, no change

    ui.click("Profile");
    ui.click("Repair auto-connect...");
    ui.finishTask();
    REQUIRE(ui.question() == "Repair auto-connect");
    ui.click("Repair");
    ui.finishTask(); // the repair
    ui.finishTask(); // the status read after it
    CHECK(ui.platform.tester.repairs == std::vector<std::string>{"Contoso VPN"});
    CHECK(logged(ui.state, "(fake) repaired Contoso VPN"));
    CHECK(logged(ui.state, "Auto-connect repaired."));
    const std::string shown = ui.shownText();
    CHECK(has(shown, "Auto-connect: CORP\\alice"));
    CHECK_FALSE(has(shown, "(!) Auto-connect"));
    ui.frame();
    CHECK(ui.find("Repair...") == nullptr); // nothing left to repair
}

TEST_CASE("Repair auto-connect needs an installed profile and administrator rights, and says so") {
    test::UiDriver ui;
    installed(ui);
    CHECK(ui::availableRepairs(ui.state).autoConnect);
    ui.platform.user.info.elevated = false;
    ui::querySession(ui.state);
    auto a = ui::availableRepairs(ui.state);
    CHECK_FALSE(a.autoConnect);
    CHECK(has(a.whyAutoConnect, "Needs administrator rights"));
    ui.click("Profile");
    ui.click("Repair auto-connect...");
    ui.finishTask();
    CHECK(ui.question().empty());

    ui.state.install.installed = false;
    ui.platform.user.info.elevated = true;
    ui::querySession(ui.state);
    a = ui::availableRepairs(ui.state);
    CHECK_FALSE(a.autoConnect);
    CHECK(has(a.whyAutoConnect, "is not installed for CORP\\alice"));

    ui.platform.tester.isAvailable = false; // no RAS (Linux authoring mode)
    a = ui::availableRepairs(ui.state);
    CHECK(a.whyAutoConnect == "Connect test is not available (fake)");
    CHECK(a.whyPhonebook == "Connect test is not available (fake)");
}

TEST_CASE("a corrupted hidden phonebook shows in the status and is moved aside after a yes") {
    test::UiDriver ui;
    auto& pbk = ui.platform.tester.hiddenPbk;
    pbk.path = "C:\\Users\\alice\\AppData\\Roaming\\Microsoft\\Network\\Connections\\Pbk\\"
               "_hiddenPbk\\rasphone.pbk";
    pbk.exists = pbk.corrupted = true;
    pbk.bytes = 312;
    pbk.summary = pbk.path + " holds 312 bytes but no entry RAS can read: it is corrupted.";
    installed(ui);
    CHECK(has(ui.shownText(), "(!) Hidden phonebook corrupted"));
    ui.click("Move aside...");
    ui.finishTask();
    REQUIRE(ui.question() == "Move the phonebook aside");
    const std::string& q = ui.state.view.question->text;
    CHECK(has(q, "Move the hidden phonebook of CORP\\alice aside?"));
    CHECK(has(q, pbk.summary));
    CHECK(has(q, "nothing is deleted"));
    ui.click("Cancel");
    CHECK(pbk.corrupted); // untouched

    ui.click("Profile");
    ui.click("Check hidden phonebook...");
    ui.finishTask();
    REQUIRE(ui.question() == "Move the phonebook aside");
    ui.click("Move aside");
    ui.finishTask(); // the move
    ui.finishTask(); // the status read after it
    CHECK_FALSE(pbk.corrupted);
    CHECK(logged(ui.state, "Moved the hidden phonebook aside to " + pbk.path + ".corrupt-fake"));
    CHECK_FALSE(has(ui.shownText(), "Hidden phonebook corrupted"));

    // A sound one: said so, nothing asked.
    ui.click("Profile");
    ui.click("Check hidden phonebook...");
    ui.finishTask();
    CHECK(ui.question().empty());
    CHECK(ui.state.view.status == "Hidden phonebook: nothing wrong (see the log).");
}

TEST_CASE("a device tunnel has no hidden phonebook to check") {
    test::UiDriver ui;
    installed(ui);
    ui.state.doc.profile.deviceTunnel = true;
    const auto a = ui::availableRepairs(ui.state);
    CHECK_FALSE(a.phonebook);
    CHECK(has(a.whyPhonebook, "device tunnel has no hidden phonebook"));
}
