// The traffic filters table driven by label: every TrafficFilter field, in its row or in the
// filter's details area, reaches the profile and the XML; the validator's messages show beside.
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

using namespace aovpn;

namespace {

void withOneFilter(test::UiDriver& ui) {
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.frames(2);
    ui.click("Add a traffic filter");
    REQUIRE(ui.state.doc.profile.trafficFilters.size() == 1);
}

bool xmlHas(const test::UiDriver& ui, const std::string& text) {
    return ui.state.derived.xml.find(text) != std::string::npos;
}

std::string issueLabel(const test::UiDriver& ui, const std::string& field) {
    for (const auto& i : ui.state.derived.issues)
        if (i.field == field) return std::string(severityName(i.severity)) + ": " + i.message;
    return {};
}

} // namespace

TEST_CASE("the filter row edits app, protocol, remote ports and addresses, direction") {
    test::UiDriver ui;
    withOneFilter(ui);
    ui.typeInto("filter-app", "C:\\Program Files\\App\\app.exe");
    ui.typeInto("filter-protocol", "6");
    ui.typeInto("filter-ports", "443");
    ui.typeInto("filter-addresses", "10.10.0.0/16");
    ui.click("filter-direction");
    ui.click("Inbound");
    const TrafficFilter& f = ui.state.doc.profile.trafficFilters[0];
    CHECK(f.appId == "C:\\Program Files\\App\\app.exe");
    CHECK(f.protocol == 6u);
    CHECK(f.remotePortRanges == "443");
    CHECK(f.remoteAddressRanges == "10.10.0.0/16");
    REQUIRE(f.direction.has_value());
    CHECK(f.direction->value == FilterDirection::Inbound);
    CHECK(xmlHas(ui, "<Protocol>6</Protocol>"));
    CHECK(xmlHas(ui, "<RemotePortRanges>443</RemotePortRanges>"));
    CHECK(xmlHas(ui, "<Direction>Inbound</Direction>"));
}

TEST_CASE("the details area edits local ports and addresses, claims and routing policy") {
    test::UiDriver ui;
    withOneFilter(ui);
    ui.typeInto("filter-protocol", "17");
    CHECK(ui.find("Local ports") == nullptr); // closed until asked for: the row stays compact
    ui.click("filter-details");
    ui.typeInto("Local ports", "5000-5010,5020");
    ui.typeInto("Local addresses", "10.1.0.0/24");
    ui.typeInto("Claims", "O:SYG:SYD:(A;;CC;;;AU)");
    ui.click("Routing policy");
    ui.click("ForceTunnel");
    const TrafficFilter& f = ui.state.doc.profile.trafficFilters[0];
    CHECK(f.localPortRanges == "5000-5010,5020");
    CHECK(f.localAddressRanges == "10.1.0.0/24");
    CHECK(f.claims == "O:SYG:SYD:(A;;CC;;;AU)");
    REQUIRE(f.routingPolicyType.has_value());
    CHECK(f.routingPolicyType->value == RoutingPolicy::ForceTunnel);
    CHECK(xmlHas(ui, "<LocalPortRanges>5000-5010,5020</LocalPortRanges>"));
    CHECK(xmlHas(ui, "<LocalAddressRanges>10.1.0.0/24</LocalAddressRanges>"));
    CHECK(xmlHas(ui, "<Claims>O:SYG:SYD:(A;;CC;;;AU)</Claims>"));
    CHECK(xmlHas(ui, "<RoutingPolicyType>ForceTunnel</RoutingPolicyType>"));

    // Emptying a field removes its element again.
    ui.click("Claims");
    ui.key(ImGuiKey_A, true);
    ui.key(ImGuiKey_Delete);
    CHECK_FALSE(ui.state.doc.profile.trafficFilters[0].claims.has_value());
    CHECK_FALSE(xmlHas(ui, "<Claims>"));
}

TEST_CASE("a bad local port range shows its message beside the field") {
    test::UiDriver ui;
    withOneFilter(ui);
    ui.typeInto("filter-protocol", "6");
    ui.click("filter-details");
    ui.typeInto("Local ports", "90-80");
    const std::string label = issueLabel(ui, "TrafficFilter[0]/LocalPortRanges");
    REQUIRE_FALSE(label.empty());
    const std::string message = label.substr(label.find(": ") + 2);
    CHECK(ui.shownText().find(message) != std::string::npos);

    // Closed, the details still say what is wrong, under the row.
    ui.click("filter-details");
    ui.frame(); // the click's own frame still drew the details
    REQUIRE(ui.find("Local ports") == nullptr);
    CHECK(ui.shownText().find("Local ports: " + message) != std::string::npos);
}

TEST_CASE("clicking a filter's issue opens its details and focuses the field") {
    test::UiDriver ui;
    withOneFilter(ui);
    ui.click("Add a traffic filter");
    auto& f = ui.state.doc.profile.trafficFilters[1];
    f.protocol = 6u;
    f.localAddressRanges = "10.0.0.1/8"; // host bits set
    ui::markEdited(ui.state, {});
    ui.frame();
    const std::string label = issueLabel(ui, "TrafficFilter[1]/LocalAddressRanges");
    REQUIRE_FALSE(label.empty());
    REQUIRE(ui.find("Local addresses") == nullptr);
    ui.click(label);
    ui.frames(2);
    const ui::LocatedItem* field = ui.find("Local addresses");
    REQUIRE(field != nullptr);
    CHECK(ui.detailsOpen("filters", 1));
    CHECK(ui.activeId() == field->id);
}

TEST_CASE("removing a filter keeps open details with their filters") {
    test::UiDriver ui;
    withOneFilter(ui);
    ui.click("Add a traffic filter");
    ui.click("Add a traffic filter");
    ui.click("filter-details", 2);
    ui.typeInto("Local addresses", "192.168.1.0/24");
    ui.click("remove-filter", 0);
    REQUIRE(ui.state.doc.profile.trafficFilters.size() == 2);
    CHECK_FALSE(ui.detailsOpen("filters", 0));
    CHECK(ui.detailsOpen("filters", 1));
    CHECK(ui.state.doc.profile.trafficFilters[1].localAddressRanges == "192.168.1.0/24");
}

TEST_CASE("an empty filter row is flagged until something is filled in") {
    test::UiDriver ui;
    withOneFilter(ui);
    const std::string flag = "Empty filter: it matches all traffic of every app";
    CHECK(ui.shownText().find(flag) != std::string::npos);
    ui.typeInto("filter-ports", "443");
    CHECK(ui.shownText().find(flag) == std::string::npos);
    ui.click("Add a traffic filter"); // a second, empty one is flagged on its own
    const std::string shown = ui.shownText();
    CHECK(shown.find(flag) != std::string::npos);
    CHECK(shown.find(flag) == shown.rfind(flag));
}
