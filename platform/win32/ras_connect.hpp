#pragma once
#include "platform/platform.hpp"

namespace aovpn::platform::win {

// Connect test through the RAS API (RasDialW with a RasDialFunc2 notifier). connect() blocks the
// calling thread (the UI's worker) while RAS works on its own threads; cancel via stop_token.
class RasConnectionTester final : public ConnectionTester {
  public:
    bool available() const override { return true; }
    std::string unavailableReason() const override { return {}; }
    ConnectResult connect(std::string_view profileName, const ConnectOptions& options) override;
    Result<ConnectionStatus> status(std::string_view profileName) override;
    Status disconnect(std::string_view profileName, std::chrono::milliseconds timeout) override;
};

// RasGetErrorStringW's text, or the system table's when RAS has none.
std::string rasMessage(std::uint32_t code);

} // namespace aovpn::platform::win
