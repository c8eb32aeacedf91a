// Taking the document an earlier window handed over (offline there is no elevation, but the
// rules are the same as on Windows: our folder shape, our owner, a regular file, a size cap).
#include "platform/atomic_file.hpp"
#include "platform/platform.hpp"

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace aovpn::platform {

namespace {

// A real folder/file (no symlink) owned by this user.
bool ownedPlain(const std::filesystem::path& p, bool folder) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) return false;
    const bool type = folder ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode);
    return type && st.st_uid == ::geteuid();
}
} // namespace

Result<std::string> takeHandoffDocument(const std::filesystem::path& file) {
    if (!handoffFileFromArgs({std::string(kHandoffFlag), file.string()}))
        return handoffRefused("The path is not a hand-over file this app created.");
    const auto folder = file.parent_path();
    if (!ownedPlain(folder, true) || !ownedPlain(file, false))
        return handoffRefused("The hand-over file or its folder is gone, is a link, or belongs to "
                              "another account; it was left alone.");
    auto text = readRegularFile(file, kMaxDocumentBytes, "Read the handed-over document");
    if (!text) return text.error();
    ::unlink(file.c_str());
    ::rmdir(folder.c_str());
    return text.value();
}

} // namespace aovpn::platform
