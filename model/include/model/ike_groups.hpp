#pragma once
// The IKE key exchange groups a Windows profile can name (DHGroup / PfsGroup), by their IANA
// numbers: MODP 1, 2, 14, 24 and ECP 19 (P-256), 20 (P-384).
#include "model/enums.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aovpn::ike {

std::optional<std::uint16_t> groupNumber(DhGroup group); // Group14 -> 14, ECP256 -> 19
std::optional<DhGroup> dhGroupFor(std::uint16_t number);
// "DH group 14 (MODP-2048)", "DH group 19 (ECP-256)", "DH group 31" for others.
std::string groupName(std::uint16_t number);

enum class GroupKind : std::uint8_t { Modp, Ecp, Unsupported };
GroupKind groupKind(std::uint16_t number);
// The public value's size in the KE payload: the prime's bytes (MODP) or x || y (ECP,
// RFC 5903); 0 for an unsupported group.
std::size_t keDataLength(std::uint16_t number);

// Big-endian hex of a MODP group's prime, generator and (group 24 only) subgroup order.
struct ModpGroup {
    std::string_view primeHex;
    std::string_view generatorHex;
    std::string_view orderHex; // empty: exponents are taken as wide as the prime's strength
};
std::optional<ModpGroup> modpGroup(std::uint16_t number);

} // namespace aovpn::ike
