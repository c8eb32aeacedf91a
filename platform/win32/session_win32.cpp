// Who runs this process, who is signed in to its session (console, RDP or Hyper-V enhanced
// session alike: ProcessIdToSessionId + WTSQuerySessionInformationW, never the physical console),
// and elevation; behind the SessionApi seam.
#include "session_win32.hpp"

#include "seams.hpp"

#include <memory>
#include <sddl.h>
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

std::optional<Account> tokenAccount(HANDLE token) {
    auto buf = tokenInfo(token, TokenUser);
    if (buf.empty()) return std::nullopt;
    return accountOfSid(reinterpret_cast<TOKEN_USER*>(buf.data())->User.Sid);
}

std::wstring wtsString(std::uint32_t session, WTS_INFO_CLASS what) {
    wchar_t* text = nullptr;
    DWORD bytes = 0;
    std::wstring out;
    if (WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, session, what, &text, &bytes) &&
        text)
        out = text;
    if (text) WTSFreeMemory(text);
    return out;
}

// A profile belongs to a user: a group, an alias (BUILTIN\Administrators), a well-known account
// (SYSTEM, LocalService) or a computer is refused, by name and by SID alike.
Error notAUser(const std::string& what) {
    Error e = makeError("Find the account " + what, CodeKind::None, 0);
    e.meaning = what + " is not a user account (a group, a built-in account or a computer?).";
    e.nextStep = "Give the user as DOMAIN\\name or as a SID.";
    return e;
}

class RealSessionApi final : public SessionApi {
  public:
    Result<Account> processAccount(bool& elevated, bool& system) override {
        HANDLE raw = nullptr;
        if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &raw))
            return win32Error("Read this process's account", GetLastError());
        Handle token(raw);
        auto user = tokenInfo(raw, TokenUser);
        if (user.empty()) return win32Error("Read this process's account", GetLastError());
        PSID sid = reinterpret_cast<TOKEN_USER*>(user.data())->User.Sid;
        system = IsWellKnownSid(sid, WinLocalSystemSid) != FALSE;
        auto elev = tokenInfo(raw, TokenElevation);
        elevated =
            !elev.empty() && reinterpret_cast<TOKEN_ELEVATION*>(elev.data())->TokenIsElevated;
        return accountOfSid(sid);
    }
    Result<std::uint32_t> processSessionId() override {
        DWORD session = 0;
        if (!ProcessIdToSessionId(GetCurrentProcessId(), &session))
            return win32Error("Find this process's session", GetLastError());
        return static_cast<std::uint32_t>(session);
    }
    std::wstring sessionUserName(std::uint32_t s) override { return wtsString(s, WTSUserName); }
    std::wstring sessionDomainName(std::uint32_t s) override { return wtsString(s, WTSDomainName); }
    std::optional<Account> sessionTokenAccount(std::uint32_t session) override {
        HANDLE raw = nullptr;
        if (!WTSQueryUserToken(session, &raw)) return std::nullopt; // only SYSTEM may
        Handle token(raw);
        return tokenAccount(raw);
    }
    Result<Account> lookupName(const std::wstring& domainAndUser) override {
        BYTE sid[SECURITY_MAX_SID_SIZE];
        DWORD sidLen = sizeof sid;
        wchar_t dom[256];
        DWORD domLen = 256;
        SID_NAME_USE use;
        if (!LookupAccountNameW(nullptr, domainAndUser.c_str(), sid, &sidLen, dom, &domLen, &use))
            return win32Error("Find the account " + narrow(domainAndUser), GetLastError());
        if (use != SidTypeUser) return notAUser(narrow(domainAndUser));
        return accountOfSid(sid);
    }
};
} // namespace

Account accountOfSid(void* sid) {
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

std::unique_ptr<SessionApi> makeRealSessionApi() {
    return std::make_unique<RealSessionApi>();
}

// As SYSTEM the session's token gives the exact SID; otherwise the session's user name is
// resolved. Session 0 (services) has no user: sessionUser stays empty (a hard stop later).
Result<SessionInfo> querySession(SessionApi& api) {
    SessionInfo s;
    auto account = api.processAccount(s.elevated, s.runningAsSystem);
    if (!account) return account.error();
    s.process = account.value();
    auto session = api.processSessionId();
    if (!session) return session.error();
    s.sessionId = session.value();
    if (s.runningAsSystem)
        if (auto a = api.sessionTokenAccount(s.sessionId)) {
            s.sessionUser = *a;
            return s;
        }
    const std::wstring user = api.sessionUserName(s.sessionId);
    if (user.empty()) {
        s.sessionNote = "Nobody is signed in to session " + std::to_string(s.sessionId) +
                        " (a service or SYSTEM session).";
        return s;
    }
    const std::wstring full = api.sessionDomainName(s.sessionId) + L"\\" + user;
    auto resolved = api.lookupName(full);
    if (resolved)
        s.sessionUser = resolved.value();
    else
        s.sessionNote = "The user of this session (" + narrow(full) +
                        ") could not be resolved to a SID: " + resolved.error().describe();
    return s;
}

Win32Session::Win32Session() : api_(makeRealSessionApi()) {}
Win32Session::Win32Session(std::unique_ptr<SessionApi> api) : api_(std::move(api)) {}
Win32Session::~Win32Session() = default;

Result<SessionInfo> Win32Session::query() {
    return querySession(*api_);
}

// A SID string is looked up for its name (an unknown SID is refused: a typo must not create a
// profile for nobody); a name is looked up for its SID. Either must be a user account.
Result<Account> Win32Session::resolveAccount(std::string_view nameOrSid) {
    const std::string action = "Find the account " + std::string(nameOrSid);
    const std::wstring text = widen(nameOrSid);
    if (text.rfind(L"S-1-", 0) != 0) return api_->lookupName(text);
    PSID sid = nullptr;
    if (!ConvertStringSidToSidW(text.c_str(), &sid)) return win32Error(action, GetLastError());
    wchar_t name[256], domain[256];
    DWORD nameLen = 256, domainLen = 256;
    SID_NAME_USE use;
    const BOOL found = LookupAccountSidW(nullptr, sid, name, &nameLen, domain, &domainLen, &use);
    const DWORD err = GetLastError();
    Account a = found ? accountOfSid(sid) : Account{};
    LocalFree(sid);
    if (!found) return win32Error(action, err);
    if (use != SidTypeUser) return notAUser(std::string(nameOrSid) + " (" + a.name + ")");
    return a;
}

} // namespace aovpn::platform::win
