#pragma once
// Internal to the Azure package import (azure_import.cpp, azure_certs.cpp).
#include "model/net.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace aovpn::azure {

std::optional<std::string> decodeBase64(std::string_view text); // whitespace ignored
// The SHA-1 thumbprint (hex, upper case) of a DER or PEM certificate; `what` names it in errors.
ParseResult<std::string> certificateThumbprint(std::string_view bytes, std::string_view what);

} // namespace aovpn::azure
