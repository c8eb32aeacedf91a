// The form driven by label, as a helpdesk person would: type, paste, pick, switch.
#include "ui/certificates.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

#include <chrono>

using namespace aovpn;
using namespace std::chrono_literals;

namespace {

platform::CertificateInfo cert(std::string cn, std::string ca, bool key, bool clientAuth,
                               std::chrono::sys_seconds validTo) {
    platform::CertificateInfo c;
    c.commonName = cn;
    c.subject = "CN=" + cn;
    c.issuer = "CN=Contoso Issuing CA";
    c.issuerCommonName = "Contoso Issuing CA";
    c.thumbprint = std::string(40, 'A');
    c.validFrom = validTo - std::chrono::hours(24 * 365);
    c.validTo = validTo;
    c.hasPrivateKey = key;
    c.hasEkuExtension = true;
    c.clientAuth = clientAuth;
    if (clientAuth) c.ekuOids = {std::string(platform::kClientAuthOid)};
    c.issuingCaThumbprint = ca;
    c.rootThumbprint = std::string(40, 'C');
    return c;
}

std::chrono::sys_seconds inDays(int days) {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) +
           std::chrono::hours(24 * days);
}

void startWith(test::UiDriver& ui, ui::Template t) {
    ui::loadDocument(ui.state, ui::makeTemplate(t), {});
    ui.frames(2);
}

} // namespace

TEST_CASE("typing a gateway FQDN reaches the profile, the XML and the findings") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    ui.typeInto("Server FQDN", "bad name!");
    REQUIRE(ui.state.doc.profile.nativeProfile->servers.size() == 1);
    CHECK(ui.state.doc.profile.nativeProfile->servers[0].fqdn == "bad name!");
    bool flagged = false;
    for (const auto& i : ui.state.derived.issues)
        flagged |= i.field == "NativeProfile/Servers[0]" && i.severity == Severity::Error;
    CHECK(flagged);

    ui.typeInto("Server FQDN", "vpn.fabrikam.com");
    CHECK(ui.state.doc.profile.nativeProfile->servers[0].fqdn == "vpn.fabrikam.com");
    CHECK(ui.state.derived.xml.find("<Servers>vpn.fabrikam.com</Servers>") != std::string::npos);
    for (const auto& i : ui.state.derived.issues)
        CHECK(i.field != "NativeProfile/Servers[0]");
}

TEST_CASE("spaces around a pasted server name go when the field is left") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    ui.typeInto("Server FQDN", "  vpn.fabrikam.com \t");
    ui.typeInto("Server friendly name", " Fabrikam ");
    ui.key(ImGuiKey_Tab);
    const auto& server = ui.state.doc.profile.nativeProfile->servers[0];
    CHECK(server.fqdn == "vpn.fabrikam.com");
    CHECK(server.friendlyName == "Fabrikam");
    CHECK(ui.state.derived.xml.find("<Servers>vpn.fabrikam.com;Fabrikam</Servers>") !=
          std::string::npos);
    ui.typeInto("Server friendly name", "   ");
    ui.key(ImGuiKey_Tab);
    CHECK_FALSE(server.friendlyName.has_value());
}

TEST_CASE("pasting addresses and prefixes adds routes; rejected lines stay, marked, to fix") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    ui.click("Addresses or prefixes");
    ui.type("10.1.2.3\n10.1.2.4, 10.20.0.0/16; not-an-ip 10.1.2.3\n10.30.1.0/16");
    ui.click("Add routes");
    const auto& routes = ui.state.doc.profile.routes;
    REQUIRE(routes.size() == 3);
    CHECK(routes[2].address == "10.20.0.0");
    CHECK(routes[2].prefixSize == 16u);
    CHECK(ui.state.derived.xml.find("<Address>10.1.2.4</Address>") != std::string::npos);
    CHECK(ui.state.derived.xml.find("<PrefixSize>16</PrefixSize>") != std::string::npos);
    // What was not taken stays in the box, one entry a line, and is marked under it.
    CHECK(ui.state.view.hostPaste == "not-an-ip\n10.30.1.0/16");
    std::string shown = ui.shownText();
    CHECK(shown.find("Line 1: 'not-an-ip' is not an IPv4 address") != std::string::npos);
    CHECK(shown.find("Line 2: '10.30.1.0/16' has host bits set") != std::string::npos);
    CHECK(shown.find("the network is 10.30.0.0/16") != std::string::npos);

    // Fixed in place: the marks go as the text is corrected, and Add takes it.
    ui.typeInto("Addresses or prefixes", "10.9.9.9\n10.30.0.0/16");
    shown = ui.shownText();
    CHECK(shown.find("Line 1:") == std::string::npos);
    ui.click("Add routes");
    REQUIRE(routes.size() == 5);
    CHECK(routes[4].address == "10.30.0.0");
    CHECK(ui.state.view.hostPaste.empty());
}

TEST_CASE("picking a certificate fills the EAP-TLS filter; unusable ones are greyed and refused") {
    test::UiDriver ui;
    const std::string ca(40, 'B');
    ui.platform.certs.personal = {cert("alice-old", ca, true, true, inDays(-3)),
                                  cert("alice-nokey", ca, false, true, inDays(300)),
                                  cert("alice", ca, true, true, inDays(300))};
    startWith(ui, ui::Template::UserTunnel);
    ui.finishTask(); // the store is read on the read worker
    const auto now = inDays(0);
    CHECK(ui::unusableReason(ui.platform.certs.personal[0], now) == "expired");
    CHECK(ui::unusableReason(ui.platform.certs.personal[1], now) == "no private key");
    CHECK(ui::unusableReason(ui.platform.certs.personal[2], now).empty());
    REQUIRE(ui.find("alice-nokey") != nullptr); // every row is listed, greyed or not
    ui.click("alice-old");                      // an unusable one is refused
    auto* tls = &ui.state.doc.profile.nativeProfile->authentication->eap->tls;
    CHECK_FALSE(tls->certFilter.has_value());

    ui.click("alice");
    tls = &ui.state.doc.profile.nativeProfile->authentication->eap->tls;
    REQUIRE(tls->certFilter.has_value());
    REQUIRE(tls->certFilter->caHashList.has_value());
    CHECK(tls->certFilter->caHashList->issuerHashes == std::vector<std::string>{ca});
    REQUIRE(tls->certFilter->clientAuthEkuList.has_value());
    CHECK(ui.state.derived.xml.find("<IssuerHash>" + ca + "</IssuerHash>") != std::string::npos);
    CHECK(ui.state.derived.xml.find("1.3.6.1.5.5.7.3.2") != std::string::npos);

    ui.click("From the picked chain");
    CHECK(ui.state.derived.xml.find("<TrustedRootCA>" + std::string(40, 'C')) != std::string::npos);
}

TEST_CASE("switching to a device tunnel sets machine certificate auth") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    ui.click("Device tunnel");
    const Profile& p = ui.state.doc.profile;
    CHECK(p.deviceTunnel == true);
    REQUIRE(p.nativeProfile->authentication.has_value());
    CHECK(p.nativeProfile->authentication->machineMethod.has_value());
    CHECK_FALSE(p.nativeProfile->authentication->eap.has_value());
    CHECK(ui.state.derived.xml.find("<DeviceTunnel>true</DeviceTunnel>") != std::string::npos);
    CHECK(ui.state.derived.xml.find("<MachineMethod>Certificate</MachineMethod>") !=
          std::string::npos);
    ui.click("User tunnel");
    CHECK_FALSE(ui.state.doc.profile.deviceTunnel.has_value());
}

TEST_CASE("clicking a validation issue focuses its field") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    ui.state.doc.profile.profileName.reset();
    ui::markEdited(ui.state, {});
    ui.frame();
    std::string label;
    for (const auto& i : ui.state.derived.issues)
        if (i.field == "ProfileName")
            label = std::string(severityName(i.severity)) + ": " + i.message;
    REQUIRE_FALSE(label.empty());
    ui.click("General"); // collapse the section: the click below must open it again
    REQUIRE(ui.find("Profile name") == nullptr);
    ui.click(label);
    ui.frames(2);
    const ui::LocatedItem* name = ui.find("Profile name");
    REQUIRE(name != nullptr);
    CHECK(ui.activeId() == name->id);
}

TEST_CASE("proxy fields create the element on edit and remove it when emptied") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    CHECK_FALSE(ui.state.doc.profile.proxy.has_value());
    ui.typeInto("Proxy server", "proxy.contoso.com:8080");
    REQUIRE(ui.state.doc.profile.proxy.has_value());
    CHECK(ui.state.derived.xml.find("<Server>proxy.contoso.com:8080</Server>") !=
          std::string::npos);
    ui.click("Proxy server");
    ui.key(ImGuiKey_A, true);
    ui.key(ImGuiKey_Delete);
    CHECK_FALSE(ui.state.doc.profile.proxy.has_value());
}
