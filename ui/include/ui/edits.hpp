#pragma once
// Profile edits that are more than setting one value; pure functions, tested without ImGui.
#include "model/profile.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace aovpn::ui {

// One entry of a pasted route list that cannot become a route, and why.
struct PastedEntryProblem {
    std::string text;
    int line = 1; // 1-based line of the pasted text it is on
    std::string why;
};

struct RoutePaste {
    int added = 0;
    std::vector<std::string> duplicates;      // already routed ("10.20.0.0/16")
    std::vector<PastedEntryProblem> rejected; // not an address or a usable prefix
    std::string remaining; // the rejected entries, one a line: what the paste box keeps
};

// Adds a route for every entry in `text`: an address becomes a /32 (IPv4) or /128 (IPv6) host
// route, a prefix ("10.20.0.0/16") a route of that size. Any mix of spaces, newlines, commas and
// semicolons may stand between entries, as pasted from a ticket or a spreadsheet.
RoutePaste addPastedRoutes(Profile& profile, std::string_view text);

// The entries of `text` addPastedRoutes would refuse, without adding anything (the paste box
// marks them while they are being fixed).
std::vector<PastedEntryProblem> pastedRouteProblems(std::string_view text);

} // namespace aovpn::ui
