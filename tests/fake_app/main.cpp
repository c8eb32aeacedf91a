// aovpn-studio-scenarios: the real window (app/gui, every panel, --ui-script) over the in-memory
// fake platform, for the scenarios that need what this machine lacks: an MDM bridge, RAS, an
// installed profile, an auto-trigger owned by another user, a corrupted hidden phonebook. Wine
// has none of them, so the product exe cannot reach those screens here. Never shipped.
#include "fake_platform.hpp"
#include "gui_app.hpp"
#include "gui_options.hpp"

#include <cstdio>

namespace {

constexpr const char* kAliceSid = "S-1-5-21-1-2-3-1001";

// An admin at alice's PC (elevated), "Contoso VPN" (the User tunnel template's name) installed
// for her, its auto-connect owned by bob and switched off for it, and her hidden phonebook
// holding bytes but no entry: the shared-PC case a helpdesk meets (DOMAIN.md, "What admins hit
// in the field").
std::unique_ptr<aovpn::platform::Platform> seededFake() {
    auto p = std::make_unique<aovpn::fake::FakePlatform>();
    p->user.info.elevated = true;
    p->store.profiles[{kAliceSid, "Contoso VPN"}] =
        "<VPNProfile><ProfileName>Contoso VPN</ProfileName><NativeProfile><Servers>"
        "vpn.contoso.com</Servers></NativeProfile></VPNProfile>";
    auto& trigger = p->tester.autoTrigger;
    trigger.ownerSid = "S-1-5-21-1-2-3-1002";
    trigger.ownerAccount = "CORP\\bob";
    trigger.entryName = "Contoso VPN";
    trigger.disabledForProfile = true;
    trigger.disabledList = {"Contoso VPN"};
    auto& pbk = p->tester.hiddenPbk;
    pbk.path = "C:\\Users\\alice\\AppData\\Roaming\\Microsoft\\Network\\Connections\\Pbk\\"
               "_hiddenPbk\\rasphone.pbk";
    pbk.exists = pbk.corrupted = true;
    pbk.bytes = 4096;
    pbk.summary = pbk.path + " holds 4096 bytes but no entry RAS can read: it is corrupted, and "
                             "the profile can vanish for this user. Move it aside (a backup is "
                             "kept).";
    return p;
}

} // namespace

int main(int argc, char** argv) {
    const auto parsed = aovpn::app::parseGuiOptions(argc, argv);
    if (!parsed.options) {
        std::fputs(parsed.message.c_str(), parsed.exitCode == 0 ? stdout : stderr);
        return parsed.exitCode;
    }
    return aovpn::app::runGui(*parsed.options, seededFake);
}
