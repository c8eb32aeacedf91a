// Who runs this process, who sits at the console, elevation, and the elevated relaunch.
#include "session_win32.hpp"

#include "win_util.hpp"

#include <memory>
#include <sddl.h>
#include <shellapi.h>
#include <wtsapi32.h>

namespace aovpn::platform::win {

namespace {
struct HandleCloser {
    void operator()(void* h) const { CloseHandle(h); }
};
using Handle = std::unique_ptr<void, HandleCloser>;

std::vector<BYTE> tokenInfo(HANDLE token, TOKEN_INFORMATION_CLASS cls) {
    DWORD size = 0;
    GetTokenInformation(token, cls, nullptr, 0, &size);
    std::vector<BYTE> buf(size);
    if (size == 0 || !GetTokenInformation(token, cls, buf.data(), size, &size)) buf.clear();
    return buf;
}

Account accountOf(PSID sid) {
    Account a;
    wchar_t* text = nullptr;
    if (ConvertSidToStringSidW(sid, &text)) {
        a.sid = narrow(text);
        LocalFree(text);
    }
    wchar_t name[256], domain[256];
    DWORD nameLen = 256, domainLen = 256;
    SID_NAME_USE use;
    if (LookupAccountSidW(nullptr, sid, name, &nameLen, domain, &domainLen, &use))
        a.name = narrow(domain) + "\\" + narrow(name);
    else
        a.name = a.sid;
    return a;
}

std::optional<Account> tokenAccount(HANDLE token) {
    auto buf = tokenInfo(token, TokenUser);
    if (buf.empty()) return std::nullopt;
    return accountOf(reinterpret_cast<TOKEN_USER*>(buf.data())->User.Sid);
}

// Without SYSTEM there is no console user token; name + LookupAccountNameW give the SID.
std::optional<Account> consoleByName(DWORD session, std::string& note) {
    wchar_t* user = nullptr;
    wchar_t* domain = nullptr;
    DWORD bytes = 0;
    std::optional<Account> out;
    if (WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, session, WTSUserName, &user,
                                    &bytes) &&
        user && *user &&
        WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, session, WTSDomainName, &domain,
                                    &bytes)) {
        const std::wstring full = std::wstring(domain ? domain : L"") + L"\\" + user;
        BYTE sid[SECURITY_MAX_SID_SIZE];
        DWORD sidLen = sizeof sid;
        wchar_t dom[256];
        DWORD domLen = 256;
        SID_NAME_USE use;
        if (LookupAccountNameW(nullptr, full.c_str(), sid, &sidLen, dom, &domLen, &use))
            out = accountOf(sid);
    }
    if (!out) note = "Nobody is logged on at the console (or the name could not be resolved).";
    if (user) WTSFreeMemory(user);
    if (domain) WTSFreeMemory(domain);
    return out;
}

std::optional<Account> consoleUser(std::string& note) {
    const DWORD session = WTSGetActiveConsoleSessionId();
    if (session == 0xFFFFFFFF) {
        note = "No session is attached to the console.";
        return std::nullopt;
    }
    HANDLE raw = nullptr;
    if (WTSQueryUserToken(session, &raw)) { // only SYSTEM gets here
        Handle token(raw);
        return tokenAccount(raw);
    }
    return consoleByName(session, note);
}
} // namespace

Result<SessionInfo> Win32Session::query() {
    HANDLE raw = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &raw))
        return win32Error("Read this process's account", GetLastError());
    Handle token(raw);
    SessionInfo s;
    auto user = tokenInfo(raw, TokenUser);
    if (user.empty()) return win32Error("Read this process's account", GetLastError());
    PSID sid = reinterpret_cast<TOKEN_USER*>(user.data())->User.Sid;
    s.process = accountOf(sid);
    s.runningAsSystem = IsWellKnownSid(sid, WinLocalSystemSid) != FALSE;
    auto elev = tokenInfo(raw, TokenElevation);
    s.elevated = !elev.empty() && reinterpret_cast<TOKEN_ELEVATION*>(elev.data())->TokenIsElevated;
    s.console = consoleUser(s.consoleNote);
    return s;
}

} // namespace aovpn::platform::win
