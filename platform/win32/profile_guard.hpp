#pragma once
// The Windows checks around a create or delete: hang up a live connection first (a delete under
// it fails, 817), RasMan\Config must exist (its absence makes the bridge say "A general error
// occurred"), and a phonebook entry of the same name that did not come through the MDM bridge
// (Add-VpnConnection, Settings) is reported instead of colliding.
#include "seams.hpp"

#include <chrono>

namespace aovpn::platform::win {

inline constexpr wchar_t kRasManConfigKey[] =
    L"SYSTEM\\CurrentControlSet\\Services\\RasMan\\Config";

class Win32ProfileGuard final : public ProfileGuard {
  public:
    Win32ProfileGuard(RasApi& ras, Account processUser,
                      std::chrono::milliseconds hangUpWait = std::chrono::seconds(20));
    Status hangUp(const ProfileTarget& target, std::string_view name) override;
    Status checkBeforeCreate(const ProfileTarget& target, std::string_view name,
                             bool installedThroughMdm) override;

  private:
    RasApi& ras_;
    Account processUser_;
    std::chrono::milliseconds wait_;
};

// Hangs up `h` and polls until RAS no longer knows the handle; false when it is still up.
bool hangUpAndWait(RasApi& ras, HRASCONN h, std::chrono::milliseconds timeout, DWORD& rc);

} // namespace aovpn::platform::win
