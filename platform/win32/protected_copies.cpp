// The copies of applied profiles and the replace journals on Windows: the folder implementation
// inside %ProgramData%\AOVPN Studio\Applied, which is made (and checked to be) SYSTEM- and
// Administrators-only before its first use.
#include "protected_copies.hpp"

#include "protected_folder.hpp"

#include <mutex>

namespace aovpn::platform::win {

namespace {
class ProtectedCopies final : public AppliedCopies {
  public:
    explicit ProtectedCopies(std::filesystem::path root)
        : root_(root), inner_(makeFolderAppliedCopies(std::move(root))) {}

    Result<std::optional<std::string>> load(const ProfileTarget& t, std::string_view n) override {
        if (auto e = ready()) return *e;
        return inner_->load(t, n);
    }
    Status save(const ProfileTarget& t, std::string_view n, std::string_view xml) override {
        if (auto e = ready()) return Status::failure(*e);
        return inner_->save(t, n, xml);
    }
    Status erase(const ProfileTarget& t, std::string_view n) override {
        if (auto e = ready()) return Status::failure(*e);
        return inner_->erase(t, n);
    }
    Status writeJournal(const ReplaceJournal& j) override {
        if (auto e = ready()) return Status::failure(*e);
        return inner_->writeJournal(j);
    }
    Status clearJournal(const ProfileTarget& t, std::string_view n) override {
        if (auto e = ready()) return Status::failure(*e);
        return inner_->clearJournal(t, n);
    }
    Result<std::vector<ReplaceJournal>> journals(const ProfileTarget& t) override {
        if (auto e = ready()) return *e;
        return inner_->journals(t);
    }

  private:
    // Checked once per process; a failure is retried on the next call.
    std::optional<Error> ready() {
        std::lock_guard lock(mutex_);
        if (ok_) return std::nullopt;
        const Status s = ensureProtectedFolder(root_);
        if (!s.ok()) return s.error;
        ok_ = true;
        return std::nullopt;
    }

    std::filesystem::path root_;
    std::unique_ptr<AppliedCopies> inner_;
    std::mutex mutex_;
    bool ok_ = false;
};
} // namespace

std::unique_ptr<AppliedCopies> makeProtectedAppliedCopies(std::filesystem::path root) {
    return std::make_unique<ProtectedCopies>(std::move(root));
}

} // namespace aovpn::platform::win
