#pragma once
// g^x mod p for the IKE MODP groups, where the OS crypto has no finite-field DH (Wine's BCrypt
// lacks BCRYPT_DH_ALGORITHM; Windows has it and uses it). Montgomery multiplication over 32-bit
// limbs; the exponent is random bytes from the OS. Internal to platform/probe.
#include "model/ike_groups.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace aovpn::platform::probe {

// The public value g^x mod p, big-endian and padded to the prime's size. `exponent` is
// big-endian; the caller takes it at random (and below the subgroup order for group 24).
std::vector<std::uint8_t> modpPower(const ike::ModpGroup& group,
                                    std::span<const std::uint8_t> exponent);

} // namespace aovpn::platform::probe
