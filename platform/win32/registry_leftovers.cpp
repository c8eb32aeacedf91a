// Registry leftovers of a removed profile that break a later re-create (the list Richard Hicks's
// Remove-AovpnConnection and DPC clean): ERM Tracked Path values, NetworkList profiles,
// AutoTriggerDisabledProfilesList, and the device tunnel key.
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

struct Key {
    HKEY h = nullptr;
    ~Key() {
        if (h) RegCloseKey(h);
    }
};

void noteFailure(LeftoverReport& r, const std::wstring& where, LONG err) {
    if (err == ERROR_FILE_NOT_FOUND) return; // nothing there: nothing to clean
    r.failures.push_back(win32Error("Clean HKLM\\" + narrow(where), static_cast<DWORD>(err)));
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

bool endsWith(const std::wstring& s, const std::wstring& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool isPathValueName(const std::wstring& n) {
    return n.size() > 4 && n.rfind(L"Path", 0) == 0 &&
           std::all_of(n.begin() + 4, n.end(), [](wchar_t c) { return std::iswdigit(c) != 0; });
}

// One Tracked key: delete Path<N> values ending in "/<InstanceID>", then fix Count.
void cleanTrackedKey(HKEY key, const std::wstring& where, const std::vector<std::wstring>& tails,
                     LeftoverReport& r) {
    std::vector<std::wstring> paths, doomed;
    wchar_t name[256];
    for (DWORD i = 0;; ++i) {
        DWORD len = 256;
        if (RegEnumValueW(key, i, name, &len, nullptr, nullptr, nullptr, nullptr) != ERROR_SUCCESS)
            break;
        std::wstring n(name, len);
        if (!isPathValueName(n)) continue;
        paths.push_back(n);
        const std::wstring v = stringValue(key, n.c_str());
        for (const auto& t : tails)
            if (endsWith(v, t)) doomed.push_back(n);
    }
    for (const auto& n : doomed) {
        const LONG err = RegDeleteValueW(key, n.c_str());
        if (err == ERROR_SUCCESS)
            r.removed.push_back("HKLM\\" + narrow(where) + " value " + narrow(n));
        else
            noteFailure(r, where + L" " + n, err);
    }
    if (doomed.empty()) return;
    const DWORD count = static_cast<DWORD>(paths.size() - doomed.size());
    RegSetValueExW(key, L"Count", 0, REG_DWORD, reinterpret_cast<const BYTE*>(&count),
                   sizeof count);
}

void walkTracked(const std::wstring& path, const std::vector<std::wstring>& tails, int depth,
                 LeftoverReport& r) {
    Key k;
    const LONG err =
        RegOpenKeyExW(HKEY_LOCAL_MACHINE, path.c_str(), 0, KEY_READ | KEY_SET_VALUE | kWow, &k.h);
    if (err != ERROR_SUCCESS) return noteFailure(r, path, err);
    cleanTrackedKey(k.h, path, tails, r);
    if (depth < 6)
        for (const auto& sub : subkeys(k.h))
            walkTracked(path + L"\\" + sub, tails, depth + 1, r);
}
} // namespace

namespace {
void cleanNetworkList(const std::wstring& name, LeftoverReport& r) {
    Key k;
    LONG err = RegOpenKeyExW(HKEY_LOCAL_MACHINE, kNetworkList, 0, KEY_READ | DELETE | kWow, &k.h);
    if (err != ERROR_SUCCESS) return noteFailure(r, kNetworkList, err);
    for (const auto& sub : subkeys(k.h)) {
        Key s;
        if (RegOpenKeyExW(k.h, sub.c_str(), 0, KEY_READ | kWow, &s.h) != ERROR_SUCCESS) continue;
        // Only the VPN's own network profile (NameType 23); a Wi-Fi or wired network profile
        // whose description happens to be the same name stays.
        if (stringValue(s.h, L"Description") != name || dwordValue(s.h, L"NameType") != 23u)
            continue;
        err = RegDeleteTreeW(k.h, sub.c_str());
        const std::wstring where = std::wstring(kNetworkList) + L"\\" + sub;
        if (err == ERROR_SUCCESS)
            r.removed.push_back("HKLM\\" + narrow(where));
        else
            noteFailure(r, where, err);
    }
}

void cleanAutoTriggerList(const std::wstring& name, LeftoverReport& r) {
    Key k;
    LONG err =
        RegOpenKeyExW(HKEY_LOCAL_MACHINE, kRasManConfig, 0, KEY_READ | KEY_SET_VALUE | kWow, &k.h);
    if (err != ERROR_SUCCESS) return noteFailure(r, kRasManConfig, err);
    const wchar_t* value = L"AutoTriggerDisabledProfilesList";
    DWORD type = 0, size = 0;
    if (RegQueryValueExW(k.h, value, nullptr, &type, nullptr, &size) != ERROR_SUCCESS ||
        type != REG_MULTI_SZ)
        return;
    std::wstring buf(size / sizeof(wchar_t) + 2, L'\0');
    RegQueryValueExW(k.h, value, nullptr, &type, reinterpret_cast<BYTE*>(buf.data()), &size);
    std::wstring kept;
    bool found = false;
    for (const wchar_t* p = buf.c_str(); *p; p += wcslen(p) + 1) {
        if (_wcsicmp(p, name.c_str()) == 0)
            found = true;
        else
            kept.append(p).push_back(L'\0');
    }
    if (!found) return;
    kept.push_back(L'\0');
    err = RegSetValueExW(k.h, value, 0, REG_MULTI_SZ, reinterpret_cast<const BYTE*>(kept.data()),
                         static_cast<DWORD>(kept.size() * sizeof(wchar_t)));
    if (err == ERROR_SUCCESS)
        r.removed.push_back("HKLM\\" + narrow(kRasManConfig) +
                            " AutoTriggerDisabledProfilesList: " + narrow(name));
    else
        noteFailure(r, kRasManConfig, err);
}

} // namespace

LeftoverReport cleanRegistryLeftovers(const ProfileTarget& target, std::string_view name) {
    LeftoverReport r;
    const auto id = aovpn::encodeInstanceId(name);
    if (!id.ok) return r;
    std::wstring spaces = widen(name); // the form Hicks's script matches: only ' ' -> %20
    for (std::size_t p; (p = spaces.find(L' ')) != std::wstring::npos;)
        spaces.replace(p, 1, L"%20");
    walkTracked(kTracked, {L"/" + widen(id.value), L"/" + spaces}, 0, r);
    cleanNetworkList(widen(name), r);
    cleanAutoTriggerList(widen(name), r);
    if (target.kind == TunnelKind::Device) {
        const LONG err = RegDeleteTreeW(HKEY_LOCAL_MACHINE, kDeviceTunnel);
        if (err == ERROR_SUCCESS)
            r.removed.push_back("HKLM\\" + narrow(kDeviceTunnel));
        else
            noteFailure(r, kDeviceTunnel, err);
    }
    return r;
}

} // namespace aovpn::platform::win
