// Reader findings are rules: each one has a catalogue id, the catalogue's severity, a field path
// and a place; the structural mistakes found in real profiles are errors naming the fix.
#include "model/profile_xml.hpp"

#include "profile_test_util.hpp"

using namespace aovpn;
using namespace aovpn::test;

namespace {

const XmlDiagnostic* finding(const ReadResult& r, std::string_view rule) {
    for (const XmlDiagnostic& d : r.warnings)
        if (d.rule == rule) return &d;
    return nullptr;
}

// The only finding of `xml`, which must be of `rule`.
XmlDiagnostic only(std::string_view xml, std::string_view rule) {
    const ReadResult r = readProfileXml(xml);
    INFO(joinMessages(r.warnings) << joinMessages(r.errors));
    REQUIRE(r.ok());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].rule == rule);
    REQUIRE(findRule(rule) != nullptr);
    CHECK(r.warnings[0].severity == findRule(rule)->severity);
    return r.warnings[0];
}

std::string wrap(std::string_view inner) {
    return "<VPNProfile><NativeProfile><Servers>vpn.example.net</Servers></NativeProfile>" +
           std::string(inner) + "</VPNProfile>";
}

std::string utf16(std::string_view ascii, bool bigEndian, bool bom) {
    std::string out = bom ? (bigEndian ? "\xFE\xFF" : "\xFF\xFE") : "";
    for (const char c : ascii) {
        out += bigEndian ? '\0' : c;
        out += bigEndian ? c : '\0';
    }
    return out;
}

const char* kTlsHost =
    "<h:EapHostConfig><h:EapMethod><c:Type>13</c:Type><c:VendorId>0</c:VendorId>"
    "<c:VendorType>0</c:VendorType><c:AuthorId>0</c:AuthorId></h:EapMethod><h:Config>"
    "<b:Eap><b:Type>13</b:Type><t:EapType><t:CredentialsSource><t:CertificateStore>"
    "<t:SimpleCertSelection>true</t:SimpleCertSelection></t:CertificateStore>"
    "</t:CredentialsSource><t:DifferentUsername>false</t:DifferentUsername></t:EapType>"
    "</b:Eap></h:Config></h:EapHostConfig>";

} // namespace

TEST_CASE("namespace declarations hoisted onto <Eap> are namespace syntax, not settings") {
    const std::string text =
        "<VPNProfile><NativeProfile><Servers>vpn.example.net</Servers><Authentication>"
        "<UserMethod>Eap</UserMethod><Eap "
        "xmlns:h=\"http://www.microsoft.com/provisioning/EapHostConfig\" "
        "xmlns:c=\"http://www.microsoft.com/provisioning/EapCommon\" "
        "xmlns:b=\"http://www.microsoft.com/provisioning/BaseEapConnectionPropertiesV1\" "
        "xmlns:t=\"http://www.microsoft.com/provisioning/EapTlsConnectionPropertiesV1\">"
        "<Configuration>" +
        std::string(kTlsHost) +
        "</Configuration></Eap></Authentication></NativeProfile></VPNProfile>";
    const ReadResult r = readProfileXml(text);
    INFO(joinMessages(r.warnings));
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
    const auto& eap = r.profile.nativeProfile->authentication->eap;
    REQUIRE(eap);
    CHECK(eap->kind == EapKind::Tls);
    CHECK(eap->tls.simpleCertSelection == true);
}

TEST_CASE("a known element under the wrong parent is an error naming the right parent") {
    const XmlDiagnostic d =
        only(wrap("<DisableClassBasedDefaultRoute>true</DisableClassBasedDefaultRoute>"),
             "structure.misplaced");
    CHECK(d.severity == Severity::Error);
    CHECK(d.field == "DisableClassBasedDefaultRoute");
    CHECK(d.message.find("belongs inside <NativeProfile>, not <VPNProfile>") != std::string::npos);
    CHECK(d.message.find("0x87d101f4") != std::string::npos);
    CHECK(d.line == 1);
    CHECK(d.column == 78);
    // A name several parents know lists them all.
    const XmlDiagnostic e = only(wrap("<Enabled>true</Enabled>"), "structure.misplaced");
    CHECK(e.message.find("<DeviceCompliance> or <Sso>") != std::string::npos);
}

TEST_CASE("CSP node names, names in the wrong case and <App> text are errors with the fix") {
    // A CSP node name and a name in the wrong case are read for what they mean (and written
    // right), like enum values in the wrong case; Windows refuses the source, so they are errors.
    const ReadResult listed = readProfileXml(
        wrap("<DomainNameInformationList><DomainName>.corp</DomainName></DomainNameInformationList>"
             "<DomainNameInformationList><DomainNameInformation><DomainName>.a</DomainName>"
             "</DomainNameInformation><DomainNameInformation><DomainName>.b</DomainName>"
             "</DomainNameInformation></DomainNameInformationList>"));
    REQUIRE(listed.ok());
    REQUIRE(listed.profile.domainNameInformation.size() == 3);
    CHECK(listed.profile.domainNameInformation[2].domainName == ".b");
    const XmlDiagnostic list = only(wrap("<DomainNameInformationList><DomainName>.corp</DomainName>"
                                         "</DomainNameInformationList>"),
                                    "structure.csp-node");
    CHECK(list.severity == Severity::Error);
    CHECK(list.hint.find("<DomainNameInformation>") != std::string::npos);
    const XmlDiagnostic cased =
        only(wrap("<DomainNameInformation><DomainName>.corp</DomainName><DNSServers>10.0.0.1"
                  "</DNSServers></DomainNameInformation>"),
             "structure.name-case");
    CHECK(cased.message.find("<DNSServers> is spelled <DnsServers>") != std::string::npos);
    CHECK(cased.field == "DomainNameInformation[0]/DnsServers");
    CHECK(readOk(wrap("<DomainNameInformation><DNSServers>10.0.0.1</DNSServers>"
                      "</DomainNameInformation>"))
              .domainNameInformation[0]
              .dnsServers == "10.0.0.1");
    const XmlDiagnostic app =
        only(wrap("<TrafficFilter><App>C:\\app.exe</App></TrafficFilter>"), "structure.app-text");
    CHECK(app.severity == Severity::Error);
    CHECK(app.field == "TrafficFilter[0]/App");
    CHECK(app.hint.find("<App><Id>C:\\app.exe</Id></App>") != std::string::npos);
}

TEST_CASE("empty or wrong booleans and numbers are errors") {
    const XmlDiagnostic empty = only(wrap("<AlwaysOn/>"), "value.bool");
    CHECK(empty.severity == Severity::Error);
    CHECK(empty.message.find("<AlwaysOn> is empty") != std::string::npos);
    const XmlDiagnostic apn = only(wrap("<APNBinding><IsCompressionEnabled></IsCompressionEnabled>"
                                        "</APNBinding>"),
                                   "value.bool");
    CHECK(apn.field == "APNBinding/IsCompressionEnabled");
    only(wrap("<Route><Address>10.0.0.0</Address><PrefixSize>eight</PrefixSize></Route>"),
         "value.number");
}

TEST_CASE("a kept EAP block says what it holds") {
    const std::string peapMschap =
        "<VPNProfile><NativeProfile><Servers>vpn.example.net</Servers><Authentication>"
        "<UserMethod>Eap</UserMethod><Eap><Configuration>"
        "<EapHostConfig xmlns=\"http://www.microsoft.com/provisioning/EapHostConfig\"><EapMethod>"
        "<Type xmlns=\"http://www.microsoft.com/provisioning/EapCommon\">25</Type></EapMethod>"
        "<Config><Eap "
        "xmlns=\"http://www.microsoft.com/provisioning/BaseEapConnectionPropertiesV1\">"
        "<Type>25</Type><EapType xmlns=\"http://www.microsoft.com/provisioning/"
        "MsPeapConnectionPropertiesV1\"><Eap xmlns=\"http://www.microsoft.com/provisioning/"
        "BaseEapConnectionPropertiesV1\"><Type>26</Type></Eap></EapType></Eap></Config>"
        "</EapHostConfig></Configuration></Eap></Authentication></NativeProfile></VPNProfile>";
    const XmlDiagnostic d = only(peapMschap, "eap.kept");
    CHECK(d.message.find("PEAP with EAP-MSCHAPv2 (password sign-in)") != std::string::npos);
    CHECK(d.field == "NativeProfile/Authentication/Eap/Configuration");
}

TEST_CASE("an escaped EapHostConfig string is an error with the fix") {
    const std::string text =
        "<VPNProfile><NativeProfile><Servers>vpn.example.net</Servers><Authentication>"
        "<UserMethod>Eap</UserMethod><Eap><Configuration>&lt;EapHostConfig xmlns=&quot;"
        "http://www.microsoft.com/provisioning/EapHostConfig&quot;&gt;&lt;/EapHostConfig&gt;"
        "</Configuration></Eap></Authentication></NativeProfile></VPNProfile>";
    const XmlDiagnostic d = only(text, "eap.escaped");
    CHECK(d.severity == Severity::Error);
    CHECK(d.hint.find("Unescape") != std::string::npos);
}

TEST_CASE("&#0; is refused with its position instead of cutting the value") {
    const ReadResult r = readProfileXml("<VPNProfile>\n  <ProfileName>a&#0;bcdef</ProfileName>"
                                        "</VPNProfile>");
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors[0].rule == "xml.nul-reference");
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 17);
    CHECK_FALSE(readProfileXml("<VPNProfile><ProfileName>&#x000;</ProfileName></VPNProfile>").ok());
    // In a comment it is only text.
    CHECK(readProfileXml("<VPNProfile><!-- &#0; --></VPNProfile>").ok());
}

TEST_CASE("UTF-16 with and without BOM, LE and BE: same profile, same positions") {
    const std::string ascii = "<VPNProfile>\n  <ProfileName>a</ProfileName>\n  <Bogus/>\n"
                              "</VPNProfile>";
    const ReadResult plain = readProfileXml(ascii);
    REQUIRE(plain.warnings.size() == 1);
    for (const bool be : {false, true})
        for (const bool bom : {false, true}) {
            CAPTURE(be);
            CAPTURE(bom);
            const ReadResult r = readProfileXml(utf16(ascii, be, bom));
            REQUIRE(r.ok());
            CHECK(r.profile == plain.profile);
            CHECK(r.source == ascii);
            const XmlDiagnostic* kept = finding(r, "structure.unknown");
            REQUIRE(kept);
            CHECK(kept->line == 3);
            CHECK(kept->column == 3);
            CHECK((finding(r, "text.utf16-no-bom") != nullptr) == !bom);
        }
    const ReadResult odd = readProfileXml(utf16(ascii, false, true) + "x");
    REQUIRE_FALSE(odd.ok());
    CHECK(odd.errors[0].rule == "text.encoding");
    std::string lone = utf16("<VPNProfile/>", false, true);
    lone.insert(4, "\x00\xD8", 2); // a high surrogate with no low one
    CHECK(readProfileXml(lone).errors.at(0).rule == "text.encoding");
}

TEST_CASE("declared 8-bit encodings are converted; others are refused, never replaced") {
    const std::string name = "<ProfileName>Z\xFCrich \x80</ProfileName></VPNProfile>";
    for (const char* enc : {"windows-1252", "ISO-8859-1", "latin1"}) {
        CAPTURE(enc);
        const ReadResult r = readProfileXml(std::string("<?xml version=\"1.0\" encoding=\"") + enc +
                                            "\"?><VPNProfile>" + name);
        REQUIRE(r.ok());
        CHECK(r.profile.profileName == "Z\xC3\xBCrich \xE2\x82\xAC");
        CHECK(finding(r, "text.encoding-converted"));
    }
    const ReadResult guessed = readProfileXml("<VPNProfile>" + name);
    REQUIRE(guessed.ok());
    CHECK(guessed.profile.profileName == "Z\xC3\xBCrich \xE2\x82\xAC");
    CHECK(finding(guessed, "text.encoding-guessed"));
    const ReadResult refused =
        readProfileXml("<?xml version='1.0' encoding='Shift_JIS'?><VPNProfile>" + name);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errors[0].rule == "text.encoding");
    CHECK(refused.errors[0].message.find("\"shift_jis\"") != std::string::npos);
    CHECK_FALSE(readProfileXml(std::string("\xFF\xFE\x00\x00<\0\0\0", 8)).ok()); // UTF-32
}

TEST_CASE("every reader finding names a catalogue rule with its severity and a place") {
    const std::string text =
        "<VPNProfile a=\"1\">stray<AlwaysOn>yes</AlwaysOn><AlwaysOn>true</AlwaysOn>"
        "<Route x=\"1\"><Address>10.0.0.1</Address></Route><Proxy><AutoConfigUrl><b/>"
        "</AutoConfigUrl></Proxy><ProfileName>a&amp;b &c\x01</ProfileName>"
        "<NativeProfile><Servers></Servers></NativeProfile></VPNProfile><Second/>";
    const ReadResult r = readProfileXml(text);
    REQUIRE(r.ok());
    INFO(joinMessages(r.warnings));
    CHECK(r.warnings.size() >= 9);
    for (const XmlDiagnostic& d : r.warnings) {
        CAPTURE(d.message);
        const RuleInfo* info = findRule(d.rule);
        REQUIRE(info);
        CHECK(d.severity == info->severity);
        CHECK(d.line >= 1);
    }
}
