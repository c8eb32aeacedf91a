#include "phonebooks.hpp"

#include "win_util.hpp"

#include <shlobj.h>

namespace aovpn::platform::win {

namespace fs = std::filesystem;

namespace {
fs::path knownFolder(REFKNOWNFOLDERID id) {
    PWSTR raw = nullptr;
    fs::path out;
    if (SUCCEEDED(SHGetKnownFolderPath(id, 0, nullptr, &raw))) out = raw;
    CoTaskMemFree(raw);
    return out;
}

// HKLM\...\ProfileList\<SID>\ProfileImagePath, expanded: the user's profile folder.
fs::path profileFolderOf(const std::string& sid) {
    const std::wstring key =
        L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\" + widen(sid);
    wchar_t raw[MAX_PATH * 2];
    DWORD size = sizeof raw;
    if (RegGetValueW(HKEY_LOCAL_MACHINE, key.c_str(), L"ProfileImagePath",
                     RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, nullptr, raw,
                     &size) != ERROR_SUCCESS)
        return {};
    wchar_t expanded[MAX_PATH * 2];
    const DWORD n = ExpandEnvironmentStringsW(raw, expanded, MAX_PATH * 2);
    return n > 0 && n <= MAX_PATH * 2 ? fs::path(expanded) : fs::path(raw);
}

fs::path pbkFolderFor(const ProfileTarget& t, const Account& processUser) {
    const fs::path tail = fs::path(L"Microsoft") / L"Network" / L"Connections" / L"Pbk";
    if (t.kind == TunnelKind::Device) return knownFolder(FOLDERID_ProgramData) / tail;
    if (t.user.sid == processUser.sid) return knownFolder(FOLDERID_RoamingAppData) / tail;
    const fs::path home = profileFolderOf(t.user.sid);
    if (home.empty()) return {};
    return home / L"AppData" / L"Roaming" / tail;
}
} // namespace

fs::path phonebookFor(const ProfileTarget& t, const Account& processUser) {
    const fs::path dir = pbkFolderFor(t, processUser);
    return dir.empty() ? dir : dir / L"rasphone.pbk";
}

fs::path hiddenPhonebookFor(const ProfileTarget& t, const Account& processUser) {
    if (t.kind == TunnelKind::Device) return {};
    const fs::path dir = pbkFolderFor(t, processUser);
    return dir.empty() ? dir : dir / L"_hiddenPbk" / L"rasphone.pbk";
}

} // namespace aovpn::platform::win
