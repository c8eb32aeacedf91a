#pragma once
// SHA-1 (FIPS 180-4), for identifiers Windows and IKE define with it: certificate thumbprints
// (TrustedRootCA, IssuerHash), CERTREQ key hashes, NAT detection. Not for anything secret.
#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace aovpn {

using Sha1Digest = std::array<std::uint8_t, 20>;

Sha1Digest sha1(std::span<const std::uint8_t> data);
// Upper-case hex without separators, as thumbprints are written.
std::string hexUpper(std::span<const std::uint8_t> bytes);

} // namespace aovpn
