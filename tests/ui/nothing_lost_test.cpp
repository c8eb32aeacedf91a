// Issue 8 §2: nothing the user typed is lost silently. The tunnel switch keeps the user-tunnel
// settings aside, clicks never land in a field that moved, a paste a number field cannot take
// stays visible, undo back to the saved state is not "unsaved". And §6: a missing name is an
// error at the field (it blocks Apply).
#include "model/crypto_presets.hpp"
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

#include <chrono>

using namespace aovpn;

namespace {

platform::CertificateInfo cert(const std::string& cn, char thumb) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    platform::CertificateInfo c;
    c.commonName = cn;
    c.subject = "CN=" + cn;
    c.issuer = "CN=Contoso Issuing CA";
    c.issuerCommonName = "Contoso Issuing CA";
    c.thumbprint = std::string(40, thumb);
    c.validFrom = now - std::chrono::hours(24);
    c.validTo = now + std::chrono::hours(24 * 300);
    c.hasPrivateKey = true;
    c.hasEkuExtension = true;
    c.clientAuth = true;
    c.ekuOids = {std::string(platform::kClientAuthOid)};
    c.issuingCaThumbprint = std::string(40, 'B');
    c.rootThumbprint = std::string(40, 'C');
    return c;
}

void start(test::UiDriver& ui, ui::Template t) {
    ui::loadDocument(ui.state, ui::makeTemplate(t), {});
    ui::querySession(ui.state);
    ui.frames(2);
    ui.finishTask(); // the certificate store is read on the read worker
}

struct Rect {
    float x0, y0, x1, y1;
    bool operator==(const Rect&) const = default;
};
Rect rectOf(test::UiDriver& ui, const std::string& label) {
    ui.frame();
    const ui::LocatedItem* it = ui.find(label);
    REQUIRE_MESSAGE(it != nullptr, "no widget labelled " << label);
    return {it->minX, it->minY, it->maxX, it->maxY};
}

} // namespace

TEST_CASE("device tunnel and back keeps the certificate filter, server validation and the rest") {
    test::UiDriver ui;
    ui.platform.certs.personal = {cert("alice", 'A')};
    start(ui, ui::Template::AzureUserTunnel);
    ui.click("alice");
    ui.click("From the picked chain");
    ui.typeInto("Server names", "gw.example.net");
    ui.click("Force tunnel");
    const Profile before = ui.state.doc.profile;
    REQUIRE(before.nativeProfile->authentication->eap->tls.certFilter.has_value());

    ui.click("Device tunnel");
    const std::string& xml = ui.state.derived.xml;
    CHECK(xml.find("<MachineMethod>Certificate</MachineMethod>") != std::string::npos);
    CHECK(xml.find("<Eap>") == std::string::npos); // nothing of the user tunnel is written
    CHECK(xml.find("RememberCredentials") == std::string::npos);
    CHECK(xml.find("ForceTunnel") == std::string::npos);

    ui.click("User tunnel");
    CHECK(ui.state.doc.profile == before);
    CHECK(ui.state.derived.xml.find("gw.example.net") != std::string::npos);
    CHECK(ui.state.derived.xml.find("<TrustedRootCA>" + std::string(40, 'C')) != std::string::npos);
}

TEST_CASE("a profile opened as a device tunnel gets EAP-TLS defaults when switched") {
    test::UiDriver ui;
    start(ui, ui::Template::DeviceTunnel);
    ui.click("User tunnel");
    const auto& auth = ui.state.doc.profile.nativeProfile->authentication;
    REQUIRE(auth.has_value());
    CHECK_FALSE(auth->machineMethod.has_value());
    REQUIRE(auth->eap.has_value());
    CHECK(auth->eap->kind == EapKind::Tls);
}

TEST_CASE("clicking a preset or picking a certificate does not move what is under the pointer") {
    test::UiDriver ui;
    ui.platform.certs.personal = {cert("alice", 'A'), cert("bob", 'D')};
    start(ui, ui::Template::UserTunnel);
    // From "no suite" (Windows' default) to a preset: the six rows appear below the buttons.
    for (const CryptoPresetInfo& p : cryptoPresets()) {
        const bool weak = p.id == CryptoPreset::WindowsDefault;
        const std::string label = std::string(p.title) + (weak ? " (weak)" : "");
        const Rect at = rectOf(ui, label);
        const Rect picked = rectOf(ui, "alice");
        ui.click(label);
        CHECK_MESSAGE(rectOf(ui, label) == at, label << " moved");
        CHECK_MESSAGE(rectOf(ui, "alice") == picked, "the certificate rows moved after " << label);
    }
    for (const char* who : {"alice", "bob", "alice"}) {
        const Rect a = rectOf(ui, "alice"), b = rectOf(ui, "bob");
        ui.click(who);
        CHECK_MESSAGE(rectOf(ui, "alice") == a, "picking " << who << " moved alice");
        CHECK_MESSAGE(rectOf(ui, "bob") == b, "picking " << who << " moved bob");
    }
}

TEST_CASE("an address list pasted into Prefix stays there, marked, and is not taken") {
    test::UiDriver ui;
    start(ui, ui::Template::UserTunnel);
    ui.click("Add a route");
    ui.typeInto("Address", "10.20.0.0");
    ui.typeInto("Prefix", "16");
    ui.key(ImGuiKey_Tab);
    REQUIRE(ui.state.doc.profile.routes.size() == 1);
    REQUIRE(ui.state.doc.profile.routes[0].prefixSize == 16u);

    ui.typeInto("Prefix", "10.0.0.0/8, 10.1.0.0/16");
    ui.key(ImGuiKey_Tab);
    CHECK(ui.state.doc.profile.routes[0].prefixSize == 16u);                        // not taken ...
    CHECK(ui.state.view.status.find("is not a whole number") != std::string::npos); // ... said
    CHECK(ui.state.view.status.find("paste box under Routes") != std::string::npos);
    const std::string shown = ui.shownText();
    CHECK(shown.find("10.0.0.0/8, 10.1.0.0/16") != std::string::npos); // still in the field

    ui.typeInto("Prefix", "24"); // fixed in place
    ui.key(ImGuiKey_Tab);
    CHECK(ui.state.doc.profile.routes[0].prefixSize == 24u);
    CHECK(ui.state.view.status.empty());
    CHECK(ui.state.view.rejectedInput.empty());
}

TEST_CASE("undo back to the saved state clears the unsaved marker; redo sets it again") {
    test::UiDriver ui;
    start(ui, ui::Template::UserTunnel);
    REQUIRE_FALSE(ui.state.doc.dirty());
    ui.typeInto("Profile name", "Contoso VPN 2");
    ui.key(ImGuiKey_Tab);
    CHECK(ui.state.doc.dirty());
    ui.tap(ImGuiKey_Z, true);
    CHECK(ui.state.doc.profile.profileName == "Contoso VPN");
    CHECK_FALSE(ui.state.doc.dirty());
    ui.tap(ImGuiKey_Y, true);
    CHECK(ui.state.doc.dirty());
}

TEST_CASE("a profile without a name: an error at the field, and Apply says why") {
    test::UiDriver ui;
    start(ui, ui::Template::UserTunnel);
    ui.click("Profile name");
    ui.key(ImGuiKey_A, true);
    ui.key(ImGuiKey_Delete);
    ui.key(ImGuiKey_Tab);
    bool found = false;
    for (const Issue& i : ui.state.derived.issues)
        if (i.rule == "general.name-missing") {
            found = true;
            CHECK(i.severity == Severity::Error);
            CHECK(i.field == "ProfileName");
        }
    CHECK(found);
    CHECK(hasErrors(ui.state.derived.issues));
    const ui::ActionAvailability a = ui::availableActions(ui.state);
    CHECK_FALSE(a.apply);
    CHECK(a.why == "The profile needs a name.");
}

TEST_CASE("the Azure template starts with server validation on, for the gateway's name") {
    const Profile p = ui::makeTemplate(ui::Template::AzureUserTunnel);
    const auto& tls = p.nativeProfile->authentication->eap->tls;
    CHECK(tls.performServerValidation == true);
    CHECK(tls.acceptServerName == true);
    REQUIRE(tls.serverValidation.has_value());
    CHECK(tls.serverValidation->serverNames == p.nativeProfile->servers[0].fqdn);
    CHECK(p.nativeProfile->cryptographySuite == makeCryptoSuite(CryptoPreset::AzureDefault));
    for (const Issue& i : validateProfile(p))
        CHECK_MESSAGE(i.severity != Severity::Error, i.message);
}

TEST_CASE("an empty validation list says so") {
    test::UiDriver ui;
    start(ui, ui::Template::UserTunnel);
    CHECK(ui.shownText().find("No problems found.") == std::string::npos);
    ui.state.derived.issues.clear(); // stays so: nothing is rebuilt until the profile changes
    ui.state.derived.issuesByField.clear();
    CHECK(ui.shownText().find("No problems found.") != std::string::npos);
}

// A field being edited when the document is replaced (Ctrl+O, a template, an import finishing)
// keeps its own text buffer: it must not write that text into the new document.
TEST_CASE("a field being edited does not write its old text into a replaced document") {
    test::UiDriver ui;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui.frames(2);
    ui.typeInto("Profile name", "Old document");
    REQUIRE(ui.activeId() != 0);
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::DeviceTunnel), {});
    ui.frames(2);
    ui.type("x"); // the next keystroke
    ui.key(ImGuiKey_Tab);
    CHECK(ui.state.doc.profile.profileName == "Contoso Device Tunnel");
    CHECK_FALSE(ui.state.doc.dirty());
}
