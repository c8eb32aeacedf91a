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
#include <fstream>
#include <sstream>

namespace aovpn::cli {
namespace {

bool readWhole(const std::string& path, std::string& out, std::string& why) {
    std::error_code ec;
    const auto p = pathFromUtf8(path);
    if (std::filesystem::is_directory(p, ec)) {
        why = "it is a folder, not a file";
        return false;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        why = std::strerror(errno);
        return false;
    }
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
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
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        return std::fflush(stdout) == 0;
    }
    // Temp file beside it, flushed to disk, renamed over it (the platform's one atomic write).
    const platform::Status s =
        platform::writeFileAtomically(pathFromUtf8(out), bytes, "Write " + out);
    if (s.ok()) return true;
    report(out, 0, 0, "error",
           fmt::format("cannot write the output file (folder missing or no permission?): {}",
                       s.error->describe()));
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
