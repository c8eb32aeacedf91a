// Registry leftover cleanup against Wine's REAL registry, with seeded keys: what is removed, what
// is kept (another user's Tracked entries, a Wi-Fi profile of the same name), and the notes for
// entries whose owner the keys do not tell.
#ifdef _WIN32
#include "win32/wmi_profile_store.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace aovpn::platform;
using namespace aovpn::platform::win;

namespace {
const wchar_t* const kTracked = L"SOFTWARE\\Microsoft\\EnterpriseResourceManager\\Tracked";
const wchar_t* const kNetList =
    L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Profiles";
const wchar_t* const kConfig = L"SYSTEM\\CurrentControlSet\\Services\\RasMan\\Config";
const wchar_t* const kDevice = L"SYSTEM\\CurrentControlSet\\Services\\RasMan\\DeviceTunnel";
const ProfileTarget alice{TunnelKind::User, {"CORP\\alice", "S-1-5-21-1-2-3-1001"}};

HKEY create(const std::wstring& path) {
    HKEY k = nullptr;
    RegCreateKeyExW(HKEY_LOCAL_MACHINE, path.c_str(), 0, nullptr, 0, KEY_ALL_ACCESS, nullptr, &k,
                    nullptr);
    return k;
}
void setString(const std::wstring& path, const wchar_t* name, const std::wstring& v) {
    HKEY k = create(path);
    RegSetValueExW(k, name, 0, REG_SZ, reinterpret_cast<const BYTE*>(v.c_str()),
                   static_cast<DWORD>((v.size() + 1) * sizeof(wchar_t)));
    RegCloseKey(k);
}
void setDword(const std::wstring& path, const wchar_t* name, DWORD v) {
    HKEY k = create(path);
    RegSetValueExW(k, name, 0, REG_DWORD, reinterpret_cast<const BYTE*>(&v), sizeof v);
    RegCloseKey(k);
}
bool hasValue(const std::wstring& path, const wchar_t* name) {
    return RegGetValueW(HKEY_LOCAL_MACHINE, path.c_str(), name, RRF_RT_ANY, nullptr, nullptr,
                        nullptr) == ERROR_SUCCESS;
}
DWORD dword(const std::wstring& path, const wchar_t* name) {
    DWORD v = 0, size = sizeof v;
    RegGetValueW(HKEY_LOCAL_MACHINE, path.c_str(), name, RRF_RT_REG_DWORD, nullptr, &v, &size);
    return v;
}
bool keyExists(const std::wstring& path) {
    HKEY k = nullptr;
    const bool ok = RegOpenKeyExW(HKEY_LOCAL_MACHINE, path.c_str(), 0, KEY_READ, &k) == 0;
    if (k) RegCloseKey(k);
    return ok;
}
bool mentions(const std::vector<std::string>& lines, const std::string& what) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(what) != std::string::npos; });
}

// What a shared PC may hold for "Contoso VPN": alice's, bob's, a device tunnel's, one whose
// owner the key does not tell, the VPN's and a Wi-Fi network profile, the auto-trigger list.
struct Seeded {
    std::wstring e = std::wstring(kTracked) + L"\\{AAAA0000-0000-0000-0000-00000000A0B9}";
    std::wstring aliceKey = e + L"\\S-1-5-21-1-2-3-1001\\default\\Device\\VPNv2";
    std::wstring bobKey = e + L"\\S-1-5-21-1-2-3-1002\\default\\Device\\VPNv2";
    std::wstring deviceKey = e + L"\\device\\default";
    std::wstring unknownKey = e + L"\\legacy";
    std::wstring vpnNet = std::wstring(kNetList) + L"\\{AAAA0000-0000-0000-0000-0000000000E1}";
    std::wstring wifiNet = std::wstring(kNetList) + L"\\{AAAA0000-0000-0000-0000-0000000000E2}";

    Seeded() {
        setString(aliceKey, L"Path0", L"./Vendor/MSFT/VPNv2/Contoso%20VPN");
        setString(aliceKey, L"Path1", L"./Vendor/MSFT/VPNv2/Other");
        setDword(aliceKey, L"Count", 2);
        setString(bobKey, L"Path0", L"./Vendor/MSFT/VPNv2/Contoso%20VPN");
        setDword(bobKey, L"Count", 1);
        setString(deviceKey, L"Path0", L"./Device/Vendor/MSFT/VPNv2/Contoso%20VPN");
        setString(unknownKey, L"Path0", L"./User/Vendor/MSFT/VPNv2/Contoso VPN");
        setString(vpnNet, L"Description", L"Contoso VPN");
        setDword(vpnNet, L"NameType", 23);
        setString(wifiNet, L"Description", L"Contoso VPN");
        setDword(wifiNet, L"NameType", 71);
        const wchar_t list[] = L"Other VPN\0Contoso VPN\0";
        HKEY k = create(kConfig);
        RegSetValueExW(k, L"AutoTriggerDisabledProfilesList", 0, REG_MULTI_SZ,
                       reinterpret_cast<const BYTE*>(list), sizeof list);
        RegCloseKey(k);
        create(std::wstring(kDevice) + L"\\Parameters");
    }
    ~Seeded() {
        RegDeleteTreeW(HKEY_LOCAL_MACHINE, e.c_str());
        RegDeleteTreeW(HKEY_LOCAL_MACHINE, vpnNet.c_str());
        RegDeleteTreeW(HKEY_LOCAL_MACHINE, wifiNet.c_str());
        RegDeleteTreeW(HKEY_LOCAL_MACHINE, kDevice);
    }
};
} // namespace

TEST_CASE("a user's cleanup removes only that user's entries and the VPN's network profile") {
    Seeded s;
    const LeftoverReport r = cleanRegistryLeftovers(alice, "Contoso VPN");
    CAPTURE(r.removed.size());
    CHECK(r.failures.empty());
    CHECK_FALSE(hasValue(s.aliceKey, L"Path0"));
    CHECK(hasValue(s.aliceKey, L"Path1")); // another profile of alice's
    CHECK(dword(s.aliceKey, L"Count") == 1);
    CHECK(hasValue(s.bobKey, L"Path0")); // bob's profile of the same name stays
    CHECK(mentions(r.kept, "belongs to S-1-5-21-1-2-3-1002"));
    CHECK(hasValue(s.deviceKey, L"Path0")); // the device tunnel's stays
    CHECK(mentions(r.kept, "a device-tunnel entry"));
    CHECK_FALSE(hasValue(s.unknownKey, L"Path0")); // cannot tell whose: removed, and said so
    CHECK(mentions(r.removed, "does not say which user's"));
    CHECK_FALSE(keyExists(s.vpnNet));
    CHECK(keyExists(s.wifiNet)); // a Wi-Fi profile named like the VPN is never touched
    CHECK(mentions(r.kept, "not a VPN (NameType 71)"));
    CHECK(mentions(r.removed,
                   "AutoTriggerDisabledProfilesList: Contoso VPN (the list is machine-wide)"));
    wchar_t buf[64] = {};
    DWORD size = sizeof buf;
    RegGetValueW(HKEY_LOCAL_MACHINE, kConfig, L"AutoTriggerDisabledProfilesList",
                 RRF_RT_REG_MULTI_SZ, nullptr, buf, &size);
    CHECK(std::wstring(buf) == L"Other VPN");
    CHECK(buf[10] == L'\0');   // only one name left
    CHECK(keyExists(kDevice)); // a user tunnel never touches the device tunnel key
}

TEST_CASE("a device tunnel's cleanup removes the device entries and RasMan\\DeviceTunnel") {
    Seeded s;
    const LeftoverReport r = cleanRegistryLeftovers({TunnelKind::Device, {}}, "Contoso VPN");
    CHECK(r.failures.empty());
    CHECK_FALSE(hasValue(s.deviceKey, L"Path0"));
    CHECK(hasValue(s.aliceKey, L"Path0"));
    CHECK(hasValue(s.bobKey, L"Path0"));
    CHECK(hasValue(s.unknownKey, L"Path0")); // ./User/ is a user tunnel's: kept
    CHECK_FALSE(keyExists(kDevice));
    CHECK(mentions(r.removed, "RasMan\\DeviceTunnel"));
}
#endif
