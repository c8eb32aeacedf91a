#pragma once
#include "platform/platform.hpp"

namespace aovpn::platform::win {

// VPNv2 profiles as MDM_VPNv2_01 instances through the WMI MDM bridge.
class WmiProfileStore final : public ProfileStore {
  public:
    Result<std::vector<InstalledProfile>> list(const ProfileTarget& target) override;
    Result<std::optional<InstalledProfile>> find(const ProfileTarget& target,
                                                 std::string_view name) override;
    Status create(const ProfileTarget& target, std::string_view name,
                  std::string_view xml) override;
    Status remove(const ProfileTarget& target, const InstalledProfile& installed) override;
    LeftoverReport cleanLeftovers(const ProfileTarget& target, std::string_view name) override;
};

// Registry leftovers of a removed profile (registry_leftovers.cpp).
LeftoverReport cleanRegistryLeftovers(const ProfileTarget& target, std::string_view name);

} // namespace aovpn::platform::win
