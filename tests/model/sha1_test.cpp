// SHA-1 against the FIPS 180-4 examples and the padding boundaries.
#include "model/sha1.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace aovpn;

namespace {
std::string hashOf(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    return hexUpper(sha1({p, s.size()}));
}
} // namespace

TEST_CASE("SHA-1: FIPS 180-4 examples") {
    CHECK(hashOf("abc") == "A9993E364706816ABA3E25717850C26C9CD0D89D");
    CHECK(hashOf("") == "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709");
    CHECK(hashOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "84983E441C3BD26EBAAE4AA1F95129E5E54670F1");
    CHECK(hashOf(std::string(1000000, 'a')) == "34AA973CD4C4DAA4F61EEB2BDBAD27316534016F");
}

TEST_CASE("SHA-1: lengths around the 56- and 64-byte padding edges") {
    // Known values (sha1sum) for 55, 56, 63 and 64 bytes of 'x'.
    CHECK(hashOf(std::string(55, 'x')) == "CEF734BA81A024479E09EB5A75B6DDAE62E6ABF1");
    CHECK(hashOf(std::string(56, 'x')) == "901305367C259952F4E7AF8323F480D59F81335B");
    CHECK(hashOf(std::string(63, 'x')) == "0DDC4E0CCCD9A12850DEB5ABB0853A4425559FEC");
    CHECK(hashOf(std::string(64, 'x')) == "BB2FA3EE7AFB9F54C6DFB5D021F14B1FFE40C163");
}
