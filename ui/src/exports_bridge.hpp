#pragma once
// Fills the PowerShell and Intune previews from model/exports (the one source of both texts).
#include "ui/state.hpp"

namespace aovpn::ui {
// Needs derived.xml already written for this revision.
void buildExports(const Profile& profile, DerivedState& derived);
} // namespace aovpn::ui
