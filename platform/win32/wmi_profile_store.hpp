#pragma once
#include "platform/platform.hpp"

#include "seams.hpp"

namespace aovpn::platform::win {

inline constexpr wchar_t kVpnClassName[] = L"MDM_VPNv2_01";
inline constexpr wchar_t kVpnParentId[] = L"./Vendor/MSFT/VPNv2";

// VPNv2 profiles as MDM_VPNv2_01 instances through the MDM bridge. Every call carries the
// target's context: user tunnels PolicyPlatform_UserContext + the user's SID; device tunnels
// none as SYSTEM (the machine partition, as DPC does), PolicyPlatform_MachineContext + "SYSTEM"
// otherwise.
class WmiProfileStore final : public ProfileStore {
  public:
    WmiProfileStore(WmiBridge& bridge, bool runningAsSystem);
    Result<std::vector<InstalledProfile>> list(const ProfileTarget& target) override;
    Result<std::optional<InstalledProfile>> find(const ProfileTarget& target,
                                                 std::string_view name) override;
    Status create(const ProfileTarget& target, std::string_view name,
                  std::string_view xml) override;
    Status remove(const ProfileTarget& target, const InstalledProfile& installed) override;
    LeftoverReport cleanLeftovers(const ProfileTarget& target, std::string_view name) override;

    WmiContext contextFor(const ProfileTarget& target) const;

  private:
    WmiBridge& bridge_;
    bool system_;
};

// MDM_VPNv2_01.InstanceID="<id>",ParentID="./Vendor/MSFT/VPNv2" with '\' and '"' escaped, so an
// InstanceID another tool wrote with raw characters still names exactly that instance.
std::wstring vpnObjectPath(std::wstring_view instanceId);

// Registry leftovers of a removed profile (registry_leftovers.cpp), under `root` (HKLM).
LeftoverReport cleanRegistryLeftovers(const ProfileTarget& target, std::string_view name);

} // namespace aovpn::platform::win
