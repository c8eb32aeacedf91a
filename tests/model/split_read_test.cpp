// A large profile is read in two halves at once (model/src/split_read.cpp): whatever the text,
// the result must be the one-thread read's, and the two-thread path must really be taken when
// it can be.
#include "model/profile_xml.hpp"

#include "no_new_threads.hpp"
#include "profile_test_util.hpp"
#include "split_read.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdint>
#include <exception>
#include <random>
#include <string>

namespace aovpn {
namespace {

constexpr ReadOptions kOneThread{.splitFrom = SIZE_MAX};
constexpr ReadOptions kAlwaysSplit{.splitFrom = 0};

Profile listProfile(int count) {
    Profile p;
    p.profileName = "Contoso AOVPN";
    p.comments = {{"before the root", ""}, {"the end", "/"}};
    NativeProfile n;
    n.servers = {{"vpn.contoso.com", "Contoso"}};
    n.comments = {{"a label", ""}};
    n.nativeProtocolType = NativeProtocol::IKEv2;
    Authentication a;
    a.machineMethod = MachineMethod::Certificate;
    n.authentication = a;
    p.nativeProfile = n;
    for (int i = 0; i < count; ++i) {
        const std::string net = fmt::format("10.{}.{}.0", i / 256, i % 256);
        Route r;
        r.address = net;
        r.prefixSize = 24;
        if (i % 7 == 0) r.comments = {{fmt::format("DC{:02}", i), ""}};
        p.routes.push_back(r);
        TrafficFilter f;
        f.protocol = 6;
        f.remotePortRanges = "443,8443";
        f.remoteAddressRanges = net + "/24";
        if (i % 5 == 0) f.comments = {{"app", "RemotePortRanges"}};
        p.trafficFilters.push_back(f);
    }
    return p;
}

// Everything a read returns, so two reads can be compared whole.
void requireSame(const ReadResult& split, const ReadResult& one) {
    CHECK(split.profile == one.profile);
    CHECK(split.errors == one.errors);
    CHECK(split.warnings == one.warnings);
    CHECK(split.suppressed == one.suppressed);
    CHECK(split.source == one.source);
}

// Whether `text` takes the two-thread path, and what it reads there equals the one-thread read.
bool takesSplit(const std::string& text) {
    std::string buffer = text;
    ReadResult split;
    const bool took = readSplit(split, text, buffer, 0);
    if (took) CHECK(split.profile == readProfileXml(text, kOneThread).profile);
    // Intact either way: for the one-thread read, or as the result's source.
    CHECK(buffer == text);
    return took;
}

// `text` with `snippet` put in just before the cut readSplit would choose.
std::string atCut(const std::string& text, std::string_view snippet) {
    const Cut cut = splitPoint(text);
    REQUIRE(cut.list != nullptr);
    std::string out = text;
    out.insert(cut.at, snippet);
    return out;
}

// `text` with `snippet` put at the end of the root, in the second half.
std::string beforeEnd(const std::string& text, std::string_view snippet) {
    std::string out = text;
    out.insert(out.rfind("</VPNProfile>"), snippet);
    return out;
}

TEST_CASE("a large profile is read in two halves, with the one-thread read's result") {
    const Profile original = listProfile(3000);
    const std::string text = writeProfileXml(original);
    REQUIRE(text.size() > ReadOptions{}.splitFrom);
    CHECK(takesSplit(text));
    const ReadResult split = readProfileXml(text);
    requireSame(split, readProfileXml(text, kOneThread));
    CHECK(split.profile == original); // comments inside items and at the root's end included
    CHECK(split.warnings.empty());
}

TEST_CASE("the cut is just before a top-level list item, at or after kFirstShare percent") {
    const std::string text = writeProfileXml(listProfile(200));
    const Cut cut = splitPoint(text);
    REQUIRE(cut.list != nullptr);
    CHECK(cut.at >= text.size() / 100 * kFirstShare);
    CHECK(cut.at < text.size() / 100 * kFirstShare + 200); // the first item there
    CHECK(text.compare(cut.at, cut.list->name.size() + 1, "<" + std::string(cut.list->name)) == 0);
    CHECK(splitPoint("<VPNProfile><ProfileName>x</ProfileName></VPNProfile>").list == nullptr);
    CHECK(splitPoint("").list == nullptr);
    // An end tag of a list item followed by something else is no cut.
    CHECK(splitPoint("<VPNProfile><Route></Route><NativeProfile/></VPNProfile>").list == nullptr);
}

TEST_CASE("what the two-thread read cannot vouch for is read on one thread, with the same "
          "result") {
    const std::string text = writeProfileXml(listProfile(400));
    struct Case {
        const char* what;
        std::string text;
    };
    const Case cases[] = {
        {"a cut inside a comment",
         atCut(text, "<!-- </Route>\n  <Route> -->\n  <Route><Address>10.9.9.0</Address></Route>")},
        {"a cut inside CDATA",
         atCut(text, "<Route><Address><![CDATA[10.8.8.0]]></Address></Route>\n"
                     "<Unknown><![CDATA[</Route> <Route>]]></Unknown>")},
        {"a cut below the top level",
         atCut(text, "<Vendor><Route><Address>10.7.7.0</Address></Route>\n"
                     "  <Route><Address>10.7.8.0</Address></Route></Vendor>")},
        {"a single element in both halves", beforeEnd(text, "<ProfileName>Second</ProfileName>")},
        {"a finding in the second half", atCut(text, "<Route><Metric>x</Metric></Route>")},
        {"a namespace on the root",
         "<VPNProfile xmlns=\"urn:x\">" + text.substr(std::string_view("<VPNProfile>").size())},
        {"broken XML in the second half", atCut(text, "<Route><Address>10.6.6.0</Route>")},
        {"a second root", text + "<VPNProfile/>"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        CHECK_FALSE(takesSplit(c.text));
        requireSame(readProfileXml(c.text, kAlwaysSplit), readProfileXml(c.text, kOneThread));
    }
    // What does not need a finding still splits: a comment and blank text at the cut.
    CHECK(takesSplit(atCut(text, "<!-- DC99 -->\n  ")));
}

TEST_CASE("a namespace declared on the root, used in the second half, splits nothing") {
    std::string text =
        "<VPNProfile xmlns:h=\"http://www.microsoft.com/provisioning/EapHostConfig\">";
    for (int i = 0; i < 60; ++i)
        text += fmt::format(
            "<Route><Address>10.0.{}.0</Address><PrefixSize>24</PrefixSize></Route>\n", i);
    text += "<NativeProfile><Authentication><Eap><Configuration><h:EapHostConfig><h:EapMethod>"
            "<Type xmlns=\"http://www.microsoft.com/provisioning/EapCommon\">26</Type>"
            "</h:EapMethod></h:EapHostConfig></Configuration></Eap></Authentication>"
            "</NativeProfile></VPNProfile>";
    const ReadResult one = readProfileXml(text, kOneThread);
    REQUIRE(one.ok());
    REQUIRE(one.profile.nativeProfile->authentication->eap->opaqueXml.find("xmlns:h=") !=
            std::string::npos);
    CHECK_FALSE(takesSplit(text));
    requireSame(readProfileXml(text, kAlwaysSplit), one);
}

TEST_CASE("few items before the cut and a long second half reserve no more than they justify") {
    // roomFor estimates the second half's items from the bytes the first half's take: one item
    // of 42 bytes before the cut and 800 KB of comment after it would reserve room for 20,000.
    const std::size_t size = 2'000'000;
    std::string text = "<VPNProfile><!--" + std::string(size * 60 / 100, 'a') + "-->";
    text += "<Route><Address>10.0.0.1</Address></Route>\n";
    text += "<Route><Address>10.0.0.2</Address></Route>\n";
    text += "<!--" + std::string(size * 40 / 100, 'b') + "--></VPNProfile>";
    CHECK(takesSplit(text));
    const ReadResult split = readProfileXml(text, kAlwaysSplit);
    requireSame(split, readProfileXml(text, kOneThread));
    REQUIRE(split.profile.routes.size() == 2);
    CHECK(split.profile.routes.capacity() <= 16);
}

TEST_CASE("root comments of both halves come out in the order one read gives them") {
    // Out of schema order: the first half's comment is before a later element than the second's.
    std::string text = "<VPNProfile><!--r--><RegisterDNS>true</RegisterDNS>";
    for (int i = 0; i < 60; ++i)
        text += fmt::format("<Route><Address>10.0.{}.0</Address></Route>\n", i);
    text += "<!--d--><DnsSuffix>corp.contoso.com</DnsSuffix></VPNProfile>";
    CHECK(takesSplit(text));
    const ReadResult split = readProfileXml(text, kAlwaysSplit);
    requireSame(split, readProfileXml(text, kOneThread));
    REQUIRE(split.profile.comments.size() == 2);
    CHECK(split.profile.comments[0].text == "d");
}

TEST_CASE("a NUL byte after the root, before the cut, ends the text on two threads too") {
    // pugixml stops at a NUL byte: one read sees only the root before it, and so must the split,
    // whose halves would otherwise read the routes after it as the root's.
    std::string text = "<VPNProfile><ProfileName>x</ProfileName></VPNProfile>";
    text += '\0';
    for (int i = 0; i < 60; ++i)
        text += fmt::format("<Route><Address>10.0.{}.0</Address></Route>\n", i);
    text += "</VPNProfile>";
    const ReadResult one = readProfileXml(text, kOneThread);
    REQUIRE(one.ok());
    REQUIRE(one.profile.routes.empty());
    CHECK_FALSE(takesSplit(text));
    const ReadResult split = readProfileXml(text, kAlwaysSplit);
    CHECK(split.profile.routes.size() == 0);
    requireSame(split, one);
}

#if defined(AOVPN_HAVE_NO_NEW_THREADS)
TEST_CASE("when no second thread can be started, the text is read on one, without an exception") {
    const std::string text = writeProfileXml(listProfile(60));
    ReadResult split;
    std::string thrown;
    {
        const test::NoNewThreads noThreads;
        try {
            split = readProfileXml(text, kAlwaysSplit);
        } catch (const std::exception& e) {
            thrown = e.what();
        }
    }
    CHECK(thrown == "");
    requireSame(split, readProfileXml(text, kOneThread));
}
#endif

TEST_CASE("a few short items before the cut make room in proportion to the text, not more") {
    // The first half guesses the second's items from the bytes its own take: two short routes
    // after a long name, then one route and a long value, must not make room for hundreds of
    // thousands.
    const std::string text = "<VPNProfile><ProfileName>" + std::string(560 * 1024, 'n') +
                             "</ProfileName><Route></Route><Route></Route><Route></Route>"
                             "<TrustedNetworkDetection>" +
                             std::string(440 * 1024, 't') +
                             "</TrustedNetworkDetection></VPNProfile>";
    std::string buffer = text;
    ReadResult split;
    REQUIRE(readSplit(split, text, buffer, 0));
    CHECK(split.profile.routes.size() == 3);
    CHECK(split.profile.routes.capacity() < text.size() / 16);
    CHECK(buffer == text);
    requireSame(readProfileXml(text), readProfileXml(text, kOneThread));
}

TEST_CASE("looking for the cut takes linear time, also in a text of nothing but \"</\"") {
    // Each "</" looked for its '>' to the end of the text: 4 MB of them took about 20 s where
    // the one-thread read gives up in a few milliseconds. (No clock is asserted: a slow search
    // shows as this test's time.)
    std::string text = "<VPNProfile>";
    while (text.size() < 4 * 1024 * 1024)
        text += "</";
    text += ">";
    CHECK(splitPoint(text).list == nullptr);
    requireSame(readProfileXml(text), readProfileXml(text, kOneThread));
}

TEST_CASE("anything put anywhere reads the same on two threads as on one") {
    const std::string text = writeProfileXml(listProfile(60));
    const std::string_view snippets[] = {
        "<!-- x -->",
        "<![CDATA[</Route><Route>]]>",
        "<Unknown>a</Unknown>",
        "<ProfileName>B</ProfileName>",
        "</Route><Route>",
        "<Route>",
        "stray",
        "&amp;",
        "<Route><Metric>1</Metric></Route>",
        "\xC3\x28",
        "</TrafficFilter>\n<TrafficFilter>",
    };
    std::mt19937 random(11); // fixed: a failure is reproducible
    int split = 0;
    for (int i = 0; i < 400; ++i) {
        std::string t = text;
        const std::string_view s = snippets[random() % std::size(snippets)];
        t.insert(random() % (t.size() + 1), s);
        CAPTURE(i);
        split += takesSplit(t);
        requireSame(readProfileXml(t, kAlwaysSplit), readProfileXml(t, kOneThread));
    }
    CHECK(split > 20); // both paths were taken
    CHECK(split < 400);
}

TEST_CASE("every reference and corpus profile reads the same on two threads as on one") {
    std::vector<std::string> files = test::referenceProfiles();
    for (const auto& e : std::filesystem::recursive_directory_iterator(test::corpusDir()))
        if (e.path().extension() == ".xml") files.push_back(e.path().string());
    REQUIRE(files.size() > 20);
    for (const std::string& path : files) {
        CAPTURE(path);
        const std::string text = test::readFile(path);
        requireSame(readProfileXml(text, kAlwaysSplit), readProfileXml(text, kOneThread));
    }
}

} // namespace
} // namespace aovpn
