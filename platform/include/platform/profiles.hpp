#pragma once
// Installed profiles: the store's primitive operations (WMI MDM bridge, or a folder offline), the
// copies of exactly what this tool applied with the journal that makes a replace crash-safe, and
// the profile service the GUI and CLI call (apply, replace, remove, list, install state).
#include "platform/accounts.hpp"
#include "platform/errors.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn::platform {

struct InstalledProfile {
    std::string name;       // decoded profile name
    std::string instanceId; // exactly as enumerated (other tools encode only spaces)
    std::string xml;        // the ProfileXML as the store gives it back, unescaped
};

struct LeftoverReport {
    std::vector<std::string> removed; // one line per registry value/key removed
    std::vector<std::string> kept;    // entries of the same name left alone, and why
    std::vector<Error> failures;      // what could not be removed
};

// Primitive operations of a profile store. The safety rules (keep a copy, journal, restore) are
// the ProfileService's, shared by every store.
class ProfileStore {
  public:
    virtual ~ProfileStore() = default;
    virtual Result<std::vector<InstalledProfile>> list(const ProfileTarget& target) = 0;
    // The installed profile whose DECODED name is `name`; empty when there is none.
    virtual Result<std::optional<InstalledProfile>> find(const ProfileTarget& target,
                                                         std::string_view name) = 0;
    // Create a new profile; fails when one of that name exists.
    virtual Status create(const ProfileTarget& target, std::string_view name,
                          std::string_view xml) = 0;
    // Delete exactly this instance (its InstanceID as enumerated).
    virtual Status remove(const ProfileTarget& target, const InstalledProfile& installed) = 0;
    // Registry leftovers that break a later re-create (see DOMAIN.md). No-op offline.
    virtual LeftoverReport cleanLeftovers(const ProfileTarget& target, std::string_view name) = 0;
};

// What a replace had done when it was written down; a later start reads it to finish or roll
// back an interrupted replace.
struct ReplaceJournal {
    enum class Phase { Deleting, Creating };
    ProfileTarget target;
    std::string name;
    Phase phase = Phase::Creating;
    std::optional<std::string> previousXml; // what to put back (none: there was no profile)
    bool previousIsOurs = false;            // our copy (true) or Windows' read-back (false)
    std::string newXml;
};

// Copies of the exact XML this tool applied, per account and profile, and the replace journal.
// Every write is atomic and flushed to disk before it returns.
class AppliedCopies {
  public:
    virtual ~AppliedCopies() = default;
    virtual Result<std::optional<std::string>> load(const ProfileTarget& target,
                                                    std::string_view name) = 0;
    virtual Status save(const ProfileTarget& target, std::string_view name,
                        std::string_view xml) = 0;
    virtual Status erase(const ProfileTarget& target, std::string_view name) = 0;
    virtual Status writeJournal(const ReplaceJournal& journal) = 0;
    virtual Status clearJournal(const ProfileTarget& target, std::string_view name) = 0;
    // Journals left for this target (the replaces a crash interrupted).
    virtual Result<std::vector<ReplaceJournal>> journals(const ProfileTarget& target) = 0;
};

// Copies in a folder: <root>/<user-SID | machine>/<InstanceID>.xml and .replace journals. The
// caller chooses (and protects) the root. Temp files a crash left there are removed on first use.
std::unique_ptr<AppliedCopies> makeFolderAppliedCopies(std::filesystem::path root);

// The journal as bytes (a length-prefixed text format: exact for any XML) and back.
std::string serializeJournal(const ReplaceJournal& journal);
std::optional<ReplaceJournal> parseJournal(std::string_view bytes);

// OS checks around a create or delete (Windows: RAS and the registry; none offline).
class ProfileGuard {
  public:
    virtual ~ProfileGuard() = default;
    // Hang up a connected entry of this name (a delete under a live connection fails, 817).
    virtual Status hangUp(const ProfileTarget& target, std::string_view name) = 0;
    // Refuse, before anything changes, what would make the create fail: RasMan\Config missing,
    // or (when the MDM bridge has no profile of this name) a phonebook entry of the same name
    // that another tool made (Add-VpnConnection).
    virtual Status checkBeforeCreate(const ProfileTarget& target, std::string_view name,
                                     bool installedThroughMdm) = 0;
};

struct ApplyResult {
    bool ok = false;
    bool replaced = false;             // an old profile of that name existed and was deleted
    bool restoredPrevious = false;     // create failed and the old profile was re-created
    bool restoredFromReadBack = false; // ...from Windows' read-back, as no copy of ours existed
    std::string previousXml;           // the XML kept for a restore, whatever happened
    std::vector<std::string> steps;    // what was done, in order, for the log
    std::optional<Error> error;        // the failure that stopped the apply
    std::optional<Error> restoreError; // set when even re-creating the old profile failed
};

struct RemoveResult {
    bool ok = false;
    bool existed = false;
    LeftoverReport leftovers;
    std::vector<std::string> steps;
    std::optional<Error> error;
};

// A listing, and what finishing interrupted replaces did just before it: one call (one broker
// request) gives both, and the notes survive a listing that then fails.
struct ProfileListing {
    std::vector<std::string> recovered; // one line per replace finished or rolled back
    std::vector<InstalledProfile> profiles;
    std::optional<Error> error; // the listing failed (recovered still says what was done)
};

// "Is it installed" for the action bar.
enum class InstallState { Unknown, Installed, NotInstalled, NoMdmBridge, NeedsElevation, NoUser };
struct InstallStatus {
    InstallState state = InstallState::Unknown;
    std::string text; // "Installed for CORP\alice", "Not installed", "This PC cannot take ..."
    std::optional<Error> error; // the lookup's error when state is Unknown/NoMdmBridge/...
};
// The sentence for a state (text of InstallStatus), for a target.
std::string installStateText(InstallState state, const ProfileTarget& target);

// What the GUI and the CLI call. Every method may block (WMI, the broker, disk): use a worker.
class ProfileService {
  public:
    virtual ~ProfileService() = default;
    // Finishes or rolls back interrupted replaces for the target (recover), then lists.
    virtual ProfileListing listing(const ProfileTarget& target) = 0;
    // listing()'s profiles, or its error, for callers that only show the list.
    Result<std::vector<InstalledProfile>> list(const ProfileTarget& target);
    virtual Result<std::optional<InstalledProfile>> find(const ProfileTarget& target,
                                                         std::string_view name) = 0;
    // Create, or replace: keep the old XML (our copy if we have one), journal, hang up, delete,
    // create; if create fails, put back the old profile and say from what.
    virtual ApplyResult apply(const ProfileTarget& target, std::string_view name,
                              std::string_view xml) = 0;
    // Hang up, delete (if present), clean leftovers either way, drop our copy.
    virtual RemoveResult remove(const ProfileTarget& target, std::string_view name) = 0;
    // With an empty name: only what keeps this PC from taking any profile (no MDM bridge, not
    // elevated, no user); Unknown with no text when nothing does.
    virtual InstallStatus installState(const ProfileTarget& target, std::string_view name);
    // Finish or roll back replaces a crash interrupted, for this target. Returns what was done,
    // one line each (also done at the start of every other call).
    virtual std::vector<std::string> recover(const ProfileTarget& target) = 0;
};

// The service over a store in this process (offline, the Windows app for its own account, and
// the SYSTEM broker). `guard` may be null.
class LocalProfileService final : public ProfileService {
  public:
    LocalProfileService(ProfileStore& store, AppliedCopies& copies, ProfileGuard* guard = nullptr);
    ProfileListing listing(const ProfileTarget& target) override;
    Result<std::optional<InstalledProfile>> find(const ProfileTarget& target,
                                                 std::string_view name) override;
    ApplyResult apply(const ProfileTarget& target, std::string_view name,
                      std::string_view xml) override;
    RemoveResult remove(const ProfileTarget& target, std::string_view name) override;
    std::vector<std::string> recover(const ProfileTarget& target) override;

  private:
    std::optional<Error> checkTarget(const ProfileTarget& target, const std::string& action);
    ReplaceJournal journalFor(const ProfileTarget& target, std::string_view name,
                              std::string_view xml, const std::optional<InstalledProfile>& existing,
                              ApplyResult& r);
    bool deleteExisting(const ProfileTarget& target, const InstalledProfile& p, ApplyResult& r);
    void createNew(const ProfileTarget& target, std::string_view name, std::string_view xml,
                   bool previousIsOurs, ApplyResult& r);
    void restore(const ProfileTarget& target, std::string_view name, bool ours, ApplyResult& r);
    std::optional<Error> refuseSecondDeviceTunnel(const ProfileTarget& target,
                                                  std::string_view name);
    std::string recoverOne(const ReplaceJournal& j);

    ProfileStore& store_;
    AppliedCopies& copies_;
    ProfileGuard* guard_;
    std::recursive_mutex mutex_; // one profile operation at a time per process
};

} // namespace aovpn::platform
