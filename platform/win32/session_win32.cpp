// Who runs this process, who is signed in to its session, elevation.
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

std::wstring wtsString(DWORD session, WTS_INFO_CLASS what) {
    wchar_t* text = nullptr;
    DWORD bytes = 0;
    std::wstring out;
    if (WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, session, what, &text, &bytes) &&
        text)
        out = text;
    if (text) WTSFreeMemory(text);
    return out;
}

// The user signed in to `session` (console, RDP or Hyper-V enhanced session alike). As SYSTEM
// the session's token gives the exact SID; otherwise the name is resolved to a SID.
std::optional<Account> sessionUser(DWORD session, bool system, std::string& note) {
    if (system) {
        HANDLE raw = nullptr;
        if (WTSQueryUserToken(session, &raw)) {
            Handle token(raw);
            return tokenAccount(raw);
        }
    }
    const std::wstring user = wtsString(session, WTSUserName);
    if (user.empty()) {
        note = "Nobody is signed in to session " + std::to_string(session) +
               " (a service or SYSTEM session).";
        return std::nullopt;
    }
    const std::wstring full = wtsString(session, WTSDomainName) + L"\\" + user;
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD sidLen = sizeof sid;
    wchar_t dom[256];
    DWORD domLen = 256;
    SID_NAME_USE use;
    if (LookupAccountNameW(nullptr, full.c_str(), sid, &sidLen, dom, &domLen, &use))
        return accountOf(sid);
    note = "The user of this session (" + narrow(full) + ") could not be resolved to a SID.";
    return std::nullopt;
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
    DWORD session = 0;
    if (!ProcessIdToSessionId(GetCurrentProcessId(), &session))
        return win32Error("Find this process's session", GetLastError());
    s.sessionId = session;
    s.sessionUser = sessionUser(session, s.runningAsSystem, s.sessionNote);
    return s;
}

} // namespace aovpn::platform::win

namespace aovpn::platform::win {

// A SID string is looked up for its name (an unknown SID is refused: a typo must not create a
// profile for nobody); a name is looked up for its SID.
Result<Account> Win32Session::resolveAccount(std::string_view nameOrSid) {
    const std::string action = "Find the account " + std::string(nameOrSid);
    const std::wstring text = widen(nameOrSid);
    if (text.rfind(L"S-1-", 0) == 0) {
        PSID sid = nullptr;
        if (!ConvertStringSidToSidW(text.c_str(), &sid)) return win32Error(action, GetLastError());
        wchar_t name[256], domain[256];
        DWORD nameLen = 256, domainLen = 256;
        SID_NAME_USE use;
        const BOOL found =
            LookupAccountSidW(nullptr, sid, name, &nameLen, domain, &domainLen, &use);
        const DWORD err = GetLastError();
        Account a = found ? accountOf(sid) : Account{};
        LocalFree(sid);
        if (!found) return win32Error(action, err);
        return a;
    }
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD sidLen = sizeof sid;
    wchar_t dom[256];
    DWORD domLen = 256;
    SID_NAME_USE use;
    if (!LookupAccountNameW(nullptr, text.c_str(), sid, &sidLen, dom, &domLen, &use))
        return win32Error(action, GetLastError());
    if (use != SidTypeUser) {
        Error e = makeError(action, CodeKind::None, 0);
        e.meaning = std::string(nameOrSid) + " is not a user account (a group or a computer?).";
        e.nextStep = "Give the user as DOMAIN\\name or as a SID.";
        return e;
    }
    return accountOf(sid);
}

} // namespace aovpn::platform::win
