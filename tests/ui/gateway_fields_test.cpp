// The Crypto suite section's gateway fields, driven by label: a declared custom policy and the
// client pool reach the validator (DocumentState::gateway), so the window shows what
// `aovpn validate --gateway-policy ... --client-pool ...` says, and neither is an edit of the
// profile.
#include "model/gateway_info.hpp"
#include "model/validate.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

#include <set>

using namespace aovpn;

namespace {

// The widely copied 128-bit suite (the RRAS baseline) as an Azure gateway's custom policy.
constexpr const char* kPolicy128 = "-IpsecEncryption GCMAES128 -IpsecIntegrity GCMAES128 "
                                   "-IkeEncryption GCMAES128 -IkeIntegrity SHA256 "
                                   "-DhGroup DHGroup14 -PfsGroup ECP256";

std::set<std::string> rulesOf(const std::vector<Issue>& issues) {
    std::set<std::string> out;
    for (const Issue& i : issues)
        out.insert(i.rule + " " + i.field);
    return out;
}

bool has(const std::vector<Issue>& issues, std::string_view rule) {
    for (const Issue& i : issues)
        if (i.rule == rule) return true;
    return false;
}

// The Azure template with the 128-bit preset: 13868 against Azure's default policy.
void azure128(test::UiDriver& ui) {
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::AzureUserTunnel), {});
    ui.frame();
    ui.click("RRAS / Windows Server baseline");
    REQUIRE(has(ui.state.derived.issues, "crypto.azure-policy"));
}

} // namespace

TEST_CASE("gateway fields: a declared custom policy replaces Azure's default, as the CLI's") {
    test::UiDriver ui;
    azure128(ui);
    const std::uint64_t revision = ui.state.doc.revision;
    const std::size_t undoSteps = ui.state.doc.undo.past.size();
    ui.typeInto("Gateway policy", kPolicy128);
    REQUIRE(ui.state.doc.gateway.declaredPolicy.has_value());
    CHECK_FALSE(has(ui.state.derived.issues, "crypto.azure-policy"));
    CHECK_FALSE(has(ui.state.derived.issues, "crypto.custom-policy"));
    // The same findings as the CLI's validate with --gateway-policy.
    GatewayInfo cli;
    cli.declaredPolicy = parseAzureIpsecParameters(kPolicy128).value;
    CHECK(rulesOf(ui.state.derived.issues) == rulesOf(validateProfile(ui.state.doc.profile, cli)));
    // Beside the profile: no edit, no undo step.
    CHECK(ui.state.doc.revision == revision);
    CHECK(ui.state.doc.undo.past.size() == undoSteps);
    CHECK(ui.shownText().find("Declared: GCMAES128 / GCMAES128 / ECP256 / Group14 / SHA256 / "
                              "AES_GCM_128") != std::string::npos);

    // The suite leaves the declared policy: the custom rule names it.
    ui.click("Azure VPN Gateway (default policy)");
    CHECK(has(ui.state.derived.issues, "crypto.custom-policy"));
    CHECK_FALSE(has(ui.state.derived.issues, "crypto.azure-policy"));

    // Text that does not parse is not used (Azure's default again) and says why.
    ui.click("RRAS / Windows Server baseline");
    ui.typeInto("Gateway policy", "-IpsecEncryption GCMAES128");
    CHECK_FALSE(ui.state.doc.gateway.declaredPolicy.has_value());
    CHECK(has(ui.state.derived.issues, "crypto.azure-policy"));
    CHECK(ui.shownText().find("Not used: ") != std::string::npos);
}

TEST_CASE("gateway fields: a route into the client pool is flagged at the route") {
    test::UiDriver ui;
    azure128(ui);
    ui.typeInto("Client pool", "10.9.0.0/16, 192.168.3.0/24");
    REQUIRE(ui.state.doc.gateway.clientAddressPools.size() == 2);
    std::size_t flagged = 0;
    for (const Issue& i : ui.state.derived.issues)
        flagged += i.rule == "route.client-pool" && i.field.starts_with("Route[");
    CHECK(flagged == 2); // both sample host routes sit in 192.168.3.0/24
    GatewayInfo cli;
    cli.clientAddressPools = parseClientPools("10.9.0.0/16,192.168.3.0/24").value;
    CHECK(rulesOf(ui.state.derived.issues) == rulesOf(validateProfile(ui.state.doc.profile, cli)));

    ui.typeInto("Client pool", "192.168.3.0/40");
    CHECK(ui.state.doc.gateway.clientAddressPools.empty());
    CHECK_FALSE(has(ui.state.derived.issues, "route.client-pool"));
    CHECK(ui.shownText().find("Not used: ") != std::string::npos);

    // Another document starts with empty fields.
    ui.typeInto("Gateway policy", kPolicy128);
    ui.frameWith([] { ImGui::ClearActiveID(); }); // the field let go, as a click on File does
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::AzureUserTunnel), {});
    ui.frame();
    CHECK(ui.state.view.gatewayCheck.fields.policyText.empty());
    CHECK(ui.state.view.gatewayCheck.fields.poolText.empty());
    CHECK_FALSE(ui.state.doc.gateway.declaredPolicy.has_value());
}
