#pragma once
// Internal: one-pass readers of plainly written IPv4 text, the usual case (a big profile holds
// 30,000 such values, checked on every edit). False sends the text to the careful parser, which
// gives the same value for what these accept and says what is wrong with the rest.
#include "model/net.hpp"

#include <string_view>

namespace aovpn::detail {

// "a.b.c.d": four numbers 0-255 without leading zeros.
bool quickIpv4(std::string_view text, IpAddress& a);

} // namespace aovpn::detail
