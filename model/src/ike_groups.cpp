// MODP group parameters for the IKE key exchange (the public numbers of RFC 2409 §6.1-6.2,
// RFC 3526 §3 and RFC 5114 §2.3), for platforms that take them as input (BCrypt). A platform
// test compares them with OpenSSL's copies.
#include "model/ike_groups.hpp"

#include <fmt/format.h>

#include <string>

namespace aovpn::ike {
namespace {

constexpr std::string_view kGroup1Prime =
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
    "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
    "4FE1356D6D51C245E485B576625E7EC6F44C42E9A63A3620FFFFFFFFFFFFFFFF";
constexpr std::string_view kGroup2Prime =
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
    "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
    "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF";
constexpr std::string_view kGroup14Prime =
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
    "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
    "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05"
    "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB"
    "9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718"
    "3995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFFFFFFFFFFFFFF";
constexpr std::string_view kGroup24Prime =
    "87A8E61DB4B6663CFFBBD19C651959998CEEF608660DD0F25D2CEED4435E3B00"
    "E00DF8F1D61957D4FAF7DF4561B2AA3016C3D91134096FAA3BF4296D830E9A7C"
    "209E0C6497517ABD5A8A9D306BCF67ED91F9E6725B4758C022E0B1EF4275BF7B"
    "6C5BFC11D45F9088B941F54EB1E59BB8BC39A0BF12307F5C4FDB70C581B23F76"
    "B63ACAE1CAA6B7902D52526735488A0EF13C6D9A51BFA4AB3AD8347796524D8E"
    "F6A167B5A41825D967E144E5140564251CCACB83E6B486F6B3CA3F7971506026"
    "C0B857F689962856DED4010ABD0BE621C3A3960A54E710C375F26375D7014103"
    "A4B54330C198AF126116D2276E11715F693877FAD7EF09CADB094AE91E1A1597";
constexpr std::string_view kGroup24Generator =
    "3FB32C9B73134D0B2E77506660EDBD484CA7B18F21EF205407F4793A1A0BA125"
    "10DBC15077BE463FFF4FED4AAC0BB555BE3A6C1B0C6B47B1BC3773BF7E8C6F62"
    "901228F8C28CBB18A55AE31341000A650196F931C77A57F2DDF463E5E9EC144B"
    "777DE62AAAB8A8628AC376D282D6ED3864E67982428EBC831D14348F6F2F9193"
    "B5045AF2767164E1DFC967C1FB3F2E55A4BD1BFFE83B9C80D052B985D182EA0A"
    "DB2A3B7313D3FE14C8484B1E052588B9B7D2BBD2DF016199ECD06E1557CD0915"
    "B3353BBB64E0EC377FD028370DF92B52C7891428CDC67EB6184B523D1DB246C3"
    "2F63078490F00EF8D647D148D47954515E2327CFEF98C582664B4C0F6CC41659";
constexpr std::string_view kGroup24Order =
    "8CF83642A709A097B447997640129DA299B1A47D1EB3750BA308B0FE64F5FBD3";

} // namespace

std::optional<std::uint16_t> groupNumber(DhGroup group) {
    switch (group) {
    case DhGroup::Group1:
        return 1;
    case DhGroup::Group2:
        return 2;
    case DhGroup::Group14:
        return 14;
    case DhGroup::ECP256:
        return 19;
    case DhGroup::ECP384:
        return 20;
    case DhGroup::Group24:
        return 24;
    case DhGroup::None:
    case DhGroup::Other:
        break;
    }
    return std::nullopt;
}

std::optional<DhGroup> dhGroupFor(std::uint16_t number) {
    for (DhGroup g : {DhGroup::Group1, DhGroup::Group2, DhGroup::Group14, DhGroup::ECP256,
                      DhGroup::ECP384, DhGroup::Group24})
        if (groupNumber(g) == number) return g;
    return std::nullopt;
}

GroupKind groupKind(std::uint16_t number) {
    switch (number) {
    case 1:
    case 2:
    case 14:
    case 24:
        return GroupKind::Modp;
    case 19:
    case 20:
        return GroupKind::Ecp;
    default:
        return GroupKind::Unsupported;
    }
}

std::size_t keDataLength(std::uint16_t number) {
    switch (number) {
    case 1:
        return 96;
    case 2:
        return 128;
    case 14:
    case 24:
        return 256;
    case 19:
        return 64;
    case 20:
        return 96;
    default:
        return 0;
    }
}

std::string groupName(std::uint16_t number) {
    switch (number) {
    case 1:
        return "DH group 1 (MODP-768)";
    case 2:
        return "DH group 2 (MODP-1024)";
    case 14:
        return "DH group 14 (MODP-2048)";
    case 24:
        return "DH group 24 (MODP-2048, 256-bit subgroup)";
    case 19:
        return "DH group 19 (ECP-256)";
    case 20:
        return "DH group 20 (ECP-384)";
    default:
        return fmt::format("DH group {}", number);
    }
}

std::optional<ModpGroup> modpGroup(std::uint16_t group) {
    switch (group) {
    case 1:
        return ModpGroup{kGroup1Prime, "2", {}};
    case 2:
        return ModpGroup{kGroup2Prime, "2", {}};
    case 14:
        return ModpGroup{kGroup14Prime, "2", {}};
    case 24:
        return ModpGroup{kGroup24Prime, kGroup24Generator, kGroup24Order};
    default:
        return std::nullopt;
    }
}

} // namespace aovpn::ike
