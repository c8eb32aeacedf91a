// Loading, output and argument helpers for the aovpn commands.
#include "model/utf8_path.hpp"
#include "platform/atomic_file.hpp"

#include "cli.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif
#include <fstream>
#include <sstream>

namespace aovpn::cli {
namespace {

// A regular file of at most kMaxInputBytes (platform::readRegularFile), or stdin for "-".
bool readWhole(const std::string& path, std::string& out, std::string& why) {
    if (path == "-") {
#ifdef _WIN32
        _setmode(_fileno(stdin), _O_BINARY);
#endif
        char buf[1 << 16];
        std::size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
            if (out.size() + n > kMaxInputBytes) {
                why = fmt::format("standard input holds more than {} bytes; no VPN profile is "
                                  "that large",
                                  kMaxInputBytes);
                return false;
            }
            out.append(buf, n);
        }
        if (std::ferror(stdin)) why = std::strerror(errno);
        return !std::ferror(stdin);
    }
    auto r = platform::readRegularFile(pathFromUtf8(path), kMaxInputBytes, "Read " + path);
    if (!r.ok()) {
        const platform::Error& e = r.error();
        why = !e.meaning.empty()         ? e.meaning
              : !e.systemMessage.empty() ? e.systemMessage
                                         : e.describe();
        return false;
    }
    out = r.value();
    return true;
}

} // namespace

std::optional<LoadedProfile> loadProfile(const std::string& path) {
    LoadedProfile loaded;
    loaded.path = path;
    std::string why;
    if (!readWhole(path, loaded.text, why)) {
        report(path, 0, 0, "error", fmt::format("cannot read the file: {}", why));
        return std::nullopt;
    }
    loaded.read = readProfileXml(loaded.text);
    for (const XmlDiagnostic& d : loaded.read.warnings)
        reportFinding(path, d);
    if (!loaded.read.ok()) {
        for (const XmlDiagnostic& d : loaded.read.errors)
            reportFinding(path, d);
        return std::nullopt;
    }
    return loaded;
}

std::size_t countReadFindings(const ReadResult& read, Severity severity) {
    std::size_t n = severity == Severity::Warning ? read.suppressed : 0;
    for (const XmlDiagnostic& d : read.warnings)
        if (!d.rule.empty() && d.severity == severity) ++n;
    return n;
}

bool writeOutput(const std::string& out, std::string_view bytes) {
    if (out.empty()) {
        errno = 0;
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size() &&
                        std::fflush(stdout) == 0 && !std::ferror(stdout);
        if (!ok)
            report("<stdout>", 0, 0, "error",
                   fmt::format("cannot write the output: {}",
                               errno ? std::strerror(errno) : "write failed"));
        return ok;
    }
    // Temp file beside it, flushed to disk, renamed over it (the platform's one atomic write);
    // temp files an interrupted earlier run left in that folder go first.
    const std::filesystem::path target = pathFromUtf8(out);
    std::error_code ec;
    const auto st = std::filesystem::symlink_status(target, ec);
    if (!ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st)) {
        report(out, 0, 0, "error",
               std::filesystem::is_symlink(st)
                   ? "it is a symbolic link; give the file it points to (nothing was written)"
                   : "it is not a regular file (a folder, device or pipe); nothing was written");
        return false;
    }
    if (std::filesystem::is_directory(target.parent_path().empty() ? "." : target.parent_path(),
                                      ec))
        platform::removeStaleTempFiles(target.parent_path().empty() ? "." : target.parent_path());
    const platform::Status s = platform::writeFileAtomically(target, bytes, "Write " + out);
    if (s.ok()) return true;
    report(out, 0, 0, "error",
           fmt::format("cannot write the output file: {}", s.error->describe()));
    return false;
}

int usageError(const Args& args, std::string_view usage) {
    if (!args.error.empty()) fmt::print(stderr, "aovpn: {}\n", args.error);
    fmt::print(stderr, "{}", usage);
    return kExitUsage;
}

bool Args::has(std::string_view flag) const {
    for (const std::string& f : flags)
        if (f == flag) return true;
    return false;
}

std::optional<std::string> Args::value(std::string_view option) const {
    for (const auto& [name, v] : values)
        if (name == option) return v;
    return std::nullopt;
}

Args parseArgs(int argc, char** argv, int first,
               const std::vector<std::string_view>& valueOptions) {
    Args args;
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        const bool takesValue =
            std::find(valueOptions.begin(), valueOptions.end(), a) != valueOptions.end();
        if (takesValue) {
            if (i + 1 >= argc) {
                args.error = fmt::format("{} needs a value", a);
                return args;
            }
            args.values.emplace_back(a, argv[++i]);
        } else if (a.size() > 1 && a[0] == '-') {
            args.flags.push_back(a);
        } else {
            args.positional.push_back(a);
        }
    }
    return args;
}

} // namespace aovpn::cli
