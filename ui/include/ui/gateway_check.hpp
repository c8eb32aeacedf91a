#pragma once
// Check gateway in the window (issue 10 §3): the button beside the crypto suite runs the probe
// on the action worker with progress and Cancel; the report shows in its own window.
#include "ui/state.hpp"

namespace aovpn::ui {

// The options the window's check uses: the profile's servers, default ports and timeout, the
// picked certificate's chain for the CERTREQ comparison.
platform::GatewayCheckOptions gatewayCheckOptions(const AppState& state);
void startCheckGateway(AppState& state);
// "Check gateway" (disabled, with the reason, when it cannot run).
void drawCheckGatewayButton(AppState& state);
void drawGatewayCheckWindow(AppState& state);
// The document was replaced (New, Open, a template, an import): the report, the server typed
// for the check and a check under way belonged to the one before. The window stays open.
void forgetGatewayCheck(AppState& state);
// What the admin knows about the gateway, beside the profile (never written into it): a custom
// IPsec policy and the VPN client address pool (the Azure import fills it). The validator and
// Check gateway use both (DocumentState::gateway), as the CLI does with --gateway-policy and
// --client-pool.
void drawGatewayFields(AppState& state);

} // namespace aovpn::ui
