#pragma once
#include "platform/platform.hpp"

#include <memory>

namespace aovpn::platform::win {

class SessionApi;

class Win32Session final : public Session {
  public:
    Win32Session(); // the real token and WTS calls
    explicit Win32Session(std::unique_ptr<SessionApi> api);
    ~Win32Session() override;
    Result<SessionInfo> query() override;
    Result<Account> resolveAccount(std::string_view nameOrSid) override;
    Status relaunchElevated(std::string_view documentXml) override; // relaunch_win32.cpp

  private:
    std::unique_ptr<SessionApi> api_;
};

// "DOMAIN\user" and "S-1-..." of a SID (a PSID), the name falling back to the SID string.
Account accountOfSid(void* sid);

} // namespace aovpn::platform::win
