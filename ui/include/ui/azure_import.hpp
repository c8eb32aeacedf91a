#pragma once
// File > Import Azure VPN client package...: the portal's "Download VPN client" zip (or its
// extracted folder) becomes a new, unsaved document; the package's client address pool stays
// beside it for the validator (route.client-pool).
#include "ui/state.hpp"

#include <string>

namespace aovpn::ui {

// Asks about unsaved changes, then for the package (native dialog or the path popup).
void requestImportAzure(AppState& state);
// Reads and imports the package at `path`. A refused package changes nothing and says why.
bool importAzureFile(AppState& state, const std::string& path);

} // namespace aovpn::ui
