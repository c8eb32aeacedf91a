#include "model/net.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace aovpn;

namespace {
IpAddress ip(const char* text) {
    auto r = parseIp(text);
    REQUIRE_MESSAGE(r.ok, r.error);
    return r.value;
}
} // namespace

TEST_CASE("network address clears the host bits") {
    CHECK(formatIp(networkAddress(ip("172.21.12.0"), 21)) == "172.21.8.0");
    CHECK(formatIp(networkAddress(ip("10.1.2.3"), 8)) == "10.0.0.0");
    CHECK(formatIp(networkAddress(ip("10.1.2.3"), 0)) == "0.0.0.0");
    CHECK(formatIp(networkAddress(ip("10.1.2.3"), 32)) == "10.1.2.3");
    CHECK(formatIp(networkAddress(ip("2001:db8:2112:a867::1"), 48)) == "2001:db8:2112::");
    CHECK(formatIp(networkAddress(ip("2001:db8::1"), 127)) == "2001:db8::");
    CHECK(formatIp(networkAddress(ip("2001:db8::1"), 128)) == "2001:db8::1");
}

TEST_CASE("last address sets the host bits") {
    CHECK(formatIp(lastAddress(ip("172.16.0.0"), 24)) == "172.16.0.255");
    CHECK(formatIp(lastAddress(ip("172.16.0.0"), 12)) == "172.31.255.255");
    CHECK(formatIp(lastAddress(ip("fd00::"), 64)) == "fd00::ffff:ffff:ffff:ffff");
}

TEST_CASE("boundary check") {
    CHECK(isOnBoundary(ip("172.21.8.0"), 21));
    CHECK_FALSE(isOnBoundary(ip("172.21.12.0"), 21));
    CHECK(isOnBoundary(ip("10.21.12.100"), 32));
    CHECK(isOnBoundary(ip("0.0.0.0"), 0));
    CHECK_FALSE(isOnBoundary(ip("1.0.0.0"), 0));
    CHECK(isOnBoundary(ip("2001:db8:2112::"), 48));
    CHECK_FALSE(isOnBoundary(ip("2001:db8:2112::1"), 48));
    // Only the bytes past the prefix are looked at: a host bit in the byte the prefix ends in,
    // and in the last byte, both count.
    CHECK_FALSE(isOnBoundary(ip("10.1.3.0"), 23));
    CHECK(isOnBoundary(ip("10.1.2.0"), 23));
    CHECK(isOnBoundary(ip("10.1.2.0"), 24));
    CHECK_FALSE(isOnBoundary(ip("10.1.2.1"), 24));
    CHECK_FALSE(isOnBoundary(ip("2001:db8::1"), 127));
}

TEST_CASE("prefix parse, normalise and format") {
    auto p = parsePrefix("172.21.12.0/21");
    REQUIRE(p.ok);
    CHECK(p.value.length == 21);
    CHECK(formatPrefix(normalizePrefix(p.value)) == "172.21.8.0/21");
    auto v6 = parsePrefix("2001:DB8:2112:0:0:0:0:0/48");
    REQUIRE(v6.ok);
    CHECK(formatPrefix(v6.value) == "2001:db8:2112::/48");
}

TEST_CASE("prefix errors say what is wrong") {
    CHECK(parsePrefix("10.0.0.0").error.find("needs a prefix length") != std::string::npos);
    CHECK(parsePrefix("10.0.0.0/33").error.find("0 to 32") != std::string::npos);
    CHECK(parsePrefix("fd00::/129").error.find("0 to 128") != std::string::npos);
    CHECK(parsePrefix("10.0.0.0/").error.find("not a number") != std::string::npos);
    CHECK(parsePrefix("10.0.0.0/-1").error.find("not a number") != std::string::npos);
    CHECK(parsePrefix("10.0.0.0/1234").error.find("not a number") != std::string::npos);
    CHECK_FALSE(parsePrefix("10.0.0/8").ok);
    CHECK(parsePrefixLength("128", IpFamily::V6).ok);
    CHECK_FALSE(parsePrefixLength("128", IpFamily::V4).ok);
}
