#include "folder_profile_store.hpp"

#include "model/escape.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <utility>

namespace aovpn::platform::offline {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kExt = ".xml";

Error errnoError(std::string action, int err) {
    return makeError(std::move(action), CodeKind::Errno, static_cast<std::uint32_t>(err),
                     std::strerror(err));
}

// Unique within this process and across processes (pid), so two saves never share a temp file.
std::string tempNameFor(const fs::path& file) {
    static std::atomic<unsigned> counter{0};
    return "." + file.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
           std::to_string(counter++);
}

bool writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

struct FdGuard {
    int fd;
    ~FdGuard() {
        if (fd >= 0) ::close(fd);
    }
};

// Writes and flushes the temp file; the real file is not touched here.
std::optional<Error> writeTemp(const fs::path& tmp, std::string_view text,
                               const std::string& action, const SaveFaultHook& hook) {
    FdGuard f{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
    if (f.fd < 0) return errnoError(action, errno);
    if (hook)
        if (auto e = hook("write")) return e;
    if (!writeAll(f.fd, text)) return errnoError(action, errno ? errno : EIO);
    if (hook)
        if (auto e = hook("fsync")) return e;
    if (::fsync(f.fd) != 0) return errnoError(action, errno);
    if (::close(std::exchange(f.fd, -1)) != 0) return errnoError(action, errno);
    return std::nullopt;
}

// The rename is durable only once the directory entry is flushed too.
void syncDir(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}
} // namespace

std::optional<std::string> readWholeFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

FolderProfileStore::FolderProfileStore(fs::path dir, SaveFaultHook hook)
    : dir_(std::move(dir)), hook_(std::move(hook)) {}

Result<fs::path> FolderProfileStore::fileFor(std::string_view name, std::string_view action) const {
    const auto id = aovpn::encodeInstanceId(name);
    if (!id.ok) {
        Error e;
        e.action = std::string(action);
        e.meaning = id.error;
        e.nextStep = "Change the profile name.";
        return e;
    }
    return dir_ / (id.value + std::string(kExt));
}

Status FolderProfileStore::saveAtomically(const fs::path& file, std::string_view text,
                                          const std::string& action) {
    const fs::path tmp = dir_ / tempNameFor(file);
    std::optional<Error> err = writeTemp(tmp, text, action, hook_);
    if (!err && hook_) err = hook_("rename");
    if (!err && ::rename(tmp.c_str(), file.c_str()) != 0) err = errnoError(action, errno);
    if (err) {
        ::unlink(tmp.c_str()); // the old file (if any) is untouched until the rename
        return Status::failure(*err);
    }
    syncDir(dir_);
    return Status::success();
}

Result<std::vector<InstalledProfile>> FolderProfileStore::list(const ProfileTarget&) {
    std::vector<InstalledProfile> out;
    std::error_code ec;
    if (!fs::exists(dir_, ec)) return out; // nothing saved yet
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
        const auto leaf = entry.path().filename().string();
        // Temp files of an interrupted save start with '.', and are never profiles.
        if (leaf.empty() || leaf[0] == '.' || entry.path().extension() != kExt) continue;
        auto text = readWholeFile(entry.path());
        if (!text) continue;
        const auto id = entry.path().stem().string();
        out.push_back({aovpn::decodeInstanceId(id), id, std::move(*text)});
    }
    if (ec) return errnoError("List the profiles in " + dir_.string(), ec.value());
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.name < b.name; });
    return out;
}

Result<std::optional<InstalledProfile>> FolderProfileStore::find(const ProfileTarget&,
                                                                 std::string_view name) {
    auto file = fileFor(name, "Read the profile \"" + std::string(name) + "\"");
    if (!file) return file.error();
    std::error_code ec;
    if (!fs::exists(file.value(), ec)) return std::optional<InstalledProfile>{};
    auto text = readWholeFile(file.value());
    if (!text)
        return errnoError("Read the profile file " + file.value().string(), errno ? errno : EIO);
    return std::optional<InstalledProfile>{
        InstalledProfile{std::string(name), file.value().stem().string(), std::move(*text)}};
}

Status FolderProfileStore::create(const ProfileTarget&, std::string_view name,
                                  std::string_view xml) {
    const std::string action = "Save the profile \"" + std::string(name) + "\"";
    auto file = fileFor(name, action);
    if (!file) return Status::failure(file.error());
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec)
        return Status::failure(errnoError(action + " (create " + dir_.string() + ")", ec.value()));
    if (fs::exists(file.value(), ec)) {
        Error e = makeError(action, CodeKind::Errno, EEXIST, std::strerror(EEXIST));
        e.meaning = "A profile of that name is already saved.";
        e.nextStep = "Apply replaces it; or remove it first.";
        return Status::failure(e);
    }
    return saveAtomically(file.value(), xml, action);
}

Status FolderProfileStore::remove(const ProfileTarget&, std::string_view name) {
    const std::string action = "Remove the profile \"" + std::string(name) + "\"";
    auto file = fileFor(name, action);
    if (!file) return Status::failure(file.error());
    if (::unlink(file.value().c_str()) != 0) {
        Error e = errnoError(action, errno);
        if (errno == ENOENT) e.meaning = "No profile of that name is saved.";
        return Status::failure(e);
    }
    syncDir(dir_);
    return Status::success();
}

LeftoverReport FolderProfileStore::cleanLeftovers(const ProfileTarget&, std::string_view) {
    return {}; // there is no registry offline
}

} // namespace aovpn::platform::offline
