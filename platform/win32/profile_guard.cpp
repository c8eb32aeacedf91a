#include "profile_guard.hpp"

#include "phonebooks.hpp"

#include <cwchar>
#include <raserror.h>
#include <thread>

namespace aovpn::platform::win {

namespace {
std::string inQuotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

bool sameName(const std::wstring& a, const std::wstring& b) {
    return _wcsicmp(a.c_str(), b.c_str()) == 0;
}
} // namespace

bool hangUpAndWait(RasApi& ras, HRASCONN h, std::chrono::milliseconds timeout, DWORD& rc) {
    rc = ras.hangUp(h);
    if (rc != 0 && rc != ERROR_NO_CONNECTION) return false;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        RASCONNSTATUSW st{};
        if (ras.connectStatus(h, st) == ERROR_INVALID_HANDLE) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

Win32ProfileGuard::Win32ProfileGuard(RasApi& ras, Account processUser,
                                     std::chrono::milliseconds hangUpWait)
    : ras_(ras), processUser_(std::move(processUser)), wait_(hangUpWait) {}

Status Win32ProfileGuard::hangUp(const ProfileTarget&, std::string_view name) {
    const std::string action = "Hang up " + inQuotes(name) + " before changing it";
    std::vector<RasConnRef> conns;
    if (const DWORD rc = ras_.enumConnections(conns); rc != 0)
        return Status::failure(makeError(action, CodeKind::Ras, rc, ras_.errorString(rc)));
    const std::wstring entry = widen(name);
    for (const auto& c : conns) {
        if (!sameName(c.entry, entry)) continue;
        DWORD rc = 0;
        if (!hangUpAndWait(ras_, c.handle, wait_, rc)) {
            Error e = rc ? makeError(action, CodeKind::Ras, rc, ras_.errorString(rc))
                         : makeError(action, CodeKind::None, 0);
            if (!rc) e.meaning = "The connection was still up when the wait ended.";
            e.nextStep = "Disconnect it (aovpn disconnect NAME) and try again.";
            return Status::failure(e);
        }
    }
    return Status::success();
}

Status Win32ProfileGuard::checkBeforeCreate(const ProfileTarget& t, std::string_view name,
                                            bool installedThroughMdm) {
    const std::string action = "Check that Windows can create " + inQuotes(name);
    HKEY key = nullptr;
    const LONG err =
        RegOpenKeyExW(HKEY_LOCAL_MACHINE, kRasManConfigKey, 0, KEY_READ | KEY_WOW64_64KEY, &key);
    if (key) RegCloseKey(key);
    if (err == ERROR_FILE_NOT_FOUND) {
        Error e = makeError(action, CodeKind::Win32, static_cast<DWORD>(err), systemMessage(err));
        e.meaning = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Config is missing; "
                    "without it the MDM bridge fails with \"A general error occurred\".";
        e.nextStep = "Start the \"Remote Access Connection Manager\" service (it creates the key) "
                     "or create the key as administrator, then apply again.";
        return Status::failure(e);
    }
    if (installedThroughMdm) return Status::success(); // its phonebook entry is the MDM one
    const auto pbk = phonebookFor(t, processUser_);
    if (pbk.empty()) return Status::success();
    std::vector<RasEntryRef> entries;
    if (ras_.enumEntries(pbk.c_str(), entries) != 0) return Status::success(); // no phonebook
    const std::wstring wanted = widen(name);
    for (const auto& e : entries) {
        if (!sameName(e.name, wanted)) continue;
        Error err2 = makeError(action, CodeKind::None, 0);
        err2.meaning = "A VPN connection " + inQuotes(name) + " already exists in " +
                       narrow(e.phonebook.empty() ? pbk.wstring() : e.phonebook) +
                       " that was not made through the MDM bridge (Add-VpnConnection, the "
                       "Settings app or rasphone); Windows cannot create the profile beside it.";
        err2.nextStep = "Remove that connection (Remove-VpnConnection -Name '" + std::string(name) +
                        "', or in Settings > VPN) or give this profile another name.";
        return Status::failure(err2);
    }
    return Status::success();
}

} // namespace aovpn::platform::win
