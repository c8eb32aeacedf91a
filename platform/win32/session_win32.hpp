#pragma once
#include "platform/platform.hpp"

namespace aovpn::platform::win {

class Win32Session final : public Session {
  public:
    Result<SessionInfo> query() override;
    Result<Account> resolveAccount(std::string_view nameOrSid) override;
    Status relaunchElevated(std::string_view documentXml) override; // relaunch_win32.cpp
};

} // namespace aovpn::platform::win
