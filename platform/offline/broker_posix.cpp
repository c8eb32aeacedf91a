// Offline there is no SYSTEM account and no broker: every profile is written by this process.
#include "platform/broker.hpp"

namespace aovpn::platform {

std::optional<int> runBrokerIfRequested() {
    return std::nullopt;
}

} // namespace aovpn::platform
