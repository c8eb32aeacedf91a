// POSIX half of the atomic file layer: open(O_EXCL) + write + fsync, rename + fsync(folder).
#ifndef _WIN32
#include "atomic_file_os.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace aovpn::platform::os {

namespace fs = std::filesystem;

namespace {
Error errnoError(const std::string& action, int err) {
    return makeError(action, CodeKind::Errno, static_cast<std::uint32_t>(err), std::strerror(err));
}

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

bool writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

Error notRegular(const std::string& action, const fs::path& file, const char* what) {
    Error e = makeError(action, CodeKind::None, 0);
    e.meaning = file.string() + " is " + what + ", not a regular file.";
    e.nextStep = "Choose the certificate or profile file itself.";
    return e;
}
} // namespace

std::uint32_t currentPid() {
    return static_cast<std::uint32_t>(::getpid());
}

bool processIsRunning(std::uint32_t pid) {
    if (pid == 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

std::optional<Error> writeAndFlush(const fs::path& tmp, std::string_view bytes,
                                   const std::string& action, const WriteFaultHook& hook) {
    Fd f{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
    if (f.fd < 0) return errnoError(action, errno);
    if (hook)
        if (auto e = hook("write")) return e;
    if (!writeAll(f.fd, bytes)) return errnoError(action, errno ? errno : EIO);
    if (hook)
        if (auto e = hook("flush")) return e;
    if (::fsync(f.fd) != 0) return errnoError(action, errno);
    if (::close(std::exchange(f.fd, -1)) != 0) return errnoError(action, errno);
    return std::nullopt;
}

void flushFolder(const fs::path& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

std::optional<Error> renameDurably(const fs::path& tmp, const fs::path& target,
                                   const std::string& action) {
    // Replace only a regular file (a device, FIFO or symlink there would silently become one),
    // and give the new file the old one's permissions (a 0600 file stays 0600).
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode))
            return notRegular(action, target,
                              S_ISLNK(st.st_mode)   ? "a symbolic link"
                              : S_ISDIR(st.st_mode) ? "a folder"
                                                    : "a device, pipe or socket");
        if (::chmod(tmp.c_str(), st.st_mode & 07777) != 0) return errnoError(action, errno);
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) return errnoError(action, errno);
    flushFolder(target.parent_path()); // the rename is durable once the folder entry is
    return std::nullopt;
}

Result<std::string> readRegularFile(const fs::path& file, std::uintmax_t maxBytes,
                                    const std::string& action) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on the handle.
    Fd f{::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (f.fd < 0) return errnoError(action, errno);
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) return errnoError(action, errno);
    if (S_ISDIR(st.st_mode)) return notRegular(action, file, "a folder");
    if (!S_ISREG(st.st_mode)) return notRegular(action, file, "a device, pipe or socket");
    if (static_cast<std::uintmax_t>(st.st_size) > maxBytes) {
        Error e = makeError(action, CodeKind::None, 0);
        e.meaning = file.string() + " is " + std::to_string(st.st_size) + " bytes; files over " +
                    std::to_string(maxBytes) + " bytes are refused.";
        e.nextStep = "Check that this is the right file.";
        return e;
    }
    std::string out(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < out.size()) {
        const ssize_t n = ::read(f.fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errnoError(action, errno);
        if (n == 0) break; // shrank meanwhile: keep what is there
        got += static_cast<std::size_t>(n);
    }
    out.resize(got);
    return out;
}

std::optional<Error> removeFile(const fs::path& file, const std::string& action) {
    if (::unlink(file.c_str()) == 0 || errno == ENOENT) return std::nullopt;
    return errnoError(action, errno);
}

} // namespace aovpn::platform::os
#endif
