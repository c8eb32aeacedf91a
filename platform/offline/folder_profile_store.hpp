#pragma once
// Offline profile store: one file per profile in a folder, named by the profile's InstanceID.
// Internal to the platform library (tests include it for the write-fault hook).
#include "platform/platform.hpp"

namespace aovpn::platform::offline {

// Called before each step of a save ("write", "fsync", "rename"); returning an error stops the
// save there, as a full disk or a crash would. Tests use it; the product passes none.
using SaveFaultHook = std::function<std::optional<Error>(std::string_view step)>;

class FolderProfileStore final : public ProfileStore {
  public:
    explicit FolderProfileStore(std::filesystem::path dir, SaveFaultHook hook = {});

    const std::filesystem::path& dir() const { return dir_; }

    Result<std::vector<InstalledProfile>> list(const ProfileTarget& target) override;
    Result<std::optional<InstalledProfile>> find(const ProfileTarget& target,
                                                 std::string_view name) override;
    Status create(const ProfileTarget& target, std::string_view name,
                  std::string_view xml) override;
    Status remove(const ProfileTarget& target, std::string_view name) override;
    LeftoverReport cleanLeftovers(const ProfileTarget& target, std::string_view name) override;

  private:
    Result<std::filesystem::path> fileFor(std::string_view name, std::string_view action) const;
    Status saveAtomically(const std::filesystem::path& file, std::string_view text,
                          const std::string& action);

    std::filesystem::path dir_;
    SaveFaultHook hook_;
};

// Reads a whole file; nullopt when it cannot be opened.
std::optional<std::string> readWholeFile(const std::filesystem::path& file);

} // namespace aovpn::platform::offline
