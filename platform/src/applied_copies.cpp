// Copies of what this tool applied and the replace journal, as files in one folder per account:
// <root>/user-<SID>/<InstanceID>.xml, <root>/machine/<InstanceID>.replace. Written atomically and
// flushed, so a copy or journal is either whole or absent after any crash.
#include "model/escape.hpp"
#include "platform/atomic_file.hpp"
#include "platform/profiles.hpp"

#include "record_format.hpp"

#include <charconv>
#include <mutex>
#include <set>
#include <system_error>

namespace aovpn::platform {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kMagic = "aovpn-replace 1\n";
constexpr std::uintmax_t kMaxFile = 64u * 1024 * 1024; // a profile with 10,000s of routes fits

bool safeSid(std::string_view sid) {
    if (sid.size() < 4 || sid.substr(0, 2) != "S-") return false;
    for (char c : sid)
        if (!(c == 'S' || c == '-' || (c >= '0' && c <= '9'))) return false;
    return true;
}
} // namespace

std::string serializeJournal(const ReplaceJournal& j) {
    return record::Writer(kMagic)
        .put("phase", j.phase == ReplaceJournal::Phase::Deleting ? "deleting" : "creating")
        .put("kind", j.target.kind == TunnelKind::Device ? "device" : "user")
        .put("sid", j.target.user.sid)
        .put("account", j.target.user.name)
        .put("name", j.name)
        .put("previous", j.previousXml ? (j.previousIsOurs ? "ours" : "read-back") : "none")
        .put("previous-xml", j.previousXml.value_or(std::string()))
        .put("new-xml", j.newXml)
        .done();
}

std::optional<ReplaceJournal> parseJournal(std::string_view bytes) {
    record::Reader r(bytes, kMagic);
    const auto phase = r.take("phase"), kind = r.take("kind"), sid = r.take("sid"),
               account = r.take("account"), name = r.take("name"), prev = r.take("previous"),
               prevXml = r.take("previous-xml"), newXml = r.take("new-xml");
    if (!r.finish()) return std::nullopt; // every field, in order, nothing after
    if ((*phase != "deleting" && *phase != "creating") || (*kind != "user" && *kind != "device"))
        return std::nullopt;
    ReplaceJournal j;
    j.phase =
        *phase == "deleting" ? ReplaceJournal::Phase::Deleting : ReplaceJournal::Phase::Creating;
    j.target.kind = *kind == "device" ? TunnelKind::Device : TunnelKind::User;
    j.target.user = {std::string(*account), std::string(*sid)};
    j.name = std::string(*name);
    if (*prev != "none") j.previousXml = std::string(*prevXml);
    j.previousIsOurs = *prev == "ours";
    j.newXml = std::string(*newXml);
    return j;
}

namespace {
class FolderAppliedCopies final : public AppliedCopies {
  public:
    explicit FolderAppliedCopies(fs::path root) : root_(std::move(root)) {}

    Result<std::optional<std::string>> load(const ProfileTarget& t,
                                            std::string_view name) override {
        auto file = fileFor(t, name, ".xml", "Read the copy of the applied profile");
        if (!file) return file.error();
        std::error_code ec;
        if (!fs::exists(file.value(), ec)) return std::optional<std::string>{};
        auto bytes = readRegularFile(file.value(), kMaxFile, "Read " + file.value().string());
        if (!bytes) return bytes.error();
        return std::optional<std::string>{std::move(bytes.value())};
    }
    Status save(const ProfileTarget& t, std::string_view name, std::string_view xml) override {
        return write(t, name, ".xml", xml, "Keep a copy of the applied profile");
    }
    Status erase(const ProfileTarget& t, std::string_view name) override {
        auto file = fileFor(t, name, ".xml", "Remove the copy of the applied profile");
        if (!file) return Status::failure(file.error());
        return removeFileDurably(file.value(), "Remove " + file.value().string());
    }
    Status writeJournal(const ReplaceJournal& j) override {
        return write(j.target, j.name, ".replace", serializeJournal(j),
                     "Write down the replace in progress");
    }
    Status clearJournal(const ProfileTarget& t, std::string_view name) override {
        auto file = fileFor(t, name, ".replace", "Clear the replace journal");
        if (!file) return Status::failure(file.error());
        return removeFileDurably(file.value(), "Remove " + file.value().string());
    }
    Result<std::vector<ReplaceJournal>> journals(const ProfileTarget& t) override;

  private:
    Result<fs::path> folderFor(const ProfileTarget& t, const std::string& action) {
        if (t.kind == TunnelKind::Device) return root_ / "machine";
        if (!safeSid(t.user.sid)) {
            Error e = makeError(action, CodeKind::None, 0);
            e.meaning = "The account has no valid SID (\"" + t.user.sid + "\").";
            return e;
        }
        return root_ / ("user-" + t.user.sid);
    }
    Result<fs::path> fileFor(const ProfileTarget& t, std::string_view name, const char* ext,
                             const std::string& action) {
        auto dir = folderFor(t, action);
        if (!dir) return dir.error();
        const auto id = aovpn::encodeInstanceId(name); // letters, digits, -._~ and %XX only
        if (!id.ok) {
            Error e = makeError(action, CodeKind::None, 0);
            e.meaning = id.error;
            return e;
        }
        return dir.value() / (id.value + ext);
    }
    Status write(const ProfileTarget& t, std::string_view name, const char* ext,
                 std::string_view bytes, const std::string& action) {
        auto file = fileFor(t, name, ext, action);
        if (!file) return Status::failure(file.error());
        std::error_code ec;
        fs::create_directories(file.value().parent_path(), ec);
        if (ec)
            return Status::failure(
                makeError(action + " (create " + file.value().parent_path().string() + ")",
                          CodeKind::Errno, static_cast<std::uint32_t>(ec.value()), ec.message()));
        cleanOnce(file.value().parent_path());
        return writeFileAtomically(file.value(), bytes, action);
    }
    void cleanOnce(const fs::path& dir) {
        std::lock_guard lock(mutex_);
        if (cleaned_.insert(dir.string()).second) removeStaleTempFiles(dir);
    }

    fs::path root_;
    std::mutex mutex_;
    std::set<std::string> cleaned_;
};

Result<std::vector<ReplaceJournal>> FolderAppliedCopies::journals(const ProfileTarget& t) {
    const std::string action = "Read the replace journals";
    auto dir = folderFor(t, action);
    if (!dir) return dir.error();
    std::vector<ReplaceJournal> out;
    std::error_code ec;
    if (!fs::is_directory(dir.value(), ec)) return out;
    cleanOnce(dir.value());
    for (const auto& entry : fs::directory_iterator(dir.value(), ec)) {
        if (entry.path().extension() != ".replace") continue;
        auto bytes = readRegularFile(entry.path(), kMaxFile, action);
        if (!bytes) return bytes.error();
        auto j = parseJournal(bytes.value());
        if (!j) {
            Error e = makeError(action, CodeKind::None, 0);
            e.meaning = entry.path().string() + " is not a replace journal this tool wrote.";
            e.nextStep = "Move the file aside and check the profile by hand.";
            return e;
        }
        if (j->target.kind == t.kind && j->target.user.sid == t.user.sid)
            out.push_back(std::move(*j));
    }
    return out;
}
} // namespace

std::unique_ptr<AppliedCopies> makeFolderAppliedCopies(fs::path root) {
    return std::make_unique<FolderAppliedCopies>(std::move(root));
}

} // namespace aovpn::platform
