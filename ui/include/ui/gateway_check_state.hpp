#pragma once
// What the Check gateway window holds, and how the UI reaches the probe: the app hands in
// platform::checkGateway (ui never links an OS implementation); tests hand in their own.
#include "model/gateway_info.hpp"
#include "model/gateway_report.hpp"
#include "model/profile.hpp"
#include "platform/gateway_check.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>

namespace aovpn::ui {

using GatewayChecker = std::function<GatewayReport(
    const Profile&, const GatewayInfo&, const platform::GatewayCheckOptions&, std::stop_token,
    const platform::GatewayProgress&)>;

// The Crypto suite section's gateway fields (ui/src/form_gateway.cpp), as the CLI's
// --gateway-policy and --client-pool: the text as typed, why it does not parse, and the
// DocumentState::gateway the text was last made from or applied to.
struct GatewayFieldsView {
    std::string policyText;
    std::string poolText;
    std::string policyError;
    std::string poolError;
    GatewayInfo madeFrom;
};

struct GatewayCheckView {
    bool open = false;    // the window is shown
    bool running = false; // a check is on the worker
    // The window's options, as the CLI's --server, --port, --sstp-port, --timeout.
    std::string server; // empty: the profile's servers
    int ikePort = 500;
    int sstpPort = 443;
    float timeoutSeconds = 6.0f;
    std::optional<GatewayReport> report;
    std::string inputError; // why the check could not start (no server...)
    // Bumped when the document is replaced: a check still out for the one before is dropped.
    std::uint64_t document = 0;
    GatewayFieldsView fields;
};

} // namespace aovpn::ui
