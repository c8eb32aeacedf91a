#pragma once
// One IKE_SA_INIT round trip (see ike_exchange.cpp). Internal to platform/probe.
#include "probe_os.hpp"

namespace aovpn::platform::probe {

IkeObservation exchangeSaInit(const Address& to, std::uint16_t port, const ike::Offer& offer,
                              std::chrono::milliseconds timeout, const std::stop_token& stop,
                              GatewayCheckOptions::KeFault fault);

} // namespace aovpn::platform::probe
