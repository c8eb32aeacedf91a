// Reader edge cases: what people paste, and what broken text tells them.
#include "model/profile_xml.hpp"

#include "profile_test_util.hpp"

#include <algorithm>

using namespace aovpn;
using namespace aovpn::test;

namespace {
const char* kSmall = "<VPNProfile><AlwaysOn>true</AlwaysOn><NativeProfile><Servers>vpn.example.net"
                     "</Servers></NativeProfile><Route><Address>10.0.0.1</Address><PrefixSize>32"
                     "</PrefixSize></Route></VPNProfile>";

bool mentions(const std::vector<XmlDiagnostic>& ds, std::string_view text) {
    return std::any_of(ds.begin(), ds.end(), [&](const XmlDiagnostic& d) {
        return d.message.find(text) != std::string::npos;
    });
}
} // namespace

TEST_CASE("BOM, XML declaration, CRLF, comments and odd whitespace read the same") {
    const Profile plain = readOk(kSmall);
    std::string crlf =
        "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!-- hi -->\r\n<VPNProfile>\r\n"
        "  <!-- c --><AlwaysOn>\t true \r\n</AlwaysOn>\r\n<NativeProfile >\r\n"
        "<Servers>vpn.example.net</Servers></NativeProfile>\r\n<Route\r\n><Address>10.0.0.1"
        "</Address><PrefixSize> 32 </PrefixSize></Route></VPNProfile >\r\n";
    const ReadResult r = readProfileXml(crlf);
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
    // The same profile; the comments are kept besides (profile_comments_test.cpp).
    CHECK(writeProfileXml(r.profile, {false}) == writeProfileXml(plain));
    CHECK(r.profile.comments.size() == 2); // before <VPNProfile> and before <AlwaysOn>
}

TEST_CASE("a UTF-16 file (PowerShell 5 Out-File) reads the same") {
    const std::string utf8 = std::string("<VPNProfile><ProfileName>Caf\xC3\xA9 \xF0\x9F\x98\x80"
                                         "</ProfileName></VPNProfile>");
    std::string utf16 = "\xFF\xFE";
    // ASCII + é as UTF-16LE, then the emoji as a surrogate pair.
    const std::u16string u =
        u"<VPNProfile><ProfileName>Caf\u00E9 \U0001F600</ProfileName></VPNProfile>";
    for (char16_t c : u) {
        utf16 += static_cast<char>(c & 0xFF);
        utf16 += static_cast<char>(c >> 8);
    }
    CHECK(readOk(utf16) == readOk(utf8));
}

TEST_CASE("element order does not matter when reading") {
    const Profile a = readOk(kSmall);
    const Profile b = readOk("<VPNProfile><Route><PrefixSize>32</PrefixSize><Address>10.0.0.1"
                             "</Address></Route><NativeProfile><Servers>vpn.example.net</Servers>"
                             "</NativeProfile><AlwaysOn>true</AlwaysOn></VPNProfile>");
    CHECK(a == b);
    CHECK(writeProfileXml(a) == writeProfileXml(b));
}

TEST_CASE("unknown elements are kept, written after the known ones, and stay put") {
    const char* text = "<VPNProfile><FutureNode a=\"1\"><Inner>x &amp; y</Inner></FutureNode>"
                       "<AlwaysOn>true</AlwaysOn><Route><Address>10.0.0.1</Address><Shiny/>"
                       "<PrefixSize>32</PrefixSize></Route></VPNProfile>";
    const ReadResult r = readProfileXml(text);
    REQUIRE(r.ok());
    CHECK(mentions(r.warnings, "<FutureNode> is not an element this tool knows"));
    REQUIRE(r.profile.extra.size() == 1);
    CHECK(r.profile.routes.at(0).extra.size() == 1);
    const std::string xml = writeProfileXml(r.profile);
    CHECK(xml.find("<FutureNode a=\"1\">") > xml.find("</Route>"));
    CHECK(xml.find("<Inner>x &amp; y</Inner>") != std::string::npos);
    CHECK(xml.find("<Shiny />") > xml.find("<PrefixSize>"));
    CHECK(readOk(xml) == r.profile);
}

TEST_CASE("values that do not parse are kept verbatim, with a warning") {
    const ReadResult r = readProfileXml("<VPNProfile><AlwaysOn>yes</AlwaysOn><AlwaysOn>true"
                                        "</AlwaysOn><Route><PrefixSize>abc</PrefixSize></Route>"
                                        "<NativeProfile><NativeProtocolType>WireGuard"
                                        "</NativeProtocolType></NativeProfile></VPNProfile>");
    REQUIRE(r.ok());
    CHECK(mentions(r.warnings, "must be true or false, not \"yes\""));
    CHECK(r.profile.alwaysOn == true);
    CHECK_FALSE(r.profile.routes.at(0).prefixSize.has_value());
    CHECK(r.profile.nativeProfile->nativeProtocolType->value == NativeProtocol::Other);
    const std::string xml = writeProfileXml(r.profile);
    CHECK(xml.find("<AlwaysOn>yes</AlwaysOn>") != std::string::npos);
    CHECK(xml.find("<PrefixSize>abc</PrefixSize>") != std::string::npos);
    CHECK(xml.find("<NativeProtocolType>WireGuard</NativeProtocolType>") != std::string::npos);
    CHECK(readOk(xml) == r.profile);
}

TEST_CASE("prefixed namespaces in the EAP block map to the same typed data") {
    const std::string seed = readFile(profilesDir() + "/seed_azure_user_tunnel.xml");
    const Profile plain = readOk(seed);
    const char* prefixed =
        "<VPNProfile "
        "xmlns:h=\"http://www.microsoft.com/provisioning/EapHostConfig\"><NativeProfile>"
        "<Authentication><UserMethod>Eap</UserMethod><Eap><Configuration><h:EapHostConfig>"
        "<h:EapMethod><c:Type xmlns:c=\"http://www.microsoft.com/provisioning/EapCommon\">13"
        "</c:Type><VendorId xmlns=\"http://www.microsoft.com/provisioning/EapCommon\">0</VendorId>"
        "<c:VendorType xmlns:c=\"http://www.microsoft.com/provisioning/EapCommon\">0</c:VendorType>"
        "<c:AuthorId xmlns:c=\"http://www.microsoft.com/provisioning/EapCommon\">0</c:AuthorId>"
        "</h:EapMethod><h:Config><b:Eap xmlns:b=\"http://www.microsoft.com/provisioning/"
        "BaseEapConnectionPropertiesV1\" xmlns:t=\"http://www.microsoft.com/provisioning/"
        "EapTlsConnectionPropertiesV1\" xmlns:t2=\"http://www.microsoft.com/provisioning/"
        "EapTlsConnectionPropertiesV2\"><b:Type>13</b:Type><t:EapType><t:CredentialsSource>"
        "<t:CertificateStore><t:SimpleCertSelection>true</t:SimpleCertSelection>"
        "</t:CertificateStore></t:CredentialsSource><t:ServerValidation>"
        "<t:DisableUserPromptForServerValidation>false</t:DisableUserPromptForServerValidation>"
        "<t:ServerNames></t:ServerNames></t:ServerValidation><t:DifferentUsername>false"
        "</t:DifferentUsername><t2:PerformServerValidation>false</t2:PerformServerValidation>"
        "<t2:AcceptServerName>false</t2:AcceptServerName></t:EapType></b:Eap></h:Config>"
        "</h:EapHostConfig></Configuration></Eap></Authentication></NativeProfile></VPNProfile>";
    const Profile p = readOk(prefixed);
    CHECK(p.nativeProfile->authentication->eap == plain.nativeProfile->authentication->eap);
}

TEST_CASE("an unknown EAP method is kept verbatim, namespaces included") {
    const char* text =
        "<VPNProfile "
        "xmlns:h=\"http://www.microsoft.com/provisioning/EapHostConfig\"><NativeProfile>"
        "<Authentication><Eap><Configuration><h:EapHostConfig><h:EapMethod><Type xmlns=\"http://"
        "www.microsoft.com/provisioning/EapCommon\">26</Type></h:EapMethod><h:Config><Mschap "
        "xmlns=\"urn:x\">&lt;&amp;</Mschap></h:Config></h:EapHostConfig></Configuration></Eap>"
        "</Authentication></NativeProfile></VPNProfile>";
    const ReadResult r = readProfileXml(text);
    REQUIRE(r.ok());
    const EapConfig& eap = *r.profile.nativeProfile->authentication->eap;
    CHECK(eap.kind == EapKind::Opaque);
    CHECK(eap.opaqueXml.find("xmlns:h=\"http://www.microsoft.com/provisioning/EapHostConfig\"") !=
          std::string::npos);
    CHECK(readOk(writeProfileXml(r.profile)) == r.profile);
}

TEST_CASE("broken XML gives line, column and a plain sentence") {
    SUBCASE("an element left open") {
        const ReadResult r = readProfileXml("<VPNProfile>\n  <Route>\n    <Address>10.0.0.1"
                                            "</Address>\n</VPNProfile>\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.errors[0].line == 4);
        CHECK(r.errors[0].column == 1);
        CHECK(r.errors[0].message ==
              "Line 4, column 1: the <Route> element (opened on line 2) is not closed before "
              "</VPNProfile>.");
    }
    SUBCASE("the text ends too early") {
        const ReadResult r = readProfileXml("<VPNProfile>\n  <Route>\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.errors[0].message.find("the <Route> element (opened on line 2) is not closed "
                                       "before the end of the text") != std::string::npos);
    }
    SUBCASE("a stray '<'") {
        const ReadResult r = readProfileXml("<VPNProfile>\n<ProfileName>a < b</ProfileName>\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.errors[0].line == 2);
        CHECK(r.errors[0].message.starts_with("Line 2, column "));
    }
    SUBCASE("columns count characters, not bytes") {
        const ReadResult r = readProfileXml("<VPNProfile><ProfileName>\xC3\xA9\xC3\xA9</Oops>");
        REQUIRE_FALSE(r.ok());
        CHECK(r.errors[0].column == 28);
    }
    SUBCASE("not a profile") {
        const ReadResult r = readProfileXml("<html/>");
        REQUIRE_FALSE(r.ok());
        CHECK(r.errors[0].message.find("starts with <html>") != std::string::npos);
        CHECK_FALSE(readProfileXml("").ok());
        CHECK_FALSE(readProfileXml("   ").ok());
    }
}

TEST_CASE("a bare '&' is read literally, flagged, and written escaped") {
    const ReadResult r = readProfileXml("<VPNProfile>\n<ProfileName>R&D VPN</ProfileName>"
                                        "<!-- a & b --></VPNProfile>");
    REQUIRE(r.ok());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].line == 2);
    CHECK(r.warnings[0].column == 15);
    CHECK(r.profile.profileName == "R&D VPN");
    CHECK(writeProfileXml(r.profile).find("R&amp;D VPN") != std::string::npos);
}

// Found by tests/fuzz/reader_fuzz.cpp: duplicates kept verbatim were sorted by name on write and
// came back in a different order.
TEST_CASE("kept duplicates stay last, in the order read") {
    const ReadResult r = readProfileXml(
        "<VPNProfile><NativeProfile><Servers>a</Servers><Authentication><MachineMethod>Certificate"
        "</MachineMethod></Authentication><Servers>b</Servers><Authentication/>"
        "<RoutingPolicyType>SplitTunnel</RoutingPolicyType><RoutingPolicyType>ForceTunnel"
        "</RoutingPolicyType></NativeProfile></VPNProfile>");
    REQUIRE(r.ok());
    REQUIRE(r.profile.nativeProfile->extra.size() == 3);
    const std::string xml = writeProfileXml(r.profile);
    CHECK(xml.find("<Servers>b</Servers>") > xml.find("</Authentication>"));
    CHECK(xml.find("<Authentication />") < xml.find("<RoutingPolicyType>ForceTunnel"));
    CHECK(readOk(xml) == r.profile);
}

TEST_CASE("thousands of unknown elements: all kept, warnings capped, fast") {
    std::string text = "<VPNProfile>";
    for (int i = 0; i < 20000; ++i)
        text += "<U" + std::to_string(i) + "/>";
    const ReadResult r = readProfileXml(text + "</VPNProfile>");
    REQUIRE(r.ok());
    CHECK(r.profile.extra.size() == 20000);
    REQUIRE(r.warnings.size() == 101);
    CHECK(r.warnings.back().message == "19900 more findings like these are not shown.");
    CHECK(r.warnings[99].column == 12 + 5 * 10 + 6 * 89 + 1); // at the '<' of <U99/>
}

// The reader parses with pugixml's parse_embed_pcdata: an element's first text is kept as its
// value, not as a text node. Every place that reads text must still see it.
TEST_CASE("text kept as an element's value is read where a text node was") {
    auto rules = [](const ReadResult& r) {
        std::vector<std::string> out;
        for (const XmlDiagnostic& d : r.warnings)
            out.push_back(d.rule);
        return out;
    };
    auto has = [&](const ReadResult& r, const std::string& rule) {
        const std::vector<std::string> all = rules(r);
        return std::find(all.begin(), all.end(), rule) != all.end();
    };
    auto wrap = [](std::string_view body) {
        return "<VPNProfile><NativeProfile><Servers>vpn.example.net</Servers></NativeProfile>" +
               std::string(body) + "</VPNProfile>";
    };
    SUBCASE("text before a struct's first child is stray text") {
        const ReadResult r =
            readProfileXml(wrap("<Route>junk<Address>10.0.0.1</Address><PrefixSize>32</PrefixSize>"
                                "</Route>"));
        REQUIRE(r.ok());
        CHECK(has(r, "xml.stray-text"));
        REQUIRE(r.profile.routes.size() == 1);
        CHECK(r.profile.routes[0].address == "10.0.0.1");
    }
    SUBCASE("a value followed by a comment") {
        const ReadResult r = readProfileXml(
            wrap("<Route><Address>10.0.0.1</Address><PrefixSize>32</PrefixSize><Metric>7<!--c-->"
                 "</Metric></Route>"));
        REQUIRE(r.ok());
        REQUIRE(r.profile.routes.size() == 1);
        CHECK(r.profile.routes[0].metric == 7u);
        CHECK(r.profile.routes[0].comments == Comments{{"c", "Metric"}});
    }
    SUBCASE("a wrapper holding text instead of its inner element") {
        const ReadResult r = readProfileXml(
            wrap("<TrafficFilter><App>C:\\a.exe</App><Protocol>6</Protocol></TrafficFilter>"));
        REQUIRE(r.ok());
        CHECK(has(r, "structure.app-text"));
        REQUIRE(r.profile.trafficFilters.size() == 1);
        CHECK(r.profile.trafficFilters[0].extra == RawElements{"<App>C:\\a.exe</App>"});
    }
    SUBCASE("an unknown element keeps its text, comments and children in order") {
        const ReadResult r = readProfileXml(wrap("<Future>a<!--x-->b<Sub>c</Sub>d</Future>"));
        REQUIRE(r.ok());
        CHECK(r.profile.extra == RawElements{"<Future>a<!--x-->b<Sub>c</Sub>d</Future>"});
    }
    SUBCASE("a value holding what XML cannot carry is cleaned") {
        const ReadResult r = readProfileXml(
            wrap("<Route><Address>10.0.0.1\x01</Address><PrefixSize>32</PrefixSize></Route>"));
        REQUIRE(r.ok());
        CHECK(has(r, "xml.text-cleaned"));
        REQUIRE(r.profile.routes.size() == 1);
        CHECK(r.profile.routes[0].address == "10.0.0.1");
    }
    SUBCASE("CDATA and text around a comment make one value") {
        const ReadResult r = readProfileXml(
            wrap("<Route><Address><![CDATA[10.0.0.1]]></Address><PrefixSize>3<!--x-->2</PrefixSize>"
                 "</Route>"));
        REQUIRE(r.ok());
        REQUIRE(r.profile.routes.size() == 1);
        CHECK(r.profile.routes[0].address == "10.0.0.1");
        CHECK(r.profile.routes[0].prefixSize == 32u);
    }
    SUBCASE("a value holding an element is refused with its place") {
        const ReadResult r = readProfileXml(
            wrap("<Route><Address>10.0.0.1<b/></Address><PrefixSize>32</PrefixSize></Route>"));
        REQUIRE(r.ok());
        CHECK(has(r, "structure.shape"));
        REQUIRE(r.profile.routes.size() == 1);
        CHECK(r.profile.routes[0].extra == RawElements{"<Address>10.0.0.1<b/></Address>"});
    }
}
