// Registry leftovers of a removed profile that break a later re-create (the list Richard Hicks's
// Remove-AovpnConnection and DPC clean): ERM Tracked Path values, the VPN's NetworkList profile,
// AutoTriggerDisabledProfilesList, and the device tunnel key. On a shared PC another user's
// entries of the same name stay where the keys tell them apart (a SID in the Tracked key path,
// ./User/ vs ./Device/ in the value); where they cannot, the report says what was removed.
#include "model/escape.hpp"

#include "win_util.hpp"
#include "wmi_profile_store.hpp"

#include <algorithm>
#include <cwctype>
#include <optional>

namespace aovpn::platform::win {

namespace {
constexpr REGSAM kWow = KEY_WOW64_64KEY;
const wchar_t* const kTracked = L"SOFTWARE\\Microsoft\\EnterpriseResourceManager\\Tracked";
const wchar_t* const kNetworkList =
    L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Profiles";
const wchar_t* const kRasManConfig = L"SYSTEM\\CurrentControlSet\\Services\\RasMan\\Config";
const wchar_t* const kDeviceTunnel = L"SYSTEM\\CurrentControlSet\\Services\\RasMan\\DeviceTunnel";
constexpr DWORD kVpnNameType = 23; // NetworkList NameType: 6 wired, 23 VPN, 71 wireless

struct Key {
    HKEY h = nullptr;
    ~Key() {
        if (h) RegCloseKey(h);
    }
};

std::string hklm(const std::wstring& path) {
    return "HKLM\\" + narrow(path);
}

void noteFailure(LeftoverReport& r, const std::wstring& where, LONG err) {
    if (err == ERROR_FILE_NOT_FOUND) return; // nothing there: nothing to clean
    r.failures.push_back(win32Error("Clean " + hklm(where), static_cast<DWORD>(err)));
}

std::vector<std::wstring> subkeys(HKEY key) {
    std::vector<std::wstring> out;
    wchar_t name[256];
    for (DWORD i = 0;; ++i) {
        DWORD len = 256;
        if (RegEnumKeyExW(key, i, name, &len, nullptr, nullptr, nullptr, nullptr) != ERROR_SUCCESS)
            break;
        out.emplace_back(name, len);
    }
    return out;
}

std::vector<std::wstring> valueNames(HKEY key) {
    std::vector<std::wstring> out;
    wchar_t name[256];
    for (DWORD i = 0;; ++i) {
        DWORD len = 256;
        if (RegEnumValueW(key, i, name, &len, nullptr, nullptr, nullptr, nullptr) != ERROR_SUCCESS)
            break;
        out.emplace_back(name, len);
    }
    return out;
}

std::wstring stringValue(HKEY key, const wchar_t* name) {
    wchar_t buf[1024];
    DWORD size = sizeof buf;
    DWORD type = 0;
    if (RegQueryValueExW(key, name, nullptr, &type, reinterpret_cast<BYTE*>(buf), &size) !=
            ERROR_SUCCESS ||
        type != REG_SZ)
        return {};
    return std::wstring(buf, wcsnlen(buf, size / sizeof(wchar_t)));
}

std::optional<DWORD> dwordValue(HKEY key, const wchar_t* name) {
    DWORD v = 0, size = sizeof v, type = 0;
    if (RegQueryValueExW(key, name, nullptr, &type, reinterpret_cast<BYTE*>(&v), &size) !=
            ERROR_SUCCESS ||
        type != REG_DWORD)
        return std::nullopt;
    return v;
}

bool isPathValueName(const std::wstring& n) {
    return n.size() > 4 && n.rfind(L"Path", 0) == 0 &&
           std::all_of(n.begin() + 4, n.end(), [](wchar_t c) { return std::iswdigit(c) != 0; });
}

// ".../VPNv2/<InstanceID>[/...]": the profile it names, decoded (other tools encode only spaces).
std::optional<std::string> trackedProfile(const std::wstring& value) {
    const auto at = value.rfind(L"/VPNv2/");
    if (at == std::wstring::npos) return std::nullopt;
    std::wstring id = value.substr(at + 7);
    id = id.substr(0, id.find(L'/'));
    return aovpn::decodeInstanceId(narrow(id));
}

// Whose a Tracked entry is: the last SID in its key path, else the value's ./User/ or ./Device/.
struct Owner {
    std::wstring sid;  // from the key path
    bool user = false; // ./User/...
    bool device = false;
};

// Keep (with a reason) or remove (with a note when ownership could not be told).
std::optional<std::string> keepReason(const Owner& o, const ProfileTarget& t, std::string& note) {
    const bool userTarget = t.kind == TunnelKind::User;
    if (!o.sid.empty()) {
        if (userTarget && narrow(o.sid) == t.user.sid) return std::nullopt;
        return "belongs to " + narrow(o.sid);
    }
    if (o.device)
        return userTarget ? std::optional<std::string>("a device-tunnel entry") : std::nullopt;
    if (o.user) {
        if (!userTarget) return "a user-tunnel entry";
        note = " (the key does not say which user's)";
        return std::nullopt;
    }
    note = " (the key does not say whose)";
    return std::nullopt;
}

void cleanTrackedKey(HKEY key, const std::wstring& where, const std::wstring& sid,
                     const ProfileTarget& t, const std::string& name, LeftoverReport& r) {
    std::size_t paths = 0, removed = 0;
    for (const auto& n : valueNames(key)) {
        if (!isPathValueName(n)) continue;
        ++paths;
        const std::wstring v = stringValue(key, n.c_str());
        if (trackedProfile(v) != name) continue;
        const Owner o{sid, v.rfind(L"./User/", 0) == 0, v.rfind(L"./Device/", 0) == 0};
        std::string note;
        const std::string line = hklm(where) + " value " + narrow(n) + " (" + narrow(v) + ")";
        if (auto why = keepReason(o, t, note)) {
            r.kept.push_back("Kept " + line + ": " + *why + ".");
            continue;
        }
        const LONG err = RegDeleteValueW(key, n.c_str());
        if (err == ERROR_SUCCESS) {
            r.removed.push_back(line + note);
            ++removed;
        } else {
            noteFailure(r, where + L" " + n, err);
        }
    }
    if (removed == 0) return;
    const DWORD count = static_cast<DWORD>(paths - removed);
    RegSetValueExW(key, L"Count", 0, REG_DWORD, reinterpret_cast<const BYTE*>(&count),
                   sizeof count);
}

bool looksLikeSid(const std::wstring& s) {
    return s.rfind(L"S-1-", 0) == 0;
}

void walkTracked(const std::wstring& path, std::wstring sid, const ProfileTarget& t,
                 const std::string& name, int depth, LeftoverReport& r) {
    Key k;
    const LONG err =
        RegOpenKeyExW(HKEY_LOCAL_MACHINE, path.c_str(), 0, KEY_READ | KEY_SET_VALUE | kWow, &k.h);
    if (err != ERROR_SUCCESS) return noteFailure(r, path, err);
    cleanTrackedKey(k.h, path, sid, t, name, r);
    if (depth >= 8) return;
    for (const auto& sub : subkeys(k.h))
        walkTracked(path + L"\\" + sub, looksLikeSid(sub) ? sub : sid, t, name, depth + 1, r);
}

void cleanNetworkList(const std::wstring& name, LeftoverReport& r) {
    Key k;
    LONG err = RegOpenKeyExW(HKEY_LOCAL_MACHINE, kNetworkList, 0, KEY_READ | DELETE | kWow, &k.h);
    if (err != ERROR_SUCCESS) return noteFailure(r, kNetworkList, err);
    for (const auto& sub : subkeys(k.h)) {
        Key s;
        if (RegOpenKeyExW(k.h, sub.c_str(), 0, KEY_READ | kWow, &s.h) != ERROR_SUCCESS) continue;
        if (stringValue(s.h, L"Description") != name) continue;
        const std::wstring where = std::wstring(kNetworkList) + L"\\" + sub;
        // Only the VPN's own network profile: a Wi-Fi or wired profile of that name stays.
        if (dwordValue(s.h, L"NameType") != kVpnNameType) {
            r.kept.push_back("Kept " + hklm(where) +
                             ": a network profile of the same name that "
                             "is not a VPN (NameType " +
                             std::to_string(dwordValue(s.h, L"NameType").value_or(0)) + ").");
            continue;
        }
        err = RegDeleteTreeW(k.h, sub.c_str());
        if (err == ERROR_SUCCESS)
            r.removed.push_back(hklm(where) + " (machine-wide: shared by every account here)");
        else
            noteFailure(r, where, err);
    }
}

std::vector<std::wstring> multiString(HKEY key, const wchar_t* value, bool& present) {
    DWORD type = 0, size = 0;
    present = RegQueryValueExW(key, value, nullptr, &type, nullptr, &size) == ERROR_SUCCESS &&
              type == REG_MULTI_SZ;
    std::vector<std::wstring> out;
    if (!present) return out;
    std::wstring buf(size / sizeof(wchar_t) + 2, L'\0');
    RegQueryValueExW(key, value, nullptr, &type, reinterpret_cast<BYTE*>(buf.data()), &size);
    for (const wchar_t* p = buf.c_str(); *p; p += wcslen(p) + 1)
        out.emplace_back(p);
    return out;
}

void cleanAutoTriggerList(const std::wstring& name, LeftoverReport& r) {
    Key k;
    LONG err =
        RegOpenKeyExW(HKEY_LOCAL_MACHINE, kRasManConfig, 0, KEY_READ | KEY_SET_VALUE | kWow, &k.h);
    if (err != ERROR_SUCCESS) return noteFailure(r, kRasManConfig, err);
    const wchar_t* value = L"AutoTriggerDisabledProfilesList";
    bool present = false;
    const auto names = multiString(k.h, value, present);
    std::wstring kept;
    bool found = false;
    for (const auto& n : names) {
        if (_wcsicmp(n.c_str(), name.c_str()) == 0)
            found = true;
        else
            kept.append(n).push_back(L'\0');
    }
    if (!found) return;
    kept.push_back(L'\0');
    err = RegSetValueExW(k.h, value, 0, REG_MULTI_SZ, reinterpret_cast<const BYTE*>(kept.data()),
                         static_cast<DWORD>(kept.size() * sizeof(wchar_t)));
    if (err == ERROR_SUCCESS)
        r.removed.push_back(hklm(kRasManConfig) + " AutoTriggerDisabledProfilesList: " +
                            narrow(name) + " (the list is machine-wide)");
    else
        noteFailure(r, kRasManConfig, err);
}
} // namespace

LeftoverReport cleanRegistryLeftovers(const ProfileTarget& target, std::string_view name) {
    LeftoverReport r;
    if (!aovpn::encodeInstanceId(name).ok) return r;
    walkTracked(kTracked, {}, target, std::string(name), 0, r);
    cleanNetworkList(widen(name), r);
    cleanAutoTriggerList(widen(name), r);
    if (target.kind == TunnelKind::Device) {
        const LONG err = RegDeleteTreeW(HKEY_LOCAL_MACHINE, kDeviceTunnel);
        if (err == ERROR_SUCCESS)
            r.removed.push_back(hklm(kDeviceTunnel));
        else
            noteFailure(r, kDeviceTunnel, err);
    }
    return r;
}

} // namespace aovpn::platform::win
