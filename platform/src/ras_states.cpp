// RASCONNSTATE values (ras.h) as words for the progress line. Plain numbers so this builds and is
// tested on Linux too.
#include "platform/platform.hpp"

#include <array>

namespace aovpn::platform {

namespace {
struct StateName {
    std::uint32_t state;
    std::string_view words;
};
constexpr std::array kStates{
    StateName{0, "Opening the port"},
    StateName{1, "Port opened"},
    StateName{2, "Connecting to the server"},
    StateName{3, "Connected to the server"},
    StateName{4, "All devices connected"},
    StateName{5, "Authenticating"},
    StateName{6, "Authentication progress"},
    StateName{7, "Retrying authentication"},
    StateName{8, "Server requested a callback"},
    StateName{9, "Password change requested"},
    StateName{10, "Registering on the network (projection)"},
    StateName{11, "Measuring link speed"},
    StateName{12, "Authentication acknowledged"},
    StateName{13, "Re-authenticating"},
    StateName{14, "Authenticated"},
    StateName{15, "Preparing for callback"},
    StateName{16, "Waiting for modem reset"},
    StateName{17, "Waiting for callback"},
    StateName{18, "Projected (network settings negotiated)"},
    StateName{19, "Starting authentication"},
    StateName{20, "Callback complete"},
    StateName{21, "Logging on to the network"},
    StateName{22, "Sub-entry connected"},
    StateName{23, "Sub-entry disconnected"},
    StateName{24, "Applying settings"},
    StateName{0x1000, "Waiting for interaction"},
    StateName{0x1001, "Waiting for new credentials"},
    StateName{0x1002, "Waiting for a callback number"},
    StateName{0x1003, "Password expired"},
    StateName{0x1004, "Waiting for the EAP prompt"},
    StateName{0x2000, "Connected"},
    StateName{0x2001, "Disconnected"},
};
} // namespace

std::string_view rasStateName(std::uint32_t state) {
    for (const auto& s : kStates)
        if (s.state == state) return s.words;
    return "Unknown state";
}

} // namespace aovpn::platform
