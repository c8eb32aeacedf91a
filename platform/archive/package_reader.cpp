// readPackage: a .zip read into memory (then readZip), or an extracted folder walked with the
// same name checks and caps.
#include "platform/package_reader.hpp"

#include "model/utf8_path.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>

namespace aovpn::platform {
namespace {

namespace fs = std::filesystem;

Error cannot(const fs::path& path, std::string why) {
    Error e;
    e.action = fmt::format("Read the Azure VPN client package {}", pathToUtf8(path));
    e.systemMessage = std::move(why);
    e.nextStep = "Give the downloaded .zip, or the folder it was extracted to.";
    return e;
}

Result<std::string> readFile(const fs::path& path, std::uint64_t cap) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return cannot(path, ec.message());
    if (size > cap) return cannot(path, fmt::format("it is over {} MiB", cap >> 20));
    std::ifstream in(path, std::ios::binary);
    std::string data(static_cast<std::size_t>(size), '\0');
    if (!in.read(data.data(), static_cast<std::streamsize>(size)))
        return cannot(path, "it could not be read");
    return data;
}

Result<std::vector<PackageEntry>> readFolder(const fs::path& dir, const WantedEntry& wanted,
                                             const PackageLimits& limits) {
    std::vector<PackageEntry> out;
    std::set<std::string> seen;
    std::uint64_t total = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue; // links are not followed
        std::string name = pathToUtf8(fs::relative(it->path(), dir, ec));
        std::replace(name.begin(), name.end(), '\\', '/');
        if (out.size() >= limits.maxEntries)
            return cannot(dir, fmt::format("it holds more than {} files", limits.maxEntries));
        if (!seen.insert(entryKey(name)).second)
            return cannot(dir, fmt::format("the name '{}' appears twice", name));
        PackageEntry e{name, {}, false};
        if (wanted(name)) {
            auto data = readFile(it->path(), limits.maxEntry);
            if (!data) return data.error();
            if ((total += data.value().size()) > limits.maxTotal)
                return cannot(dir, "its files are over the size cap");
            e.data = std::move(data.value());
            e.hasData = true;
        }
        out.push_back(std::move(e));
    }
    if (ec) return cannot(dir, ec.message());
    return out;
}

} // namespace

Result<std::vector<PackageEntry>> readPackage(const fs::path& path, const WantedEntry& wanted,
                                              const PackageLimits& limits) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return readFolder(path, wanted, limits);
    if (!fs::is_regular_file(path, ec)) return cannot(path, "it is not a file or a folder");
    // A file dialog picks files: Generic/VpnSettings.xml (or AzureVPN/azurevpnconfig.xml)
    // picked inside the extracted folder stands for that folder.
    const std::string key = entryKey(pathToUtf8(path.parent_path().filename() / path.filename()));
    if (key == "generic/vpnsettings.xml" || key == "azurevpn/azurevpnconfig.xml")
        return readFolder(path.parent_path().parent_path(), wanted, limits);
    auto bytes = readFile(path, limits.maxArchive);
    if (!bytes) return bytes.error();
    return readZip(bytes.value(), wanted, limits);
}

} // namespace aovpn::platform
