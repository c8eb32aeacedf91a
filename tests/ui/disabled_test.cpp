// Issue 8 §3: every disabled button and menu item says why when hovered - found by walking every
// disabled widget the screen reports, not by naming them, so a new one without a reason fails.
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

using namespace aovpn;

namespace {

// Hovers each disabled widget of the screen (in `window`, 0 = any) and names those that showed
// no tooltip; `checked` counts the widgets hovered.
std::string silentOnes(test::UiDriver& ui, unsigned window, int& checked) {
    ui.frame();
    std::string silent;
    for (const auto& item : ui.disabledItems(window)) {
        ui.hover(item);
        ++checked;
        if (!ui.tooltipShown()) silent += item.label + "; ";
    }
    return silent;
}

// Opens a menu of the menu bar and checks its disabled items; returns how many there were.
int checkMenu(test::UiDriver& ui, const char* menu, const char* itemInIt) {
    ui.click(menu);
    const ui::LocatedItem* inside = ui.find(itemInIt);
    REQUIRE_MESSAGE(inside != nullptr, menu << " did not open");
    int checked = 0;
    const std::string silent = silentOnes(ui, inside->window, checked);
    CHECK_MESSAGE(silent.empty(), menu << ": " << silent);
    ui.key(ImGuiKey_Escape);
    return checked;
}

Profile withProtocolList() {
    Profile p = ui::makeTemplate(ui::Template::UserTunnel);
    p.nativeProfile->nativeProtocolType = NativeProtocol::ProtocolList;
    p.nativeProfile->protocolList = ProtocolList{};
    p.nativeProfile->protocolList->protocols = {NativeProtocol::IKEv2, NativeProtocol::SSTP};
    return p;
}

} // namespace

TEST_CASE("every disabled button and menu item says why when hovered") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, withProtocolList(), {});
    ui::querySession(ui.state);
    ui.frames(2);    // the form starts reading the store...
    ui.finishTask(); // ...and that first read ends here, so that it cannot end while we hover
    ui.state.certs.loaded = ui.state.certs.reading = true; // the store is being read
    int checked = 0;
    const std::string silent = silentOnes(ui, 0, checked);
    CHECK_MESSAGE(silent.empty(), silent);
    // Not installed: Connect test, Disconnect, Remove; the list's first Up and last Down; Refresh.
    CHECK(checked >= 6);

    // Nothing to undo or redo, no recent files; exports need a name.
    ui.state.doc.profile.profileName.reset();
    ui::markEdited(ui.state, {});
    ui.state.doc.undo = {};
    ui.state.doc.undo.committed = ui.state.doc.profile;
    ui.frames(2);
    REQUIRE_FALSE(ui.state.derived.exportsAvailable);
    CHECK(checkMenu(ui, "File", "Open...") >= 3);
    CHECK(checkMenu(ui, "Edit", "Undo") == 2);
    CHECK(checkMenu(ui, "Profile", "Apply") >= 4);
    checked = 0;
    CHECK(silentOnes(ui, 0, checked).empty()); // Apply too, now that the name is missing
    CHECK(checked >= 4);
}

TEST_CASE("a disabled button's reason follows the state: busy, not connected, errors") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui::querySession(ui.state);
    ui.frames(2);
    ui::ActionAvailability a = ui::availableActions(ui.state);
    CHECK(a.whyDisconnect == "Not connected.");
    ui.state.doc.profile.routes.push_back(Route{std::string("10.0.0.1"), 8u, {}, {}, {}});
    ui::markEdited(ui.state, {});
    ui.frames(2);
    a = ui::availableActions(ui.state);
    CHECK_FALSE(a.apply);
    CHECK(a.why == "Fix the errors first (see Validation).");
    ui.frame();
    ui.hover(*ui.find("Apply"));
    CHECK(ui.tooltipShown());
}
