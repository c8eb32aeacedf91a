#pragma once
// The Intune OMA-URI setting as an admin types it into the portal: where the custom profile is
// created (the model's intunePortalPath, one source for the GUI and the CLI's text), and one Copy
// button per field that gets pasted (the OMA-URI, the value), so nothing else rides along.
// Shared by the preview's Intune tab and the Fleet (MDM) tab's Intune format. Internal to ui/.
#include "model/exports.hpp"
#include "ui/state.hpp"

namespace aovpn::ui {

void drawIntuneSettingCopy(AppState& state, const IntuneOmaUriSetting& setting);

} // namespace aovpn::ui
