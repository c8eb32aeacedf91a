// Issue 8 §4: Windows keyboard conventions on ImGui 1.90 - Tab and Shift+Tab walk every
// control of the window in reading order, and a key tap whose press and release arrive in one
// event batch (as remote-control tools send them) is never lost.
#include "ui/certificates.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/templates.hpp"

#include "test_paths.hpp"
#include "ui_driver.hpp"

#include <algorithm>

using namespace aovpn;

namespace {

// A profile whose form has a certificate table row and a scrolling route table.
void loadBusyForm(test::UiDriver& ui) {
    Profile p = ui::makeTemplate(ui::Template::UserTunnel);
    for (int i = 0; i < 12; ++i) {
        Route r;
        r.address = "10.0.0." + std::to_string(i);
        r.prefixSize = 32;
        p.routes.push_back(r);
    }
    ui::loadDocument(ui.state, std::move(p), {});
    platform::CertificateInfo c;
    c.commonName = "alice";
    c.thumbprint = std::string(40, 'A');
    ui.platform.certs.personal = {c};
    ui::loadCertificates(ui.state);
    ui.finishTask();
}

std::string labelOf(const test::UiDriver& ui, ImGuiID id) {
    for (const auto& it : ui.items)
        if (it.id == id) return it.label;
    return "(unlabelled)";
}

// The controls Tab (or Shift+Tab) visits from the profile name until it comes back to it.
std::vector<std::string> walk(test::UiDriver& ui, bool backwards) {
    ui.click("Profile name");
    const ImGuiID start = ui.activeId();
    std::vector<std::string> seen;
    for (int i = 0; i < 400; ++i) {
        ui.key(ImGuiKey_Tab, false, backwards);
        ui.frame();
        const ImGuiID nav = ImGui::GetCurrentContext()->NavId;
        if (nav == start) return seen;
        seen.push_back(labelOf(ui, nav));
    }
    FAIL("Tab never came back to the profile name");
    return seen;
}

bool inOrder(const std::vector<std::string>& seen, const std::vector<std::string>& wanted) {
    auto at = seen.begin();
    for (const std::string& w : wanted) {
        at = std::find_if(at, seen.end(),
                          [&](const std::string& s) { return test::UiDriver::matches(s, w); });
        if (at == seen.end()) return false;
    }
    return true;
}

} // namespace

TEST_CASE("Tab and Shift+Tab visit every control of the window in reading order") {
    test::UiDriver ui;
    loadBusyForm(ui);
    const auto forward = walk(ui, false);
    CHECK(inOrder(forward, {"User tunnel",
                            "Device tunnel",
                            "Server FQDN",
                            "Add server",
                            "Protocol",
                            "Split tunnel",
                            "Force tunnel",
                            "Refresh",
                            "alice",
                            "Validate server",
                            "Server names",
                            "Auth transform",
                            "route-address",
                            "route-prefix",
                            "route-metric",
                            "route-exclusion",
                            "remove-route",
                            "Addresses or prefixes",
                            "Add a traffic filter",
                            "DNS suffixes",
                            "AlwaysOn",
                            "ProfileXML",
                            "Copy",
                            "Apply",
                            "Copy log",
                            "Clear",
                            "General"}));
    // Every route row, also those the table scrolls to, and nothing twice.
    CHECK(std::count(forward.begin(), forward.end(), "##route-address") == 12);
    auto sorted = forward;
    std::sort(sorted.begin(), sorted.end());
    const auto unique = static_cast<std::size_t>(
        std::unique(sorted.begin(), sorted.end(),
                    [](const auto& a, const auto& b) {
                        return a == b && a != "##route-address" && a != "##route-prefix" &&
                               a != "##route-metric" && a != "##route-exclusion" &&
                               a != "x##remove-route";
                    }) -
        sorted.begin());
    std::string all;
    for (const auto& f : forward)
        all += f + " | ";
    CHECK_MESSAGE(unique == forward.size(), all);
    CHECK(std::find(forward.begin(), forward.end(), "##split") == forward.end());

    auto backward = walk(ui, true);
    std::reverse(backward.begin(), backward.end());
    CHECK(backward == forward);
}

TEST_CASE("a tap whose press and release arrive in one batch works, ten times out of ten") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.frames(2);
    for (int i = 0; i < 10; ++i)
        ui.click(i % 2 ? "User tunnel" : "Device tunnel");
    REQUIRE(ui.state.doc.undo.past.size() == 10);
    for (int i = 0; i < 10; ++i)
        ui.tap(ImGuiKey_Z, true);
    CHECK(ui.state.doc.undo.past.empty());
    CHECK(ui.state.doc.undo.future.size() == 10);
    for (int i = 0; i < 10; ++i)
        ui.tap(ImGuiKey_Y, true);
    CHECK(ui.state.doc.undo.future.empty());
    CHECK(ui.state.doc.profile.deviceTunnel == std::nullopt); // ended on "User tunnel"
    CHECK_FALSE(ui.state.doc.dirty()); // the switches gave back all user-tunnel settings

    ui.click("Device tunnel");
    REQUIRE(ui.state.doc.dirty());
    ui.tap(ImGuiKey_S, true); // never saved: Save asks for a path
    CHECK(ui.state.view.fileAction == ui::FileAction::SaveAs);
    ui.tap(ImGuiKey_Escape); // closes the path popup
    CHECK(ui.state.view.fileAction == ui::FileAction::None);
    ui.tap(ImGuiKey_O, true);
    CHECK(ui.question() == "Unsaved changes"); // asks first
}

TEST_CASE("Alt+F opens the File menu; Escape closes it; Alt alone reaches the menu bar") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.frames(2);
    REQUIRE(ui.find("Open...") == nullptr);
    ui.tap(ImGuiKey_F, false, true);
    CHECK(ui.find("Open...") != nullptr);
    ui.tap(ImGuiKey_Escape);
    ui.frame();
    CHECK(ui.find("Open...") == nullptr);
    ui.tap(ImGuiKey_H, false, true);
    CHECK(ui.find("Open...") == nullptr);
    CHECK(ui.find("Keyboard shortcuts") != nullptr);
    ui.tap(ImGuiKey_Escape);

    ui.tap(ImGuiMod_Alt); // press and release Alt: the keyboard is in the menu bar
    ui.tap(ImGuiKey_Enter);
    CHECK(ui.find("Open...") != nullptr);
}

TEST_CASE("Enter presses a dialog's default button, Escape cancels, Space toggles") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.typeInto("Profile name", "Edited");
    ui.key(ImGuiKey_Tab); // leave the field
    ui.tap(ImGuiKey_N, true);
    REQUIRE(ui.question() == "Unsaved changes");
    ui.tap(ImGuiKey_Escape);
    CHECK(ui.question().empty());
    CHECK(ui.state.doc.profile.profileName == "Edited");
    // Enter: the default answer, Save; never saved, so Save As asks for a path first, and
    // the new profile comes once the save worked.
    ui.tap(ImGuiKey_N, true);
    ui.tap(ImGuiKey_Enter);
    REQUIRE(ui.state.view.fileAction == ui::FileAction::SaveAs);
    const std::string path = test::scratchDir() + "/enter-saves.xml";
    ui.key(ImGuiKey_A, true); // the path field has the focus: type over the suggestion
    ui.type(path);
    ui.tap(ImGuiKey_Enter);
    CHECK(ui.state.doc.profile.profileName == "Contoso VPN");
    std::string error;
    CHECK(ui::readWholeFile(path, error).value_or("").find("<ProfileName>Edited</ProfileName>") !=
          std::string::npos);

    ui.click("Profile name");
    ui.key(ImGuiKey_Tab); // User tunnel
    ui.key(ImGuiKey_Tab); // Device tunnel
    ui.tap(ImGuiKey_Space);
    CHECK(ui.state.doc.profile.deviceTunnel == true);
}
