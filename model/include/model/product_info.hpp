#pragma once
// Names shown to the user for the product and the open document.
#include <string>
#include <string_view>

namespace aovpn {

// "AOVPN Studio 0.1.0"
std::string productBanner();

// Window title: "name* — AOVPN Studio" (the star marks unsaved changes); "Untitled" when empty.
std::string windowTitle(std::string_view documentName, bool dirty);

} // namespace aovpn
