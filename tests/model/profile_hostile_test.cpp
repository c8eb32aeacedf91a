// Hostile text through every text field: the XML stays well-formed and the round trip is exact;
// what XML 1.0 cannot carry is removed and reported.
#include "model/profile_xml.hpp"

#include "profile_test_util.hpp"
#include "xml_support.hpp"

#include <pugixml.hpp>

#include <functional>

using namespace aovpn;
using namespace aovpn::test;

namespace {

using Setter = std::function<void(Profile&, const std::string&)>;

NativeProfile& native(Profile& p) {
    if (!p.nativeProfile) p.nativeProfile.emplace();
    return *p.nativeProfile;
}
EapTlsSettings& tls(Profile& p) {
    auto& auth = native(p).authentication;
    if (!auth) auth.emplace();
    if (!auth->eap) auth->eap = defaultUserTunnelEapTls();
    return auth->eap->tls;
}
CertFilter& filter(Profile& p) {
    auto& f = tls(p).certFilter;
    if (!f) f.emplace();
    return *f;
}

std::vector<std::pair<const char*, Setter>> textFields() {
    return {
        {"ProfileName", [](Profile& p, const std::string& s) { p.profileName = s; }},
        {"EdpModeId", [](Profile& p, const std::string& s) { p.edpModeId = s; }},
        {"DnsSuffix", [](Profile& p, const std::string& s) { p.dnsSuffix = s; }},
        {"TrustedNetworkDetection",
         [](Profile& p, const std::string& s) { p.trustedNetworkDetection = s; }},
        {"Proxy",
         [](Profile& p, const std::string& s) {
             p.proxy = Proxy{s, s, {}};
         }},
        {"Sso",
         [](Profile& p, const std::string& s) {
             p.deviceCompliance = DeviceCompliance{true, Sso{true, s, s, {}}, {}};
         }},
        {"PluginProfile",
         [](Profile& p, const std::string& s) {
             p.pluginProfile = PluginProfile{s, std::nullopt, s, {}};
         }},
        {"AppTrigger",
         [](Profile& p, const std::string& s) {
             p.appTriggers = {{s, {}}};
         }},
        {"DomainNameInformation",
         [](Profile& p, const std::string& s) {
             p.domainNameInformation = {{s, s, s, true, false, {}}};
         }},
        {"TrafficFilter",
         [](Profile& p, const std::string& s) {
             p.trafficFilters = {
                 {s, s, 6, s, s, s, s, RoutingPolicy::SplitTunnel, FilterDirection::Inbound, {}}};
         }},
        {"L2tpPsk", [](Profile& p, const std::string& s) { native(p).l2tpPsk = s; }},
        {"Route",
         [](Profile& p, const std::string& s) {
             p.routes = {{s, 32, true, 5, {}}};
         }},
        {"Known Other",
         [](Profile& p, const std::string& s) {
             Known<NativeProtocol> k(NativeProtocol::Other);
             k.other = "x" + s;
             native(p).nativeProtocolType = k;
         }},
        {"EAP server validation",
         [](Profile& p, const std::string& s) {
             tls(p).serverValidation = ServerValidation{true, s, {s, s}};
         }},
        {"EAP filter",
         [](Profile& p, const std::string& s) {
             filter(p).caHashList = CaHashList{true, {s}};
             filter(p).ekuMapping = {{s, s}};
             filter(p).clientAuthEkuList = EkuNameList{true, {s}};
         }},
    };
}

std::vector<std::string> hostileStrings() {
    std::string big;
    while (big.size() < 10 * 1024)
        big += "<&>\"' ]]> %20 / \xE2\x80\x8F \xF0\x9F\x98\x80 ";
    return {"plain",
            "",
            "   ",
            "  padded  ",
            "quote \" and ' apostrophe",
            "R&D & <b>bold</b>",
            "]]>",
            "<![CDATA[x]]>",
            "<!-- not a comment -->",
            "100% /path\\to\\file",
            "&amp; already escaped &lt;",
            "line1\nline2\ttab",
            "\xE2\x80\x8F"
            "RTL mark \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x80\x8F",
            "Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80",
            big};
}

bool wellFormed(const std::string& xml) {
    pugi::xml_document doc;
    return static_cast<bool>(doc.load_string(xml.c_str()));
}

} // namespace

TEST_CASE("hostile strings round-trip exactly through every text field") {
    for (const auto& entry : textFields()) { // no structured binding: clang 14 cannot capture
        const auto& field = entry.first;     // one in CAPTURE's lambda
        const auto& set = entry.second;
        for (const auto& s : hostileStrings()) {
            CAPTURE(field);
            CAPTURE(s.substr(0, 60));
            Profile p;
            set(p, s);
            const WriteResult w = writeProfileXmlChecked(p);
            CHECK(w.warnings.empty());
            CHECK(wellFormed(w.xml));
            const ReadResult r = readProfileXml(w.xml);
            REQUIRE(r.ok());
            CHECK(r.warnings.empty());
            CHECK(r.profile == p);
            CHECK(writeProfileXml(r.profile) == w.xml);
        }
    }
}

TEST_CASE("server names with hostile text (no ',' or ';') round-trip") {
    Profile p;
    native(p).servers = {{"vpn.example.net", "Caf\xC3\xA9 & <Co> \"1\""}, {"b & c", std::nullopt}};
    CHECK(readOk(writeProfileXml(p)) == p);
}

TEST_CASE("control characters are removed on write and reported") {
    Profile p;
    p.profileName = std::string("a\x01"
                                "b\x1F"
                                "c\x7F"
                                "d\x00"
                                "e",
                                9);
    const WriteResult w = writeProfileXmlChecked(p);
    REQUIRE(w.warnings.size() == 1);
    CHECK(w.warnings[0].message.find("<ProfileName>: control character U+0001 removed") == 0);
    CHECK(wellFormed(w.xml));
    CHECK(readOk(w.xml).profileName == "abc\x7F"
                                       "de"); // DEL is allowed in XML 1.0
}

TEST_CASE("carriage returns become line feeds; invalid UTF-8 becomes U+FFFD") {
    Profile p;
    p.dnsSuffix = "a\r\nb\rc";
    p.profileName = "bad \xC3\x28 \xED\xA0\x80 end";
    const WriteResult w = writeProfileXmlChecked(p);
    CHECK(w.warnings.size() == 2);
    const Profile back = readOk(w.xml);
    CHECK(back.dnsSuffix == "a\nb\nc");
    CHECK(back.profileName == "bad \xEF\xBF\xBD( \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end");
    CHECK(writeProfileXmlChecked(back).warnings.empty());
}

TEST_CASE("control characters arriving as character references are removed on read") {
    const ReadResult r = readProfileXml("<VPNProfile><ProfileName>a&#1;b&#13;c</ProfileName>"
                                        "<Unknown>x&#2;y</Unknown></VPNProfile>");
    REQUIRE(r.ok());
    CHECK(r.profile.profileName == "ab\nc");
    CHECK_FALSE(r.warnings.empty());
    const std::string xml = writeProfileXml(r.profile);
    CHECK(xml.find("<Unknown>xy</Unknown>") != std::string::npos);
    CHECK(readOk(xml) == r.profile);
}

// Found by tests/fuzz/reader_fuzz.cpp: a vertical tab in the indentation made <Manual> look
// like mixed content the first time and not the second.
TEST_CASE("a control character in indentation is removed before reading") {
    const ReadResult r = readProfileXml("<VPNProfile><Proxy>\r\n<Manual>\r\n <Server>p:8080"
                                        "</Server>\r\v\n</Manual></Proxy></VPNProfile>");
    REQUIRE(r.ok());
    CHECK(r.profile.proxy->manualServer == "p:8080");
    CHECK(r.profile.proxy->extra.empty());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].message.find("control character U+000B removed") != std::string::npos);
    CHECK(readOk(writeProfileXml(r.profile)) == r.profile);
}

TEST_CASE("absurd nesting is refused, not recursed into") {
    std::string deep = "<VPNProfile>";
    for (int i = 0; i < 5000; ++i)
        deep += "<a>";
    const ReadResult r = readProfileXml(deep + std::string(5000 * 4, ' ') + "</VPNProfile>");
    CHECK_FALSE(r.ok());
    std::string closed = "<VPNProfile>";
    for (int i = 0; i < 5000; ++i)
        closed += "<a>";
    for (int i = 0; i < 5000; ++i)
        closed += "</a>";
    const ReadResult r2 = readProfileXml(closed + "</VPNProfile>");
    REQUIRE_FALSE(r2.ok());
    CHECK(r2.errors[0].message.find("nested more than 100 deep") != std::string::npos);
}

// Found by tests/fuzz/reader_fuzz.cpp: text that is blank once cleaned must vanish like blank
// text does, or a block kept verbatim reads differently the second time.
TEST_CASE("text made blank by cleaning is dropped like blank text") {
    const ReadResult r =
        readProfileXml("<VPNProfile><Future><A>x</A>\n \x01 <B>&#2;</B></Future></VPNProfile>");
    REQUIRE(r.ok());
    REQUIRE(r.profile.extra.size() == 1);
    CHECK(r.profile.extra[0] == "<Future><A>x</A><B/></Future>");
    CHECK(readOk(writeProfileXml(r.profile)) == r.profile);
}

TEST_CASE("kept XML set by code is cleaned the same way") {
    Profile p;
    p.extra = {"<Future a=\"&#1;x\">y&#2;z</Future>", "not <xml"};
    const WriteResult w = writeProfileXmlChecked(p);
    CHECK(w.xml.find("<Future a=\"x\">yz</Future>") != std::string::npos);
    REQUIRE(w.warnings.size() == 1); // the broken one
    CHECK(w.warnings[0].message.find("not valid XML") != std::string::npos);
}

TEST_CASE("names XML does not allow are refused at read, so nothing ill-formed is written") {
    for (
        const char* text : {
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><VPNProfile><Foo\xFF/></VPNProfile>", // bad
                                                                                             // UTF-8
            "<VPNProfile><p:Foo/></VPNProfile>",               // undeclared prefix
            "<VPNProfile><a:b:c xmlns:a=\"u\"/></VPNProfile>", // two colons
            "<VPNProfile><Foo a=\"1\" a=\"2\"/></VPNProfile>", // repeated attribute
            "<VPNProfile><Foo xmlns:p=\"\"/></VPNProfile>",    // empty prefix namespace
            // Namespaces in XML's reserved names and attributes unique by namespace.
            "<VPNProfile><Foo xmlns:xml=\"urn:x\"/></VPNProfile>",
            "<VPNProfile><Foo xmlns:xmlns=\"urn:x\"/></VPNProfile>",
            "<VPNProfile><Foo xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/></VPNProfile>",
            "<VPNProfile><Foo xmlns=\"http://www.w3.org/2000/xmlns/\"/></VPNProfile>",
            "<VPNProfile><Foo xmlns:p=\"u\" xmlns:q=\"u\" p:a=\"1\" q:a=\"2\"/></VPNProfile>",
            "<VPNProfile><Foo xmlns:p=\"http://www.w3.org/XML/1998/namespace\" xml:a=\"1\" "
            "p:a=\"2\"/></VPNProfile>",
            "<VPNProfile><Foo\xC2\xB7/></VPNProfile>", // U+00B7 is fine inside...
            "<VPNProfile><\xC2\xB7x/></VPNProfile>",   // ...but cannot start a name
        }) {
        CAPTURE(text);
        const ReadResult r = readProfileXml(text);
        const bool fine = std::string_view(text).find("Foo\xC2\xB7") != std::string_view::npos;
        CHECK(r.ok() == fine);
        if (!r.ok()) CHECK(r.errors[0].rule == "xml.malformed");
    }
    // Declared prefixes, xml:lang and non-ASCII letters are names.
    CHECK(readProfileXml("<VPNProfile><p:Foo xmlns:p=\"urn:x\" xml:lang=\"en\"/><Caf\xC3\xA9/>"
                         "</VPNProfile>")
              .ok());
    // The xml prefix may be declared with its own namespace; one local name in two namespaces
    // is two attributes; an unprefixed attribute is in no namespace.
    CHECK(readProfileXml("<VPNProfile><Foo xmlns:xml=\"http://www.w3.org/XML/1998/namespace\" "
                         "xmlns:p=\"u\" xmlns:q=\"v\" p:a=\"1\" q:a=\"2\" a=\"3\"/></VPNProfile>")
              .ok());
}

TEST_CASE("comments inside kept elements are written so that they read back") {
    const ReadResult r =
        readProfileXml("<VPNProfile><Foo><!--a--b--><!--c-\xFF--></Foo></VPNProfile>");
    REQUIRE(r.ok());
    const std::string xml = writeProfileXml(r.profile);
    CHECK(xml.find("<!--a- -b-->") != std::string::npos);
    CHECK(xml.find("--b--") == std::string::npos);
    CHECK(readProfileXml(xml).profile ==
          readProfileXml(writeProfileXml(readProfileXml(xml).profile)).profile);
}

TEST_CASE("the writer's eight-byte text copy escapes and cleans at every position") {
    // Values are copied eight bytes at a time while no byte needs more: put each byte that does
    // at every offset of values around that size, and check the written text reads back.
    for (std::size_t length = 1; length <= 20; ++length) {
        for (std::size_t at = 0; at < length; ++at) {
            for (const char c : std::string("&<>\t\n\x01\xC3", 7)) {
                std::string text(length, 'a');
                text[at] = c;
                if (c == '\xC3') text.insert(at + 1, "\xA9"); // U+00E9, valid UTF-8
                Profile p;
                p.profileName = text;
                const WriteResult w = writeProfileXmlChecked(p);
                CHECK(wellFormed(w.xml));
                std::string expected = text;
                if (c == '\x01') expected.erase(at, 1); // XML cannot carry U+0001
                CHECK(w.warnings.size() == (c == '\x01' ? 1u : 0u));
                CHECK(readOk(w.xml).profileName == expected);
            }
        }
    }
}

TEST_CASE("a file's UTF-8 check and copy in one pass agrees with the check alone, at every cut") {
    // The file is checked and copied 64 KB at a time: put valid and broken sequences across
    // that boundary (and the next) at each offset, and compare with isValidUtf8.
    const std::string sequences[] = {
        "\xC3\xA9",         "\xE2\x82\xAC", "\xF0\x9F\x94\x92", // valid: 2, 3, 4 bytes
        "\xE2\x82",         "\xC3",         "\xA9",             // cut short, a stray continuation
        "\xE0\x80\xAF",     "\xED\xA0\x80", "\xF4\x90\x80\x80", // overlong, surrogate, > U+10FFFF
        "\xE2\x82\xAC\xA9",                                     // one continuation too many
    };
    constexpr std::size_t kPiece = 64 * 1024;
    int checked = 0;
    for (const std::size_t boundary : {kPiece, 2 * kPiece}) {
        for (const std::string& seq : sequences) {
            for (std::size_t back = 0; back <= 5; ++back) {
                std::string text(2 * kPiece + 100, 'a');
                text.replace(boundary - back, seq.size(), seq);
                const bool valid = xml::isValidUtf8(text);
                std::string copy = "x";
                CAPTURE(boundary);
                CAPTURE(back);
                CHECK(xml::appendValidUtf8(copy, text) == valid);
                if (valid) CHECK(copy == "x" + text);
                ++checked;
            }
        }
    }
    CHECK(checked == 2 * 10 * 6);
    std::string empty;
    CHECK(xml::appendValidUtf8(empty, ""));
    CHECK(empty.empty());
    // The reader's decode takes this path: a valid file reads as it is, a broken one as
    // Windows-1252 (with the note saying so).
    std::string big = "<VPNProfile><ProfileName>" + std::string(kPiece, 'n') + "\xC3\xA9" +
                      "</ProfileName></VPNProfile>";
    CHECK(readProfileXml(big).profile.profileName.value_or("").ends_with("n\xC3\xA9"));
    big.insert(kPiece, "\xC3");
    const ReadResult guessed = readProfileXml(big);
    REQUIRE_FALSE(guessed.warnings.empty());
    CHECK(guessed.warnings.front().rule == "text.encoding-guessed");
}
