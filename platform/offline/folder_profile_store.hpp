#pragma once
// Offline profile store: one file per profile in a folder, named by the profile's InstanceID.
// Internal to the platform library (tests include it for the write-fault hook).
#include "platform/atomic_file.hpp"
#include "platform/platform.hpp"

namespace aovpn::platform::offline {

class FolderProfileStore final : public ProfileStore {
  public:
    // `hook` is passed to every atomic write (tests inject faults with it).
    explicit FolderProfileStore(std::filesystem::path dir, WriteFaultHook hook = {});

    const std::filesystem::path& dir() const { return dir_; }

    Result<std::vector<InstalledProfile>> list(const ProfileTarget& target) override;
    Result<std::optional<InstalledProfile>> find(const ProfileTarget& target,
                                                 std::string_view name) override;
    Status create(const ProfileTarget& target, std::string_view name,
                  std::string_view xml) override;
    Status remove(const ProfileTarget& target, const InstalledProfile& installed) override;
    LeftoverReport cleanLeftovers(const ProfileTarget& target, std::string_view name) override;

  private:
    Result<std::filesystem::path> fileFor(std::string_view name, std::string_view action) const;
    void cleanTempsOnce();

    std::filesystem::path dir_;
    WriteFaultHook hook_;
    bool cleaned_ = false;
};

// Profiles (and certificate files) larger than this are refused.
inline constexpr std::uintmax_t kMaxProfileBytes = 64u * 1024 * 1024;

} // namespace aovpn::platform::offline
