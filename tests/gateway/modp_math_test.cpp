// modpPower (the MODP key exchange where BCrypt has no DH, as under Wine) against values
// computed independently (Python's pow(g, x, p) on the RFC 2409/3526/5114 parameters).
#include "model/ike_groups.hpp"

#include "probe/modp_math.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

std::string hexOf(const std::vector<std::uint8_t>& b) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::uint8_t v : b) {
        out += digits[v >> 4];
        out += digits[v & 15];
    }
    return out;
}

std::vector<std::uint8_t> bytes(std::string_view hex) {
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(
            static_cast<std::uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return out;
}

constexpr std::string_view kExponent =
    "20123456789abcdef0123456789abcdef0123456789abcdeffedcba987654321";
constexpr std::string_view kGroup2 =
    "39a0e69a40c40b03cac949551ce0430093261ee66c2fca7cfde1603af815f451"
    "e39365fda3a0290b8fa8512eb192f9e3b80dc25b0dc3a70e2cb95171a0ffe65d"
    "398135eddf4457517ccd347caf09461d823165e92a40d4b9b4ed4821cc7b6789"
    "d76f84d4c3a40a8cd85c226f2bd6bdd587c8e308cbae83e9adca21b17c535df3";
constexpr std::string_view kGroup14 =
    "6ef38f596a3e0a000c5352bc8ca45b8b8cdf40ac3871229c48f45f6da208fe07"
    "b3f9b234d3359fc3bd27f85ebda36e5f17d02e6831f56713e586eb21a83e76e5"
    "079f8723fd3b31fe17b7f25031e066ef5479e318c64a5b499043c419225a251c"
    "1bb2ff09195540e5844a930ac31b599656556d2d9109f849816135fa8a18dca6"
    "3a35e28190f9b0a0c6c21a1f7fdd647c6fcc601f00199031dd33dc70c106f6d1"
    "3b34263ef7b21af4b1fb6a1c8fbc3440b837235eff383a188e366b13f0c26cd6"
    "80172832dfa431f20fd08d25773485862b4a62e9cd303e3b764b46e0418574d7"
    "626370f3a5a8b02acd5a087cbce1e0421c155fa1e7587222f71dd46a15f024c7";
constexpr std::string_view kGroup24 =
    "2b512d4bc3a4cbb3957dfc1119ec1ac499531b01f3e1d8c1d169ec0a2b5092e1"
    "7068832e4dd3d490b3ddf670b08ef401848a7252141f6484616351bcd75fc639"
    "ef54af49a3b17c3bb98aefb88163f7b90eb35949debf6227e4823245de8760f5"
    "ef41187c6747910d3691710379b7f694b680016f32df448f7eabbf37010033e8"
    "7223940744373980b66de54a1ead5919ab9443c4561def6e23cbf37a1b29fb30"
    "a1eb39a19b4de662a45a09a08ec24e65ddde52f60e2c4130daa61a59a97ea4be"
    "9041a9c52e8546c0e5040fc6738ab2d8a366cdb873b51aebf8c6c4a87f0fd65a"
    "ffae2eabb949f8c9b81ddfdff041e13f962dce9337ef215b523b590e5917eece";

} // namespace

TEST_CASE("modpPower: g^x mod p for groups 2, 14 and 24 (known answers)") {
    using aovpn::ike::modpGroup;
    using aovpn::platform::probe::modpPower;
    const auto x = bytes(kExponent);
    CHECK(hexOf(modpPower(*modpGroup(2), x)) == kGroup2);
    CHECK(hexOf(modpPower(*modpGroup(14), x)) == kGroup14);
    CHECK(hexOf(modpPower(*modpGroup(24), x)) == kGroup24);
    // x = 1 gives g itself, padded to the prime's size.
    const auto one = modpPower(*modpGroup(14), std::vector<std::uint8_t>{1});
    CHECK(one.size() == 256);
    CHECK(one.back() == 2);
}
