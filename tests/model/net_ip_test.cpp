#include "model/net.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace aovpn;

namespace {
std::string roundTrip(const char* text) {
    auto r = parseIp(text);
    REQUIRE_MESSAGE(r.ok, r.error);
    return formatIp(r.value);
}
} // namespace

TEST_CASE("IPv4 parses dotted quads and formats them back") {
    auto r = parseIpv4("172.21.12.7");
    REQUIRE(r.ok);
    CHECK(r.value.isV4());
    CHECK(r.value.bytes[0] == 172);
    CHECK(r.value.bytes[3] == 7);
    CHECK(formatIp(r.value) == "172.21.12.7");
    CHECK(roundTrip("0.0.0.0") == "0.0.0.0");
    CHECK(roundTrip("255.255.255.255") == "255.255.255.255");
}

TEST_CASE("IPv4 rejects malformed text with a sentence naming the part") {
    struct Case {
        const char* text;
        const char* phrase;
    };
    const Case cases[] = {
        {"", "required"},
        {"10.0.0", "four numbers"},
        {"10.0.0.0.1", "four numbers"},
        {"256.1.1.1", "part 1 is 256, above 255"},
        {"10.0.0.1000", "part 4 is above 255"},
        {"10..0.1", "part 2 is empty"},
        {"10.0.0.x", "part 4 is not a number"},
        {"010.0.0.1", "leading zero"},
        {" 10.0.0.1", "not a number"},
        {"10.0.0.-1", "not a number"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        auto r = parseIpv4(c.text);
        CHECK_FALSE(r.ok);
        CHECK(r.error.find(c.phrase) != std::string::npos);
        CHECK(r.error.back() == '.');
    }
}

TEST_CASE("IPv6 canonical text follows RFC 5952") {
    CHECK(roundTrip("2001:DB8:0:0:0:0:0:1") == "2001:db8::1");
    CHECK(roundTrip("2001:0db8:0000:0000:0000:ff00:0042:8329") == "2001:db8::ff00:42:8329");
    CHECK(roundTrip("::") == "::");
    CHECK(roundTrip("::1") == "::1");
    CHECK(roundTrip("1::") == "1::");
    // A single zero group is not compressed (4.2.2).
    CHECK(roundTrip("2001:db8:0:1:1:1:1:1") == "2001:db8:0:1:1:1:1:1");
    // The longest run wins (4.2.3); the first on a tie.
    CHECK(roundTrip("2001:0:0:1:0:0:0:1") == "2001:0:0:1::1");
    CHECK(roundTrip("2001:db8:0:0:1:0:0:1") == "2001:db8::1:0:0:1");
    CHECK(roundTrip("2001:db8:2112:a867:5309:1843:6572:adfe") ==
          "2001:db8:2112:a867:5309:1843:6572:adfe");
    // IPv4-mapped keeps the dotted quad (section 5); embedded IPv4 input is accepted.
    CHECK(roundTrip("::FFFF:192.0.2.1") == "::ffff:192.0.2.1");
    CHECK(roundTrip("64:ff9b::192.0.2.33") == "64:ff9b::c000:221");
    CHECK(roundTrip("1:2:3:4:5:6:7::") == "1:2:3:4:5:6:7:0");
}

TEST_CASE("IPv6 rejects malformed text") {
    const char* bad[] = {"",
                         "1:2:3:4:5:6:7",
                         "1:2:3:4:5:6:7:8:9",
                         "1::2::3",
                         ":1:2:3:4:5:6:7",
                         "1:2:3:4:5:6:7:",
                         "12345::1",
                         "g::1",
                         "fe80::1%eth0",
                         "1:::2",
                         "::1.2.3.4.5",
                         "1.2.3.4::1",
                         "1:2:3:4:5:6:7:8::",
                         "2001: db8::1"};
    for (const char* text : bad) {
        CAPTURE(text);
        auto r = parseIpv6(text);
        CHECK_FALSE(r.ok);
        CHECK_FALSE(r.error.empty());
    }
}

TEST_CASE("parseIp picks the family from the text") {
    CHECK(parseIp("10.1.2.3").value.family == IpFamily::V4);
    CHECK(parseIp("fd00::1").value.family == IpFamily::V6);
    CHECK_FALSE(parseIp("vpn.example.com").ok);
}

TEST_CASE("addresses order by family then bytes") {
    CHECK(parseIp("10.0.0.1").value < parseIp("10.0.0.2").value);
    CHECK(parseIp("9.255.255.255").value < parseIp("10.0.0.0").value);
    CHECK(parseIp("255.255.255.255").value < parseIp("::").value);
}

TEST_CASE("messages quote long input only in part") {
    const std::string longText(10000, '9');
    auto r = parseIpv4(longText);
    CHECK_FALSE(r.ok);
    CHECK(r.error.size() < 200);
}
