// Field paths as a model type: build, parse, resolve against the description, and locate in the
// text (one pass for all of them).
#include "model/field_path.hpp"
#include "model/profile_xml.hpp"
#include "model/validate.hpp"

#include "profile_test_util.hpp"
#include "validate_fixtures.hpp"

using namespace aovpn;
using namespace aovpn::test;

TEST_CASE("field paths build, print and parse back") {
    const FieldPath p = FieldPath().child("TrafficFilter", 1).child("App").child("Id");
    CHECK(p.str() == "TrafficFilter[1]/App/Id");
    CHECK(FieldPath::parse(p.str()) == p);
    CHECK(FieldPath::parse("")->empty());
    for (const char* bad : {"Route[", "Route[x]", "Route[1", "/Route", "Route//Address", "a/"})
        CHECK_FALSE(FieldPath::parse(bad));
}

TEST_CASE("paths resolve to the description's fields") {
    const auto r = FieldPath::parse("TrafficFilter[1]/App/Id")->resolve();
    REQUIRE(r.field);
    CHECK(r.field->name == "App");
    CHECK(r.element->name == "TrafficFilter");
    CHECK(r.matched == 3);
    const auto eap =
        FieldPath::parse("NativeProfile/Authentication/Eap/ServerValidation/ServerNames")
            ->resolve();
    CHECK(eap.field->kind == schema::Kind::Eap);
    CHECK(eap.matched == 3);
    CHECK(FieldPath::parse("Nope")->resolve().matched == 0);
}

namespace {
// Every path the validator and the reader emit names a described field; below a value only an
// EAP setting or a list entry (Servers[1]) may follow.
void checkPaths(const ReadResult& read) {
    std::vector<std::string> fields;
    for (const Issue& i : validateProfile(read.profile))
        fields.push_back(i.field);
    for (const XmlDiagnostic& d : read.warnings)
        if (!d.field.empty()) fields.push_back(d.field);
    for (const std::string& f : fields) {
        CAPTURE(f);
        const auto path = FieldPath::parse(f);
        REQUIRE(path);
        const auto r = path->resolve();
        REQUIRE(r.field);
        const bool complete = r.matched == path->segments().size();
        const bool below = r.field->kind == schema::Kind::Eap ||
                           r.field->kind == schema::Kind::Servers ||
                           r.field->name == "ServerUrlList";
        const bool kept = r.matched + 1 == path->segments().size(); // a kept element's own name
        CHECK((complete || below || kept));
    }
}
} // namespace

TEST_CASE("every emitted path resolves, on the corpus and the reference profiles") {
    for (const auto& e : std::filesystem::directory_iterator(corpusDir()))
        if (e.path().extension() == ".xml") checkPaths(readProfileXml(readFile(e.path().string())));
    for (const std::string& file : referenceProfiles())
        checkPaths(readProfileXml(readFile(file)));
}

TEST_CASE("locateFields places every path in one pass, with the nearest ancestor as fallback") {
    std::string xml = "<VPNProfile>\n";
    for (int k = 0; k < 10000; ++k)
        xml += "  <Route><Address>10.0.0." + std::to_string(k % 250) +
               "</Address><PrefixSize>32</PrefixSize></Route>\n";
    xml += "  <NativeProfile>\n    <Servers>a;b,c</Servers>\n  </NativeProfile>\n</VPNProfile>\n";
    std::vector<std::string> paths;
    for (int k = 9999; k >= 0; --k)
        paths.push_back("Route[" + std::to_string(k) + "]/PrefixSize");
    paths.push_back("NativeProfile/Servers[1]");
    paths.push_back("NativeProfile/CryptographySuite/DHGroup"); // absent: its parent
    paths.push_back("");                                        // the root
    const std::vector<TextPosition> at = locateFields(xml, paths);
    REQUIRE(at.size() == paths.size());
    for (int k = 0; k < 10000; ++k) {
        const TextPosition p = at[static_cast<std::size_t>(9999 - k)];
        CHECK(p.line == k + 2);
        const std::string line =
            "  <Route><Address>10.0.0." + std::to_string(k % 250) + "</Address>";
        CHECK(p.column == static_cast<int>(line.size()) + 1);
    }
    CHECK(at[10000] == TextPosition{10003, 5});
    CHECK(at[10001] == TextPosition{10002, 3});
    CHECK(at[10002] == TextPosition{1, 1});
    CHECK(locateFields("<broken", paths).front() == TextPosition{});
}

TEST_CASE("locateFields counts NRPT rules as the reader does: <DomainNameInformationList> and "
          "<DNSServers> included") {
    const std::string xml =
        "<VPNProfile>\n"
        "  <DomainNameInformationList>\n"
        "    <DomainName>.a.example</DomainName>\n"
        "    <DNSServers>10.0.0.1</DNSServers>\n"
        "  </DomainNameInformationList>\n"
        "  <DomainNameInformation><DomainName>.b</DomainName></DomainNameInformation>\n"
        "  <DomainNameInformationList>\n"
        "    <DomainNameInformation><DomainName>.c</DomainName></DomainNameInformation>\n"
        "    <DomainNameInformation><DomainName>.d</DomainName></DomainNameInformation>\n"
        "  </DomainNameInformationList>\n"
        "</VPNProfile>\n";
    const std::vector<std::string> paths{"DomainNameInformation[0]/DnsServers",
                                         "DomainNameInformation[1]/DomainName",
                                         "DomainNameInformation[2]", "DomainNameInformation[3]"};
    const std::vector<TextPosition> at = locateFields(xml, paths);
    CHECK(at[0] == TextPosition{4, 5});
    CHECK(at[1] == TextPosition{6, 26});
    CHECK(at[2] == TextPosition{8, 5});
    CHECK(at[3] == TextPosition{9, 5});
    // The reader gives the same rules the same indices.
    const ReadResult r = readProfileXml(xml);
    REQUIRE(r.profile.domainNameInformation.size() == 4);
    CHECK(r.profile.domainNameInformation[1].domainName == ".b");
    CHECK(r.profile.domainNameInformation[3].domainName == ".d");
}
