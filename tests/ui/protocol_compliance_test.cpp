// ProtocolList (General) and DeviceCompliance (Options) edited by label, as a person would.
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

using namespace aovpn;

namespace {

void startWith(test::UiDriver& ui, ui::Template t) {
    ui::loadDocument(ui.state, ui::makeTemplate(t), {});
    ui.frames(2);
}

std::vector<NativeProtocol> listed(const Profile& p) {
    std::vector<NativeProtocol> out;
    if (p.nativeProfile && p.nativeProfile->protocolList)
        for (const auto& k : p.nativeProfile->protocolList->protocols)
            out.push_back(k.value);
    return out;
}

// True when `first` comes before `second` in the XML (both present).
bool before(const std::string& xml, const std::string& first, const std::string& second) {
    const auto a = xml.find(first), b = xml.find(second);
    return a != std::string::npos && b != std::string::npos && a < b;
}

} // namespace

TEST_CASE("choosing ProtocolList shows an ordered list that reaches the profile and the XML") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    ui.frame();
    CHECK(ui.find("Add IKEv2") == nullptr); // not offered under a single protocol

    ui.click("Protocol");
    ui.click("ProtocolList");
    const Profile& p = ui.state.doc.profile;
    REQUIRE(p.nativeProfile->nativeProtocolType.has_value());
    CHECK(p.nativeProfile->nativeProtocolType->value == NativeProtocol::ProtocolList);
    CHECK_FALSE(p.nativeProfile->protocolList.has_value()); // drawing alone creates nothing

    ui.click("Add SSTP");
    ui.click("Add IKEv2");
    CHECK(listed(p) == std::vector{NativeProtocol::SSTP, NativeProtocol::IKEv2});
    const std::string& xml = ui.state.derived.xml;
    CHECK(xml.find("<NativeProtocolType>ProtocolList</NativeProtocolType>") != std::string::npos);
    CHECK(before(xml, "<ProtocolList>", "<Type>SSTP</Type>"));
    CHECK(before(xml, "<Type>SSTP</Type>", "<Type>IKEv2</Type>"));

    ui.click("protocol up", 1); // IKEv2 first
    CHECK(listed(p) == std::vector{NativeProtocol::IKEv2, NativeProtocol::SSTP});
    CHECK(before(ui.state.derived.xml, "<Type>IKEv2</Type>", "<Type>SSTP</Type>"));
    ui.click("protocol down", 0); // and back
    CHECK(listed(p) == std::vector{NativeProtocol::SSTP, NativeProtocol::IKEv2});

    ui.typeInto("RetryTimeInHours", "12");
    REQUIRE(p.nativeProfile->protocolList.has_value());
    CHECK(p.nativeProfile->protocolList->retryTimeInHours == 12u);
    CHECK(ui.state.derived.xml.find("<RetryTimeInHours>12</RetryTimeInHours>") !=
          std::string::npos);

    const auto revision = ui.state.doc.revision;
    ui.click("remove protocol", 0);
    CHECK(ui.state.doc.revision > revision);
    CHECK(listed(p) == std::vector{NativeProtocol::IKEv2});
    CHECK(ui.state.derived.xml.find("<Type>SSTP</Type>") == std::string::npos);
    ui::undo(ui.state);
    ui.frame();
    CHECK(listed(ui.state.doc.profile) == std::vector{NativeProtocol::SSTP, NativeProtocol::IKEv2});
}

TEST_CASE("a protocol list emptied of everything leaves the XML") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    ui.click("Protocol");
    ui.click("ProtocolList");
    ui.click("Add IKEv2");
    REQUIRE(ui.state.doc.profile.nativeProfile->protocolList.has_value());
    ui.click("remove protocol", 0);
    CHECK_FALSE(ui.state.doc.profile.nativeProfile->protocolList.has_value());
    CHECK(ui.state.derived.xml.find("<ProtocolList") == std::string::npos);
}

TEST_CASE("a protocol list read under another protocol stays visible and editable") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    Profile& p = ui.state.doc.profile;
    p.nativeProfile->nativeProtocolType = NativeProtocol::IKEv2;
    p.nativeProfile->protocolList = ProtocolList{};
    p.nativeProfile->protocolList->protocols = {NativeProtocol::SSTP};
    ui::markEdited(ui.state, {});
    CHECK(ui.shownText().find("1. SSTP") != std::string::npos);
    ui.click("Add IKEv2");
    CHECK(listed(ui.state.doc.profile) == std::vector{NativeProtocol::SSTP, NativeProtocol::IKEv2});
}

TEST_CASE("device compliance and its SSO certificate filter reach the profile and the XML") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    ui.frame();
    CHECK(ui.find("Compliance SSO") == nullptr); // shown once compliance is on
    CHECK(ui.state.derived.xml.find("<DeviceCompliance>") == std::string::npos);

    ui.click("DeviceCompliance");
    const Profile& p = ui.state.doc.profile;
    REQUIRE(p.deviceCompliance.has_value());
    CHECK(p.deviceCompliance->enabled == true);
    CHECK_FALSE(p.deviceCompliance->sso.has_value());
    CHECK(before(ui.state.derived.xml, "<DeviceCompliance>", "<NativeProfile>"));

    ui.click("Compliance SSO");
    ui.typeInto("SSO EKU", "1.3.6.1.4.1.311.87");
    const std::string hash(40, 'D');
    ui.typeInto("SSO issuer hash", hash);
    REQUIRE(p.deviceCompliance->sso.has_value());
    CHECK(p.deviceCompliance->sso->enabled == true);
    CHECK(p.deviceCompliance->sso->eku == "1.3.6.1.4.1.311.87");
    CHECK(p.deviceCompliance->sso->issuerHash == hash);
    const std::string& xml = ui.state.derived.xml;
    CHECK(before(xml, "<DeviceCompliance>", "<Sso>"));
    CHECK(before(xml, "<Sso>", "<Eku>1.3.6.1.4.1.311.87</Eku>"));
    CHECK(before(xml, "<Eku>", "<IssuerHash>" + hash + "</IssuerHash>"));
    CHECK(before(xml, "<IssuerHash>" + hash, "</DeviceCompliance>"));

    // Typing one field is one undo step: undo takes the whole hash away, nothing else. Enter
    // leaves the field first (an active field keeps its own text over the profile's).
    ui.key(ImGuiKey_Enter);
    ui::undo(ui.state);
    ui.frame();
    REQUIRE(ui.state.doc.profile.deviceCompliance.has_value());
    REQUIRE(ui.state.doc.profile.deviceCompliance->sso.has_value());
    CHECK_FALSE(ui.state.doc.profile.deviceCompliance->sso->issuerHash.has_value());
    CHECK(ui.state.doc.profile.deviceCompliance->sso->eku == "1.3.6.1.4.1.311.87");
}

TEST_CASE("turning device compliance off with nothing else set removes the element") {
    test::UiDriver ui;
    startWith(ui, ui::Template::UserTunnel);
    ui.click("DeviceCompliance");
    ui.click("Compliance SSO");
    REQUIRE(ui.state.doc.profile.deviceCompliance.has_value());
    ui.click("Compliance SSO");
    CHECK_FALSE(ui.state.doc.profile.deviceCompliance->sso.has_value());
    ui.click("DeviceCompliance");
    CHECK_FALSE(ui.state.doc.profile.deviceCompliance.has_value());
    CHECK(ui.state.derived.xml.find("<DeviceCompliance") == std::string::npos);
}
