#include "folder_profile_store.hpp"

#include "model/escape.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace aovpn::platform::offline {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kExt = ".xml";

Error errnoError(std::string action, int err) {
    return makeError(std::move(action), CodeKind::Errno, static_cast<std::uint32_t>(err),
                     std::strerror(err));
}

// A stored profile: a regular file named <InstanceID>.xml. Temp files never end in ".xml", so a
// profile whose name starts with "." is listed like any other.
bool isProfileFile(const fs::directory_entry& entry) {
    std::error_code ec;
    const auto leaf = entry.path().filename().string();
    return entry.is_regular_file(ec) && leaf.size() > kExt.size() &&
           entry.path().extension() == kExt && !isAtomicTempName(leaf);
}
// What the MDM bridge refuses before anything else ("A general error occurred"): text that is not
// a well-formed XML document with a <VPNProfile> root. The store refuses it the same way, so a
// failing replace (and its restore) behaves here as it does on Windows.
std::optional<Error> notProfileXml(std::string_view xml, const std::string& action) {
    pugi::xml_document doc;
    const auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default);
    const bool ok = parsed && std::string_view(doc.document_element().name()) == "VPNProfile";
    if (ok) return std::nullopt;
    Error e = errnoError(action, EINVAL);
    e.meaning = parsed ? "The text is XML but not a <VPNProfile> document."
                       : std::string("The text is not well-formed XML (") + parsed.description() +
                             " at byte " + std::to_string(parsed.offset) +
                             "); Windows' MDM bridge refuses it too.";
    e.nextStep = "Apply the profile from the editor or a file that validates.";
    return e;
}
} // namespace

FolderProfileStore::FolderProfileStore(fs::path dir, WriteFaultHook hook)
    : dir_(std::move(dir)), hook_(std::move(hook)) {}

// Temp files of a save that a crash interrupted: removed on the first use after a start.
void FolderProfileStore::cleanTempsOnce() {
    if (cleaned_) return;
    cleaned_ = true;
    std::error_code ec;
    if (fs::is_directory(dir_, ec)) removeStaleTempFiles(dir_);
}

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

Result<std::vector<InstalledProfile>> FolderProfileStore::list(const ProfileTarget&) {
    cleanTempsOnce();
    std::vector<InstalledProfile> out;
    std::error_code ec;
    if (!fs::exists(dir_, ec)) return out; // nothing saved yet
    const std::string action = "List the profiles in " + dir_.string();
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
        if (!isProfileFile(entry)) continue;
        auto text = readRegularFile(entry.path(), kMaxProfileBytes, action);
        if (!text) continue; // vanished meanwhile or unreadable: not a profile we can show
        const auto id = entry.path().stem().string();
        out.push_back({aovpn::decodeInstanceId(id), id, std::move(text.value())});
    }
    if (ec) return errnoError(action, ec.value());
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.name < b.name; });
    return out;
}

Result<std::optional<InstalledProfile>> FolderProfileStore::find(const ProfileTarget&,
                                                                 std::string_view name) {
    cleanTempsOnce();
    auto file = fileFor(name, "Read the profile \"" + std::string(name) + "\"");
    if (!file) return file.error();
    std::error_code ec;
    if (!fs::exists(file.value(), ec)) return std::optional<InstalledProfile>{};
    auto text = readRegularFile(file.value(), kMaxProfileBytes,
                                "Read the profile file " + file.value().string());
    if (!text) return text.error();
    return std::optional<InstalledProfile>{
        InstalledProfile{std::string(name), file.value().stem().string(), std::move(text.value())}};
}

Status FolderProfileStore::create(const ProfileTarget&, std::string_view name,
                                  std::string_view xml) {
    const std::string action = "Save the profile \"" + std::string(name) + "\"";
    auto file = fileFor(name, action);
    if (!file) return Status::failure(file.error());
    if (auto bad = notProfileXml(xml, action)) return Status::failure(*bad);
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec)
        return Status::failure(errnoError(action + " (create " + dir_.string() + ")", ec.value()));
    cleanTempsOnce();
    if (fs::exists(file.value(), ec)) {
        Error e = makeError(action, CodeKind::Errno, EEXIST, std::strerror(EEXIST));
        e.meaning = "A profile of that name is already saved.";
        e.nextStep = "Apply replaces it; or remove it first.";
        return Status::failure(e);
    }
    return writeFileAtomically(file.value(), xml, action, hook_);
}

Status FolderProfileStore::remove(const ProfileTarget&, const InstalledProfile& installed) {
    const std::string action = "Remove the profile \"" + installed.name + "\"";
    const fs::path file = dir_ / (installed.instanceId + std::string(kExt));
    std::error_code ec;
    if (installed.instanceId.empty() || installed.instanceId.find('/') != std::string::npos ||
        !fs::exists(file, ec)) {
        Error e = errnoError(action, ENOENT);
        e.meaning = "No profile of that name is saved.";
        return Status::failure(e);
    }
    return removeFileDurably(file, action);
}

LeftoverReport FolderProfileStore::cleanLeftovers(const ProfileTarget&, std::string_view) {
    return {}; // there is no registry offline
}

} // namespace aovpn::platform::offline
