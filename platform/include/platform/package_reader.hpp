#pragma once
// Reads a downloaded package (the Azure "Download VPN client" zip, or the folder it was extracted
// to) into memory, refusing hostile archives before anything is used: entry names with '..' or
// an absolute path, encrypted entries, unsupported compression, duplicate names, entries or a
// total over the size caps (zip bombs), truncated or corrupt archives. Data is read only for
// the entries `wanted` accepts; every name is checked.
#include "model/azure_package.hpp"
#include "platform/platform.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

namespace aovpn::platform {

struct PackageLimits {
    std::uint64_t maxArchive = 256ull << 20; // the zip file itself
    std::uint64_t maxEntry = 8ull << 20;     // one wanted entry, uncompressed
    std::uint64_t maxTotal = 32ull << 20;    // all wanted entries, uncompressed
    std::size_t maxEntries = 4096;
};

using WantedEntry = std::function<bool(std::string_view name)>;

// A .zip file or a folder (or Generic/VpnSettings.xml or AzureVPN/azurevpnconfig.xml inside the
// folder, for file dialogs). Errors say what was refused and why, naming the entry.
Result<std::vector<PackageEntry>> readPackage(const std::filesystem::path& path,
                                              const WantedEntry& wanted,
                                              const PackageLimits& limits = {});
// The zip bytes themselves (what readPackage does after reading the file).
Result<std::vector<PackageEntry>> readZip(std::string_view zip, const WantedEntry& wanted,
                                          const PackageLimits& limits = {});

} // namespace aovpn::platform
