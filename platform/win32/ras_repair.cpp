// "Repair auto-connect" (what Richard Hicks's Clear-AutoTriggerDisabledProfile does) and DPC's
// corrupted _hiddenPbk check, for the connect tester.
#include "phonebooks.hpp"
#include "profile_guard.hpp"
#include "ras_connect.hpp"
#include "session_win32.hpp"

#include <chrono>
#include <raserror.h>
#include <sddl.h>
#include <thread>

namespace aovpn::platform::win {

namespace {
namespace fs = std::filesystem;
const wchar_t* const kList = L"AutoTriggerDisabledProfilesList";

struct Key {
    HKEY h = nullptr;
    ~Key() {
        if (h) RegCloseKey(h);
    }
};

std::wstring regString(HKEY k, const wchar_t* name) {
    wchar_t buf[1024];
    DWORD size = sizeof buf;
    if (RegGetValueW(k, nullptr, name, RRF_RT_REG_SZ, nullptr, buf, &size) != ERROR_SUCCESS)
        return {};
    return buf;
}

std::vector<std::wstring> regList(HKEY k, const wchar_t* name) {
    DWORD size = 0;
    if (RegGetValueW(k, nullptr, name, RRF_RT_REG_MULTI_SZ, nullptr, nullptr, &size) != 0)
        return {};
    std::wstring buf(size / sizeof(wchar_t) + 2, L'\0');
    RegGetValueW(k, nullptr, name, RRF_RT_REG_MULTI_SZ, nullptr, buf.data(), &size);
    std::vector<std::wstring> out;
    for (const wchar_t* p = buf.c_str(); *p; p += wcslen(p) + 1)
        out.emplace_back(p);
    return out;
}

std::string accountNameOf(const std::string& sid) {
    PSID raw = nullptr;
    if (!ConvertStringSidToSidW(widen(sid).c_str(), &raw)) return {};
    const Account a = accountOfSid(raw);
    LocalFree(raw);
    return a.name == a.sid ? std::string() : a.name;
}

LONG setString(HKEY k, const wchar_t* name, const std::wstring& v) {
    return RegSetValueExW(k, name, 0, REG_SZ, reinterpret_cast<const BYTE*>(v.c_str()),
                          static_cast<DWORD>((v.size() + 1) * sizeof(wchar_t)));
}

// Stop and start RasMan so it reads the values again (Hicks restarts it too).
Status restartRasMan() {
    const std::string action = "Restart the Remote Access Connection Manager (RasMan)";
    SC_HANDLE scm = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
    if (!scm) return Status::failure(win32Error(action, GetLastError()));
    SC_HANDLE svc =
        OpenServiceW(scm, L"RasMan", SERVICE_STOP | SERVICE_START | SERVICE_QUERY_STATUS);
    DWORD err = svc ? 0 : GetLastError();
    if (svc) {
        SERVICE_STATUS st{};
        ControlService(svc, SERVICE_CONTROL_STOP, &st);
        for (int i = 0;
             i < 300 && QueryServiceStatus(svc, &st) && st.dwCurrentState != SERVICE_STOPPED; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!StartServiceW(svc, 0, nullptr) && GetLastError() != ERROR_SERVICE_ALREADY_RUNNING)
            err = GetLastError();
        CloseServiceHandle(svc);
    }
    CloseServiceHandle(scm);
    if (err) return Status::failure(win32Error(action, err));
    return Status::success();
}

std::wstring guidBytesNote(const GUID& g) {
    wchar_t text[64];
    StringFromGUID2(g, text, 64);
    return text;
}
} // namespace

Result<AutoTriggerStatus> RasConnectionTester::autoTriggerStatus(std::string_view name) {
    Key k;
    const LONG rc =
        RegOpenKeyExW(HKEY_LOCAL_MACHINE, kRasManConfigKey, 0, KEY_READ | KEY_WOW64_64KEY, &k.h);
    if (rc != ERROR_SUCCESS)
        return win32Error("Read HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Config",
                          static_cast<DWORD>(rc));
    AutoTriggerStatus s;
    s.ownerSid = narrow(regString(k.h, L"UserSID"));
    s.ownerAccount =
        s.ownerSid == "S-1-1-0" ? "every user (all-user profile)" : accountNameOf(s.ownerSid);
    s.entryName = narrow(regString(k.h, L"AutoTriggerProfileEntryName"));
    s.phonebook = narrow(regString(k.h, L"AutoTriggerProfilePhonebookPath"));
    for (const auto& n : regList(k.h, kList)) {
        s.disabledList.push_back(narrow(n));
        if (_wcsicmp(n.c_str(), widen(name).c_str()) == 0) s.disabledForProfile = true;
    }
    return s;
}

Result<std::vector<std::string>> RasConnectionTester::repairAutoTrigger(const ProfileTarget& t,
                                                                        std::string_view name) {
    const std::string action = "Repair auto-connect for \"" + std::string(name) + "\"";
    // The entry as RAS sees it, and the file it lives in: this account's (or the all-user)
    // phonebooks through RasEnumEntriesW(nullptr), another user's phonebook file by path.
    const bool ownOrDevice = t.kind == TunnelKind::Device || t.user.sid == processUser_.sid;
    const fs::path userPbk = phonebookFor(t, processUser_);
    if (!ownOrDevice && userPbk.empty()) {
        Error e = makeError(action, CodeKind::None, 0);
        e.meaning = "The profile folder of " + describeTarget(t) +
                    " is not known on this PC (no ProfileList entry for " + t.user.sid +
                    "), so neither is the phonebook.";
        e.nextStep = "Run it while the user is signed in to this PC, or run it as that user.";
        return e;
    }
    const auto entry = findEntry(ras_, widen(name), ownOrDevice ? nullptr : userPbk.c_str());
    GUID guid{};
    DWORD rc0 = entry ? ras_.entryGuid(entry->phonebook, entry->name, guid)
                      : DWORD{ERROR_CANNOT_FIND_PHONEBOOK_ENTRY};
    if (rc0 == 0 && guid == GUID{}) rc0 = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY; // no real entry
    if (rc0 != 0)
        return makeError(action + " (find the phonebook entry" +
                             (ownOrDevice ? "" : " in " + narrow(userPbk.wstring())) + ")",
                         CodeKind::Ras, rc0, ras_.errorString(rc0));
    const fs::path pbk = entry->phonebook;
    Key k;
    LONG rc = RegOpenKeyExW(HKEY_LOCAL_MACHINE, kRasManConfigKey, 0,
                            KEY_READ | KEY_SET_VALUE | KEY_WOW64_64KEY, &k.h);
    if (rc != ERROR_SUCCESS) return win32Error(action, static_cast<DWORD>(rc));
    std::vector<std::string> done;
    std::wstring kept;
    bool removed = false;
    for (const auto& n : regList(k.h, kList)) {
        if (_wcsicmp(n.c_str(), widen(name).c_str()) == 0)
            removed = true;
        else
            kept.append(n).push_back(L'\0');
    }
    kept.push_back(L'\0');
    if (removed && (rc = RegSetValueExW(k.h, kList, 0, REG_MULTI_SZ,
                                        reinterpret_cast<const BYTE*>(kept.data()),
                                        static_cast<DWORD>(kept.size() * sizeof(wchar_t)))) != 0)
        return win32Error(action, static_cast<DWORD>(rc));
    done.push_back(removed ? "Removed \"" + std::string(name) + "\" from " + narrow(kList) + "."
                           : "\"" + std::string(name) + "\" was not in " + narrow(kList) + ".");
    // An all-user (device) profile belongs to Everyone (S-1-1-0), as in Hicks's script.
    const std::wstring sid = t.kind == TunnelKind::Device ? L"S-1-1-0" : widen(t.user.sid);
    rc = setString(k.h, L"UserSID", sid);
    if (!rc) rc = setString(k.h, L"AutoTriggerProfileEntryName", widen(name));
    if (!rc)
        rc = RegSetValueExW(k.h, L"AutoTriggerProfileGUID", 0, REG_BINARY,
                            reinterpret_cast<const BYTE*>(&guid), sizeof guid);
    if (!rc) rc = setString(k.h, L"AutoTriggerProfilePhonebookPath", pbk.wstring());
    if (rc) return win32Error(action, static_cast<DWORD>(rc));
    done.push_back("Set UserSID " + narrow(sid) +
                   ", AutoTriggerProfileEntryName, "
                   "AutoTriggerProfileGUID " +
                   narrow(guidBytesNote(guid)) + " and AutoTriggerProfilePhonebookPath " +
                   narrow(pbk.wstring()) + ".");
    if (auto s = restartRasMan(); !s.ok()) return *s.error;
    done.push_back("Restarted RasMan.");
    return done;
}

Result<PhonebookCheck> RasConnectionTester::checkHiddenPhonebook(const ProfileTarget& t) {
    PhonebookCheck c;
    const fs::path p = hiddenPhonebookFor(t, processUser_);
    c.path = narrow(p.wstring());
    std::error_code ec;
    c.exists = !p.empty() && fs::is_regular_file(p, ec);
    if (!c.exists) {
        c.summary = p.empty() ? "A device tunnel has no hidden phonebook."
                              : "There is no hidden phonebook (" + c.path + "): nothing to check.";
        return c;
    }
    c.bytes = fs::file_size(p, ec);
    std::vector<RasEntryRef> entries;
    const DWORD rc = ras_.enumEntries(p.c_str(), entries);
    c.entries = rc == 0 ? entries.size() : 0;
    c.corrupted = c.bytes > 0 && c.entries == 0;
    c.summary = c.corrupted ? c.path + " holds " + std::to_string(c.bytes) +
                                  " bytes but no entry RAS can read: it is corrupted, and the "
                                  "profile can vanish for this user. Move it aside (a backup is "
                                  "kept)."
                            : c.path + " is readable (" + std::to_string(c.entries) + " entries).";
    return c;
}

Result<std::string> RasConnectionTester::moveHiddenPhonebookAside(const ProfileTarget& t) {
    const fs::path p = hiddenPhonebookFor(t, processUser_);
    const std::string action = "Move " + narrow(p.wstring()) + " aside";
    SYSTEMTIME now{};
    GetLocalTime(&now);
    wchar_t stamp[32];
    swprintf(stamp, 32, L".corrupt-%04u%02u%02u-%02u%02u%02u", now.wYear, now.wMonth, now.wDay,
             now.wHour, now.wMinute, now.wSecond);
    fs::path backup = p;
    backup += stamp;
    if (!MoveFileExW(p.c_str(), backup.c_str(), MOVEFILE_WRITE_THROUGH)) // never over a file
        return win32Error(action, GetLastError());
    return narrow(backup.wstring());
}

} // namespace aovpn::platform::win
