#include "protected_folder.hpp"

#include "win_util.hpp"

#include <aclapi.h>
#include <sddl.h>
#include <shlobj.h>

namespace aovpn::platform::win {

namespace fs = std::filesystem;

namespace {
struct LocalMem {
    void* p = nullptr;
    ~LocalMem() {
        if (p) LocalFree(p);
    }
};

std::string sidText(PSID sid) {
    wchar_t* text = nullptr;
    if (!ConvertSidToStringSidW(sid, &text)) return {};
    std::string out = narrow(text);
    LocalFree(text);
    return out;
}

Error notProtected(const fs::path& dir, const std::string& owner) {
    Error e = makeError("Use the protected folder " + narrow(dir.wstring()), CodeKind::None, 0);
    e.meaning = "The folder exists but belongs to " + owner +
                ", not to SYSTEM or Administrators: another account created it, so what is in it "
                "cannot be trusted.";
    e.nextStep = "Delete the folder as administrator and try again.";
    return e;
}

Status createOne(const fs::path& dir, const std::string& action) {
    LocalMem sd;
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(kProtectedSddl, SDDL_REVISION_1,
                                                              &sd.p, nullptr))
        return Status::failure(win32Error(action, GetLastError()));
    SECURITY_ATTRIBUTES sa{sizeof sa, sd.p, FALSE};
    if (CreateDirectoryW(dir.c_str(), &sa)) return Status::success();
    const DWORD err = GetLastError();
    if (err == ERROR_ALREADY_EXISTS) return Status::success();
    return Status::failure(win32Error(action, err));
}

bool underWine() {
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    return ntdll && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}

bool trustedOwner(const std::string& sid) {
    return sid == "S-1-5-18" || sid == "S-1-5-32-544";
}

std::string processSid() {
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return {};
    BYTE buf[256];
    DWORD size = 0;
    std::string out;
    if (GetTokenInformation(token, TokenUser, buf, sizeof buf, &size))
        out = sidText(reinterpret_cast<TOKEN_USER*>(buf)->User.Sid);
    CloseHandle(token);
    return out;
}

// A folder owned by this account (CreateDirectory may not honour O:BA, e.g. under Wine, or this
// account made it before while not elevated): give it to Administrators and, since it was not
// protected until now, drop whatever it holds.
Status takeOver(const fs::path& dir, const std::string& action) {
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof sid;
    if (!CreateWellKnownSid(WinBuiltinAdministratorsSid, nullptr, sid, &size))
        return Status::failure(win32Error(action, GetLastError()));
    std::wstring path = dir.wstring();
    const DWORD rc = SetNamedSecurityInfoW(path.data(), SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION,
                                           sid, nullptr, nullptr, nullptr);
    if (rc != ERROR_SUCCESS) return Status::failure(win32Error(action, rc));
    auto now = ownerSidOf(dir);
    if (!now || !trustedOwner(now.value())) return Status::success(); // Wine: owner unchanged
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        fs::remove_all(entry.path(), ec);
    return Status::success();
}

// An existing folder: its owner must be SYSTEM or Administrators; then our DACL is put back.
Status checkAndReapply(const fs::path& dir, const std::string& action) {
    auto owner = ownerSidOf(dir);
    if (!owner) return Status::failure(owner.error());
    if (!trustedOwner(owner.value())) {
        if (owner.value() != processSid()) return Status::failure(notProtected(dir, owner.value()));
        if (auto s = takeOver(dir, action); !s.ok()) return s;
        owner = ownerSidOf(dir);
        // Wine keeps the creator as owner whatever is set; only there is that accepted.
        if (!owner || (!trustedOwner(owner.value()) && !underWine()))
            return Status::failure(notProtected(dir, owner ? owner.value() : std::string("?")));
    }
    LocalMem sd;
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(kProtectedSddl, SDDL_REVISION_1,
                                                              &sd.p, nullptr))
        return Status::failure(win32Error(action, GetLastError()));
    PACL dacl = nullptr;
    BOOL present = FALSE, defaulted = FALSE;
    GetSecurityDescriptorDacl(sd.p, &present, &dacl, &defaulted);
    std::wstring path = dir.wstring();
    const DWORD rc =
        SetNamedSecurityInfoW(path.data(), SE_FILE_OBJECT,
                              DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                              nullptr, nullptr, dacl, nullptr);
    if (rc != ERROR_SUCCESS) return Status::failure(win32Error(action, rc));
    return Status::success();
}
} // namespace

fs::path programDataFolder() {
    PWSTR raw = nullptr;
    fs::path base;
    if (SUCCEEDED(SHGetKnownFolderPath(FOLDERID_ProgramData, 0, nullptr, &raw))) base = raw;
    CoTaskMemFree(raw);
    if (base.empty()) base = L"C:\\ProgramData";
    return base / L"AOVPN Studio";
}

bool ownedBySystemOrAdmins(const fs::path& dir) {
    auto owner = ownerSidOf(dir);
    return owner && (trustedOwner(owner.value()) || (underWine() && owner.value() == processSid()));
}

Result<std::string> ownerSidOf(const fs::path& path) {
    PSID owner = nullptr;
    LocalMem sd;
    const DWORD rc = GetNamedSecurityInfoW(path.c_str(), SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION,
                                           &owner, nullptr, nullptr, nullptr,
                                           reinterpret_cast<PSECURITY_DESCRIPTOR*>(&sd.p));
    if (rc != ERROR_SUCCESS) return win32Error("Read the owner of " + narrow(path.wstring()), rc);
    return sidText(owner);
}

namespace {
// `dir` lies strictly inside `top` (compared component by component).
bool strictlyInside(const fs::path& dir, const fs::path& top) {
    auto d = dir.begin(), t = top.begin();
    for (; t != top.end(); ++t, ++d)
        if (d == dir.end() || _wcsicmp(d->c_str(), t->c_str()) != 0) return false;
    return d != dir.end();
}
} // namespace

// Every level from %ProgramData%\AOVPN Studio down is created or checked: a standard user who
// owned a parent could swap the folders under it.
Status ensureProtectedFolder(const fs::path& dir) {
    const fs::path top = programDataFolder();
    if (strictlyInside(dir, top))
        if (auto s = ensureProtectedFolder(dir.parent_path()); !s.ok()) return s;
    const std::string action = "Prepare the protected folder " + narrow(dir.wstring());
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        if (auto s = createOne(dir, action); !s.ok()) return s;
    return checkAndReapply(dir, action);
}

} // namespace aovpn::platform::win
