#include "model/net.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace aovpn;

TEST_CASE("port ranges parse singles and ranges") {
    auto r = parsePortRanges("80,443,52000-52112");
    REQUIRE(r.ok);
    REQUIRE(r.value.size() == 3);
    CHECK(r.value[0] == PortRange{80, 80});
    CHECK(r.value[1] == PortRange{443, 443});
    CHECK(r.value[2] == PortRange{52000, 52112});
    CHECK(parsePortRanges("0-65535").ok);
    CHECK(parsePortRanges(" 80 , 443 - 444 ").ok);
    CHECK(parsePortRanges("3389").value.front() == PortRange{3389, 3389});
}

TEST_CASE("port range errors") {
    struct Case {
        const char* text;
        const char* phrase;
    };
    const Case cases[] = {
        {"", "Enter ports"},
        {"65536", "above 65535"},
        {"999999", "above 65535"},
        {"80,,443", "empty item"},
        {"80,", "empty item"},
        {"http", "not a port number"},
        {"443-80", "runs backwards; write 80-443"},
        {"80-", "not a port number"},
        {"-80", "not a port number"},
        {"1-2-3", "not a port number"},
        {"+80", "not a port number"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        auto r = parsePortRanges(c.text);
        CHECK_FALSE(r.ok);
        CHECK(r.error.find(c.phrase) != std::string::npos);
    }
}

// portRangesValid takes a one-pass quick path; whatever it says must be what the careful parser
// says, on the edges of that quick path too.
TEST_CASE("portRangesValid agrees with parsePortRanges") {
    const char* texts[] = {"80",
                           "80,443,52000-52112",
                           " 80 , 443 - 444 ",
                           "0-65535",
                           "\t8443\r\n",
                           "00080",
                           "000080",
                           "65535",
                           "65536",
                           "99999",
                           "80-80",
                           "81-80",
                           "80-",
                           "-80",
                           "1-2-3",
                           "80,,443",
                           "80,",
                           ",80",
                           "80 443",
                           "80 - 4 43",
                           "",
                           "   ",
                           "+80",
                           "80;443",
                           "443-65535,1"};
    for (const char* text : texts) {
        CAPTURE(text);
        CHECK(portRangesValid(text) == parsePortRanges(text).ok);
    }
    CHECK(portRangesValid(" 80 , 443 - 444 "));
    CHECK_FALSE(portRangesValid("81-80"));
}

TEST_CASE("address ranges: single, prefix and span, v4 and v6") {
    auto r = parseAddressRanges("192.168.3.4, 192.168.3.5,172.16.0.0/24,10.0.0.1-10.0.0.9,fd00::/8,"
                                "fd00::1-fd00::ff");
    REQUIRE_MESSAGE(r.ok, r.error);
    REQUIRE(r.value.size() == 6);
    CHECK(r.value[0].kind == AddressRangeKind::Single);
    CHECK(r.value[2].kind == AddressRangeKind::Prefix);
    CHECK(r.value[2].prefixLength == 24);
    CHECK(formatIp(r.value[2].last) == "172.16.0.255");
    CHECK(r.value[3].kind == AddressRangeKind::Span);
    CHECK(formatIp(r.value[3].last) == "10.0.0.9");
    CHECK(r.value[5].first.family == IpFamily::V6);
    CHECK(formatAddressRange(r.value[0]) == "192.168.3.4");
    CHECK(formatAddressRange(r.value[2]) == "172.16.0.0/24");
    CHECK(formatAddressRange(r.value[3]) == "10.0.0.1-10.0.0.9");
    CHECK(formatAddressRange(r.value[5]) == "fd00::1-fd00::ff");
}

TEST_CASE("plainly written IPv4 ranges, read in one pass, equal the careful parser's") {
    // The one-pass path takes "a.b.c.d" and "a.b.c.d/nn"; everything else (leading zeros,
    // blanks inside, three-digit lengths) goes to the careful parser, which must agree.
    const char* items[] = {"10.0.0.0/8",  "10.0.0.0/08", "10.1.2.3/32",     "0.0.0.0/0",
                           "10.0.0.5/24", "10.0.0.0/3",  "255.255.255.255", "1.2.3.4",
                           "1.2.3.4/032", "1.2.3.4/ 24", "1.2.3.4 /24",     "01.2.3.4/8",
                           "1.2.3.4/33",  "1.2.3.4/",    "1.2.3/8",         "1.2.3.4.5/8"};
    for (const char* item : items) {
        CAPTURE(item);
        const auto got = parseAddressRanges(item);
        const std::string_view text(item);
        if (text.find('/') == std::string_view::npos) {
            const auto ip = parseIp(text);
            REQUIRE(got.ok == ip.ok);
            if (!ip.ok) continue;
            REQUIRE(got.value.size() == 1);
            CHECK(got.value[0].kind == AddressRangeKind::Single);
            CHECK(got.value[0].first == ip.value);
            CHECK(got.value[0].last == ip.value);
            continue;
        }
        const auto prefix = parsePrefix(text);
        REQUIRE(got.ok == prefix.ok);
        if (!prefix.ok) {
            CHECK(got.error == prefix.error);
            continue;
        }
        REQUIRE(got.value.size() == 1);
        const AddressRange& r = got.value[0];
        CHECK(r.kind == AddressRangeKind::Prefix);
        CHECK(r.first == prefix.value.address);
        CHECK(r.prefixLength == prefix.value.length);
        CHECK(r.last == lastAddress(prefix.value.address, prefix.value.length));
    }
}

TEST_CASE("address range errors") {
    struct Case {
        const char* text;
        const char* phrase;
    };
    const Case cases[] = {
        {"", "Enter addresses"},
        {"10.0.0.1,,10.0.0.2", "empty item"},
        {"10.0.0.9-10.0.0.1", "runs backwards"},
        {"10.0.0.1-fd00::1", "mixes IPv4 and IPv6"},
        {"10.0.0.0/33", "0 to 32"},
        {"300.0.0.1", "above 255"},
        {"server1", "not an IPv4 address"},
        {"10.0.0.1-", "required"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        auto r = parseAddressRanges(c.text);
        CHECK_FALSE(r.ok);
        CHECK(r.error.find(c.phrase) != std::string::npos);
    }
}

TEST_CASE("list helpers trim and keep empties") {
    auto items = splitList(" a, b ,,c ", ',');
    REQUIRE(items.size() == 4);
    CHECK(items[0] == "a");
    CHECK(items[1] == "b");
    CHECK(items[2].empty());
    CHECK(items[3] == "c");
    CHECK(trimSpaces(" \t x \r\n") == "x");
    CHECK(trimSpaces("   ").empty());
}
