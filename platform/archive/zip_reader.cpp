// readZip: minizip (Debian's zlib contrib/minizip) over the bytes in memory, every entry's name,
// flags and sizes checked before any data is used.
#include "platform/package_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <unzip.h>

namespace aovpn::platform {
namespace {

// minizip's I/O over a read-only memory buffer.
struct MemoryFile {
    std::string_view bytes;
    std::uint64_t pos = 0;
};

voidpf ZCALLBACK memOpen(voidpf opaque, const void*, int mode) {
    return (mode & ZLIB_FILEFUNC_MODE_WRITE) ? nullptr : opaque;
}
uLong ZCALLBACK memRead(voidpf, voidpf stream, void* buf, uLong size) {
    auto* f = static_cast<MemoryFile*>(stream);
    const std::uint64_t left = f->bytes.size() - std::min<std::uint64_t>(f->pos, f->bytes.size());
    const auto n = static_cast<uLong>(std::min<std::uint64_t>(size, left));
    std::memcpy(buf, f->bytes.data() + f->pos, n);
    f->pos += n;
    return n;
}
uLong ZCALLBACK memWrite(voidpf, voidpf, const void*, uLong) {
    return 0;
}
ZPOS64_T ZCALLBACK memTell(voidpf, voidpf stream) {
    return static_cast<MemoryFile*>(stream)->pos;
}
long ZCALLBACK memSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* f = static_cast<MemoryFile*>(stream);
    std::uint64_t base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = f->pos;
    if (origin == ZLIB_FILEFUNC_SEEK_END) base = f->bytes.size();
    if (base + offset > f->bytes.size()) return -1;
    f->pos = base + offset;
    return 0;
}
int ZCALLBACK memClose(voidpf, voidpf) {
    return 0;
}
int ZCALLBACK memError(voidpf, voidpf) {
    return 0;
}

Error refused(std::string why) {
    Error e;
    e.action = "Read the Azure VPN client package";
    e.systemMessage = std::move(why);
    e.meaning = "The package is damaged or was altered; nothing was imported or written.";
    e.nextStep = "Download the VPN client package again from the Azure portal (Point-to-site "
                 "configuration > Download VPN client).";
    return e;
}

struct Unzip {
    unzFile z = nullptr;
    ~Unzip() {
        if (z) unzClose(z);
    }
};

// The current entry's data, refusing more bytes than it declared or than the caps allow.
Result<std::string> readCurrent(unzFile z, const std::string& name, std::uint64_t declared,
                                std::uint64_t cap) {
    if (unzOpenCurrentFile(z) != UNZ_OK)
        return refused(fmt::format("the entry '{}' is corrupt: its header does not match the "
                                   "zip's directory",
                                   name));
    std::string data;
    char buf[65536];
    for (;;) {
        const int n = unzReadCurrentFile(z, buf, sizeof buf);
        if (n < 0) {
            unzCloseCurrentFile(z);
            return refused(
                fmt::format("the entry '{}' is corrupt or truncated (unzip error {})", name, n));
        }
        if (n == 0) break;
        data.append(buf, static_cast<std::size_t>(n));
        if (data.size() > declared || data.size() > cap) {
            unzCloseCurrentFile(z);
            return refused(fmt::format("the entry '{}' unpacks to more than it declares or than "
                                       "{} MiB (a zip bomb?)",
                                       name, cap >> 20));
        }
    }
    if (unzCloseCurrentFile(z) == UNZ_CRCERROR || data.size() != declared)
        return refused(fmt::format("the entry '{}' is corrupt or truncated: its CRC or size "
                                   "does not match",
                                   name));
    return data;
}

} // namespace

Result<std::vector<PackageEntry>> readZip(std::string_view bytes, const WantedEntry& wanted,
                                          const PackageLimits& limits) {
    MemoryFile file{bytes};
    zlib_filefunc64_def io{memOpen, memRead, memWrite, memTell, memSeek, memClose, memError, &file};
    Unzip unzip;
    unzip.z = unzOpen2_64("package.zip", &io);
    unz_global_info64 global{};
    if (!unzip.z || unzGetGlobalInfo64(unzip.z, &global) != UNZ_OK)
        return refused("it is not a zip file, or it is truncated (no central directory)");
    if (global.number_entry > limits.maxEntries)
        return refused(fmt::format("it has {} entries (more than {})", global.number_entry,
                                   limits.maxEntries));
    std::vector<PackageEntry> out;
    std::set<std::string> seen;
    std::uint64_t total = 0;
    for (int rc = unzGoToFirstFile(unzip.z); rc != UNZ_END_OF_LIST_OF_FILE;
         rc = unzGoToNextFile(unzip.z)) {
        if (rc != UNZ_OK) return refused("its directory is truncated or corrupt");
        unz_file_info64 info{};
        char raw[1024] = {};
        if (unzGetCurrentFileInfo64(unzip.z, &info, raw, sizeof raw - 1, nullptr, 0, nullptr, 0) !=
            UNZ_OK)
            return refused("its directory is truncated or corrupt");
        const std::string name(raw, std::min<std::size_t>(info.size_filename, sizeof raw - 1));
        if (const std::string bad = unsafeEntryName(name); !bad.empty()) return refused(bad);
        if (!seen.insert(entryKey(name)).second)
            return refused(fmt::format("the name '{}' appears twice", name));
        if (name.back() == '/') continue; // a folder
        if (info.flag & 1) return refused(fmt::format("the entry '{}' is encrypted", name));
        if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
            return refused(fmt::format("the entry '{}' uses compression method {}", name,
                                       info.compression_method));
        PackageEntry e{name, {}, false};
        if (wanted(name)) {
            if (info.uncompressed_size > limits.maxEntry)
                return refused(fmt::format("the entry '{}' declares {} bytes, over the cap of {} "
                                           "bytes for one entry (a zip bomb?)",
                                           name, info.uncompressed_size, limits.maxEntry));
            if ((total += info.uncompressed_size) > limits.maxTotal)
                return refused(fmt::format("the entries to read declare {} bytes together, over "
                                           "the cap of {} bytes (a zip bomb?)",
                                           total, limits.maxTotal));
            auto data = readCurrent(unzip.z, name, info.uncompressed_size, limits.maxEntry);
            if (!data) return data.error();
            e.data = std::move(data.value());
            e.hasData = true;
        }
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace aovpn::platform
