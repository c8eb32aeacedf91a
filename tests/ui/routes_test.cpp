// Issue 8 §6: a route outside every traffic filter leads nowhere (Windows passes only what the
// filters match). The routes table says so beside the route and offers the engine's fix
// (model/route_filters.hpp) as one click, one undo step.
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

using namespace aovpn;

namespace {

Route route(const char* address, std::uint32_t prefix) {
    Route r;
    r.address = address;
    r.prefixSize = prefix;
    return r;
}

// The Azure template (its filter covers its two routes) with two more routes outside it.
Profile azureWithOutsideRoutes() {
    Profile p = ui::makeTemplate(ui::Template::AzureUserTunnel);
    p.routes.push_back(route("10.20.0.0", 16));
    p.routes.push_back(route("10.30.1.7", 32));
    return p;
}

std::string filterRanges(const test::UiDriver& ui, std::size_t i) {
    return ui.state.doc.profile.trafficFilters.at(i).remoteAddressRanges.value_or("");
}

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("a route outside the filters is marked beside it, with 'Add to the filter'") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, azureWithOutsideRoutes(), {});
    ui.frames(2);
    REQUIRE(ui.state.derived.routesOutside.size() == 2);
    CHECK(ui.state.derived.routesOutside[0].route == 2);
    CHECK(ui.find("Add to the filter", 0) != nullptr);
    CHECK(ui.find("Add to the filter", 1) != nullptr);
    CHECK(ui.find("Add to the filter", 2) == nullptr); // the template's own routes are covered
    CHECK(ui.find("Filters") != nullptr);
    CHECK(count(ui.shownText(), "outside") >= 2);
}

TEST_CASE("'Add to the filter' extends the filter for that route only, as one undo step") {
    test::UiDriver ui;
    const Profile loaded = azureWithOutsideRoutes();
    ui::loadDocument(ui.state, loaded, {});
    ui.frames(2);
    const std::string before = filterRanges(ui, 0);
    ui.click("Add to the filter", 1); // the second outside route: 10.30.1.7/32
    CHECK(filterRanges(ui, 0) == before + ",10.30.1.7/32");
    CHECK(ui.state.derived.xml.find(before + ",10.30.1.7/32") != std::string::npos);
    CHECK(ui.state.doc.profile.routes == loaded.routes); // the routes stay as they were
    // The first outside route is still offered, and only it.
    REQUIRE(ui.state.derived.routesOutside.size() == 1);
    CHECK(ui.state.derived.routesOutside[0].route == 2);
    ui.frame();
    CHECK(ui.find("Add to the filter", 0) != nullptr);
    CHECK(ui.find("Add to the filter", 1) == nullptr);
    bool logged = false;
    for (const auto& line : ui.state.view.log)
        logged |= line.text.find("Added 10.30.1.7/32 (route 4)") != std::string::npos;
    CHECK(logged);

    ui::undo(ui.state);
    ui.frames(2);
    CHECK(ui.state.doc.profile == loaded); // one step back is the profile before the click
    CHECK_FALSE(ui.state.doc.dirty());
    CHECK(ui.state.derived.routesOutside.size() == 2);
}

TEST_CASE("taking every offer removes the Filters column") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, azureWithOutsideRoutes(), {});
    ui.frames(2);
    ui.click("Add to the filter", 0);
    ui.click("Add to the filter", 0);
    CHECK(filterRanges(ui, 0).ends_with(",10.20.0.0/16,10.30.1.7/32"));
    CHECK(ui.state.derived.routesOutside.empty());
    ui.frame();
    CHECK(ui.find("Add to the filter") == nullptr);
    CHECK(ui.find("Filters") == nullptr);
    for (const auto& i : ui.state.derived.issues)
        CHECK(i.rule != "route.outside-filters");
}

TEST_CASE("no offer without traffic filters, or when a filter matches every address") {
    test::UiDriver ui;
    Profile p = ui::makeTemplate(ui::Template::UserTunnel);
    p.routes.push_back(route("10.20.0.0", 16));
    ui::loadDocument(ui.state, p, {});
    ui.frames(2);
    CHECK(ui.state.derived.routesOutside.empty());
    CHECK(ui.find("Add to the filter") == nullptr);

    // An empty filter (a fresh "Add a traffic filter" row) matches all traffic: nothing is
    // outside, and the row is flagged instead.
    ui::loadDocument(ui.state, azureWithOutsideRoutes(), {});
    ui.frames(2);
    REQUIRE(ui.find("Add to the filter") != nullptr);
    ui.click("Add a traffic filter");
    CHECK(ui.state.derived.routesOutside.empty());
    ui.frame();
    CHECK(ui.find("Add to the filter") == nullptr);
}

// The report: in the Azure template "Add a traffic filter" seemed to pre-fill the remote
// addresses from the routes, and a second click left two empty <TrafficFilter />. The filled
// filter is the template's own (its addresses are its routes); each click adds one empty
// filter, as it should, and every empty row carries its own flag.
TEST_CASE("Azure template: each 'Add a traffic filter' adds one empty filter, each flagged") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::AzureUserTunnel), {});
    ui.frames(2);
    const std::string templateRanges = filterRanges(ui, 0);
    CHECK(templateRanges == "192.168.3.4, 192.168.3.5");
    ui.click("Add a traffic filter");
    ui.click("Add a traffic filter");
    REQUIRE(ui.state.doc.profile.trafficFilters.size() == 3);
    CHECK(filterRanges(ui, 0) == templateRanges);
    CHECK(ui.state.doc.profile.trafficFilters[1] == TrafficFilter{});
    CHECK(ui.state.doc.profile.trafficFilters[2] == TrafficFilter{});
    CHECK(count(ui.state.derived.xml, "<TrafficFilter />") == 2);
    CHECK(count(ui.shownText(), "Empty filter: it matches all traffic of every app") == 2);
}
