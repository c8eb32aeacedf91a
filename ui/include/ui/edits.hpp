#pragma once
// Profile edits that are more than setting one value; pure functions, tested without ImGui.
#include "model/profile.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace aovpn::ui {

struct HostRoutePaste {
    int added = 0;
    std::vector<std::string> duplicates; // already routed as a host route
    std::vector<std::string> rejected;   // not an IP address
};

// Adds a /32 (IPv4) or /128 (IPv6) route for every address in `text`: any mix of spaces,
// newlines, commas and semicolons between them, as pasted from a ticket or a spreadsheet.
HostRoutePaste addHostRoutes(Profile& profile, std::string_view text);

} // namespace aovpn::ui
