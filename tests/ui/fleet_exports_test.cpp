// The preview's "Fleet (MDM)" tab: Graph JSON, SyncML and the Intune OMA-URI of the open
// document, the Windows 11 Intune workarounds off by default and switched on by their boxes.
#include "model/profile_xml.hpp"
#include "ui/document.hpp"

#include "ui_driver.hpp"

using namespace aovpn;
using namespace aovpn::test;

namespace {
const char* kProfile =
    "<VPNProfile><ProfileName>Contoso VPN</ProfileName><!-- lab note --><NativeProfile>"
    "<Servers>vpn.contoso.com</Servers><NativeProtocolType>IKEv2</NativeProtocolType>"
    "<Authentication><UserMethod>Eap</UserMethod><Eap><Configuration/></Eap></Authentication>"
    "</NativeProfile></VPNProfile>";

// kProfile as the open document, drawn.
void openSample(UiDriver& d) {
    const ReadResult r = readProfileXml(kProfile);
    REQUIRE(r.ok());
    ui::loadDocument(d.state, r.profile, "");
    d.frames(2);
}

bool has(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}
} // namespace

TEST_CASE("fleet exports: Graph JSON, SyncML and the Intune quirks of the open document") {
    UiDriver d;
    openSample(d);
    d.click("Fleet (MDM)");
    const ui::FleetExportView& v = d.state.view.fleet;
    REQUIRE(v.ok);
    CHECK(has(v.text, "\"@odata.type\": \"#microsoft.graph.windows10CustomConfiguration\""));
    CHECK(has(v.text, "./User/Vendor/MSFT/VPNv2/Contoso%20VPN/ProfileXML"));
    CHECK_FALSE(has(v.text, "lab note"));            // an MDM receives no comments
    CHECK_FALSE(has(v.text, "vpn.contoso.com;vpn")); // quirks off by default
    CHECK_FALSE(has(v.text, "MachineMethod"));

    d.click("Format");
    d.click("SyncML Replace");
    CHECK(has(v.text, "<Replace>"));
    CHECK(has(v.text, "&lt;Servers&gt;vpn.contoso.com&lt;/Servers&gt;"));

    d.click("Windows 11 + Intune workarounds (off by default)");
    d.click("lists each server as fqdn;fqdn");
    d.click("adds <MachineMethod>Eap</MachineMethod> to a user tunnel using EAP");
    CHECK(has(v.text, "vpn.contoso.com;vpn.contoso.com"));
    CHECK(has(v.text, "&lt;MachineMethod&gt;Eap&lt;/MachineMethod&gt;"));
    // The document itself never gets them.
    CHECK_FALSE(has(d.state.derived.xml, "MachineMethod"));

    // An edit elsewhere rebuilds the export.
    d.state.doc.profile.profileName = "Fabrikam";
    ui::markEdited(d.state, {});
    d.frames(2);
    CHECK(has(v.text, "./User/Vendor/MSFT/VPNv2/Fabrikam/ProfileXML"));
    CHECK(d.idClashes().empty());
}

// Issue 8 §6: separate Copy buttons for the OMA-URI and for the value, and the portal path, on
// the preview's Intune tab and on the Fleet tab's Intune format.
TEST_CASE("Intune: 'Copy OMA-URI' and 'Copy value' put exactly that field on the clipboard") {
    UiDriver d;
    openSample(d);
    REQUIRE(d.state.derived.intuneSetting.has_value());
    const std::string omaUri = "./User/Vendor/MSFT/VPNv2/Contoso%20VPN/ProfileXML";
    const std::string value = d.state.derived.intuneSetting->value;
    CHECK(has(value, "<Servers>vpn.contoso.com</Servers>"));
    CHECK_FALSE(has(value, "lab note")); // what Intune receives: no comments

    d.click("Intune");
    CHECK(has(d.shownText(), std::string(intunePortalPath())));
    d.click("Copy OMA-URI");
    CHECK(d.clipboard == omaUri);
    d.click("Copy value");
    CHECK(d.clipboard == value);
    d.click("Copy"); // the tab's own Copy still gives the whole text
    CHECK(d.clipboard == d.state.derived.intune);

    d.click("Fleet (MDM)");
    d.click("Format");
    d.click("Intune OMA-URI");
    d.click("Windows 11 + Intune workarounds (off by default)");
    d.click("lists each server as fqdn;fqdn");
    d.click("Copy value");
    CHECK(has(d.clipboard, "<Servers>vpn.contoso.com;vpn.contoso.com</Servers>")); // the quirk
    CHECK(d.clipboard.starts_with("<VPNProfile>"));
    d.click("Copy OMA-URI");
    CHECK(d.clipboard == omaUri);
    CHECK(d.idClashes().empty());
}
