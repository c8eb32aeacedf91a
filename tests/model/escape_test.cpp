#include "model/escape.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>

using namespace aovpn;

namespace {
// Hostile inputs shared by the round-trip tests.
std::string hostile() {
    std::string s = "A&B <x> \"q\" 'a' ]]> &amp; &lt; &#38; %20 %zz % / \\ $env:X `n ${x}";
    s += "\u202E\u200F RTL \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 "; // RTL marks
    s += "\u2018\u2019\u201A\u201B \U0001F510 caf\u00E9";
    s += std::string("\x01\x07\x1B\t\r\n", 6);
    s.push_back('\0');
    s += "end";
    return s;
}
} // namespace

TEST_CASE("CIM escaping escapes & first, then < > \"") {
    CHECK(escapeCimString("a&b") == "a&amp;b");
    CHECK(escapeCimString("<Servers>x</Servers>") == "&lt;Servers&gt;x&lt;/Servers&gt;");
    CHECK(escapeCimString(R"(<a b="c">)") == "&lt;a b=&quot;c&quot;&gt;");
    // An entity already in the XML (a name with '&' written as &amp;) is escaped once more.
    CHECK(escapeCimString("R&amp;D") == "R&amp;amp;D");
    CHECK(escapeCimString("]]>") == "]]&gt;");
    CHECK(escapeCimString("it's") == "it's");
    CHECK(escapeCimString("") == "");
}

TEST_CASE("CIM unescaping is the inverse and leaves unknown entities") {
    CHECK(unescapeCimString("&lt;a b=&quot;c&quot;&gt;R&amp;amp;D&lt;/a&gt;") ==
          R"(<a b="c">R&amp;D</a>)");
    CHECK(unescapeCimString("&apos; &#38; &unknown; & &amp") == "&apos; &#38; &unknown; & &amp");
    CHECK(unescapeCimString("&amp;lt;") == "&lt;");
}

TEST_CASE("CIM round trips hostile and large text") {
    const std::string h = hostile();
    CHECK(unescapeCimString(escapeCimString(h)) == h);
    std::string big;
    while (big.size() < 10 * 1024)
        big += h;
    CHECK(unescapeCimString(escapeCimString(big)) == big);
    const std::string escaped = escapeCimString(big);
    CHECK(escaped.find('<') == std::string::npos);
    CHECK(escaped.find('>') == std::string::npos);
    CHECK(escaped.find('"') == std::string::npos);
}

TEST_CASE("InstanceID keeps unreserved characters and encodes the rest") {
    auto r = encodeInstanceId("Contoso AOVPN");
    REQUIRE(r.ok);
    CHECK(r.value == "Contoso%20AOVPN");
    CHECK(encodeInstanceId("A-z_0.9~").value == "A-z_0.9~");
    CHECK(encodeInstanceId("R&D (VPN)").value == "R%26D%20%28VPN%29");
    CHECK(encodeInstanceId("100%").value == "100%25");
    CHECK(encodeInstanceId("caf\u00E9").value == "caf%C3%A9");
    CHECK(encodeInstanceId("\u202E").value == "%E2%80%AE");
    CHECK(encodeInstanceId("a\tb").value == "a%09b");
    CHECK(encodeInstanceId("a\\b").value == "a%5Cb");
}

TEST_CASE("InstanceID rejects '/', empty and broken UTF-8 with a sentence") {
    auto slash = encodeInstanceId("Corp/VPN");
    CHECK_FALSE(slash.ok);
    CHECK(slash.value.empty());
    CHECK(slash.error.find("'/'") != std::string::npos);
    auto empty = encodeInstanceId("");
    CHECK_FALSE(empty.ok);
    CHECK(empty.error.find("empty") != std::string::npos);
    auto broken = encodeInstanceId("caf\xC3");
    CHECK_FALSE(broken.ok);
    CHECK(broken.error.find("UTF-8") != std::string::npos);
}

TEST_CASE("InstanceID accepts only valid UTF-8: no surrogate, overlong form or code point past "
          "U+10FFFF") {
    // Each would otherwise be percent-encoded into an InstanceID Windows cannot decode.
    for (const char* bad : {"a\xED\xA0\x80z",     // U+D800, a UTF-16 surrogate
                            "a\xED\xBF\xBFz",     // U+DFFF
                            "a\xC0\xAFz",         // overlong '/'
                            "a\xE0\x80\xAFz",     // overlong '/' in three bytes
                            "a\xF0\x80\x80\xAFz", // overlong '/' in four bytes
                            "a\xF4\x90\x80\x80z", // U+110000
                            "a\xFFz", "a\x80z"}) {
        INFO(bad);
        const auto r = encodeInstanceId(bad);
        CHECK_FALSE(r.ok);
        CHECK(r.error.find("UTF-8") != std::string::npos);
    }
    // The edges that are valid still pass.
    CHECK(encodeInstanceId("\xED\x9F\xBF").ok);     // U+D7FF
    CHECK(encodeInstanceId("\xEE\x80\x80").ok);     // U+E000
    CHECK(encodeInstanceId("\xF4\x8F\xBF\xBF").ok); // U+10FFFF
    CHECK(encodeInstanceId("\xC2\x80").ok);         // U+0080, the shortest two-byte form
}

TEST_CASE("InstanceID decoding inverts encoding and keeps malformed escapes") {
    CHECK(decodeInstanceId("Contoso%20AOVPN") == "Contoso AOVPN");
    CHECK(decodeInstanceId("caf%c3%a9") == "caf\u00E9");
    CHECK(decodeInstanceId("100%") == "100%");
    CHECK(decodeInstanceId("%zz%4") == "%zz%4");
    CHECK(decodeInstanceId("%41") == "A");
    std::string h = hostile();
    h.erase(std::remove(h.begin(), h.end(), '/'), h.end());
    auto r = encodeInstanceId(h);
    REQUIRE(r.ok);
    for (char c : r.value) {
        const bool unreserved = std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
                                c == '.' || c == '_' || c == '~' || c == '%';
        CHECK(unreserved);
    }
    CHECK(decodeInstanceId(r.value) == h);
}

namespace {
// The plain definition the fast escaper must equal: & first, then < > ", one byte at a time.
std::string escapedSlowly(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}
} // namespace

TEST_CASE("CIM escaping equals the byte-by-byte definition at every length and position") {
    // The fast path copies 16-byte blocks and sums entity sizes per block: put each special
    // character (and a NUL, a high byte) at every offset of texts around the block sizes.
    const std::string specials = std::string("&<>\"\0\xC3\x80", 7);
    for (std::size_t length = 0; length <= 50; ++length) {
        const std::string plain(length, 'x');
        CHECK(escapeCimString(plain) == plain);
        for (std::size_t at = 0; at < length; ++at) {
            for (const char c : specials) {
                std::string s = plain;
                s[at] = c;
                CHECK(escapeCimString(s) == escapedSlowly(s));
                std::string dense(length, c); // every byte special
                dense[at] = 'y';
                CHECK(escapeCimString(dense) == escapedSlowly(dense));
            }
        }
    }
    std::string big;
    for (int i = 0; big.size() < 300 * 1024; ++i)
        big += "<Route><Address>10.0." + std::to_string(i % 250) + ".1</Address></Route>" +
               (i % 7 == 0 ? "&quot;\"" : "");
    CHECK(escapeCimString(big) == escapedSlowly(big));
}
