#pragma once
// The thin seams through which the Win32 code reaches the OS: the MDM bridge's WMI calls, the RAS
// functions, and the token/session queries. The product passes the real ones (make*); tests pass
// recording fakes that behave like the documented bridge, so the exact call sequences (context on
// every call, flags, object paths) are asserted under Wine, where the bridge does not exist.
#include "platform/platform.hpp"

#include "win_util.hpp" // <windows.h> before the other SDK headers

#include <memory>
#include <ras.h>
#include <string>
#include <vector>

namespace aovpn::platform::win {

// --- WMI (MDM bridge, root\cimv2\mdm\dmmap) -----------------------------------------------------

// The PolicyPlatformContext_PrincipalContext_Type/_Id pair sent with a call; empty type = none.
struct WmiContext {
    std::wstring type; // L"PolicyPlatform_UserContext" | L"PolicyPlatform_MachineContext" | L""
    std::wstring id;   // the user's SID | L"SYSTEM"
    bool operator==(const WmiContext&) const = default;
};
inline constexpr wchar_t kUserContext[] = L"PolicyPlatform_UserContext";
inline constexpr wchar_t kMachineContext[] = L"PolicyPlatform_MachineContext";

// One MDM_VPNv2_01 instance's properties, as strings exactly as they cross the bridge.
struct WmiInstance {
    std::wstring parentId;
    std::wstring instanceId;
    std::wstring profileXml; // CIM-escaped when written; as the bridge gives it when read
};

// The outcome of one bridge call: the HRESULT, the step that failed ("connect to
// root\cimv2\mdm\dmmap") and the provider's own words (__ExtendedStatus.Description).
struct WmiCall {
    HRESULT hr = S_OK;
    std::string stage;
    std::string detail;
    bool ok() const { return SUCCEEDED(hr); }
};

class WmiBridge {
  public:
    virtual ~WmiBridge() = default;
    virtual WmiCall enumerate(const WmiContext& ctx, std::vector<WmiInstance>& out) = 0;
    virtual WmiCall putInstance(const WmiContext& ctx, const WmiInstance& inst, long flags) = 0;
    virtual WmiCall deleteInstance(const WmiContext& ctx, const std::wstring& objectPath) = 0;
};
std::unique_ptr<WmiBridge> makeComWmiBridge(); // wmi_bridge_com.cpp

// The Error for a failed call, with the stage and the provider's words.
Error wmiCallError(const std::string& action, const WmiCall& call);

// --- RAS
// ------------------------------------------------------------------------------------------

struct RasEntryRef {
    std::wstring name;
    std::wstring phonebook; // szPhonebookPath: the file the entry lives in
};
struct RasConnRef {
    HRASCONN handle = nullptr;
    std::wstring entry;
    std::wstring phonebook;
};
struct EapIdentity {
    std::wstring userName;
    std::vector<BYTE> eapInfo; // RASEAPINFO's data, for RASDIALEXTENSIONS
};

class RasApi {
  public:
    virtual ~RasApi() = default;
    // RasEnumEntriesW(nullptr, phonebook, ...); phonebook null = every phonebook the user sees.
    virtual DWORD enumEntries(const wchar_t* phonebook, std::vector<RasEntryRef>& out) = 0;
    virtual DWORD enumConnections(std::vector<RasConnRef>& out) = 0; // retried on 603
    virtual DWORD hangUp(HRASCONN h) = 0;
    virtual DWORD connectStatus(HRASCONN h, RASCONNSTATUSW& status) = 0;
    virtual DWORD eapUserIdentity(const std::wstring& phonebook, const std::wstring& entry,
                                  DWORD flags, EapIdentity& out) = 0;
    virtual DWORD entryDialParams(const std::wstring& phonebook, RASDIALPARAMSW& params) = 0;
    // RasDialW with a RasDialFunc2 notifier; ext may be null.
    virtual DWORD dial(const RASDIALEXTENSIONS* ext, const std::wstring& phonebook,
                       RASDIALPARAMSW& params, RASDIALFUNC2 notifier, ULONG_PTR callbackId,
                       HRASCONN& out) = 0;
    // RASENTRYW.guidId of an entry (for the auto-trigger registry values).
    virtual DWORD entryGuid(const std::wstring& phonebook, const std::wstring& entry,
                            GUID& out) = 0;
    virtual std::string errorString(DWORD code) = 0; // RasGetErrorStringW, else the system's
};
std::unique_ptr<RasApi> makeRealRasApi(); // ras_api_real.cpp

// --- Tokens and sessions
// --------------------------------------------------------------------------

class SessionApi {
  public:
    virtual ~SessionApi() = default;
    // This process's token: its account, elevation, whether it is LocalSystem.
    virtual Result<Account> processAccount(bool& elevated, bool& system) = 0;
    virtual Result<std::uint32_t> processSessionId() = 0;            // ProcessIdToSessionId
    virtual std::wstring sessionUserName(std::uint32_t session) = 0; // WTSQuerySessionInformationW
    virtual std::wstring sessionDomainName(std::uint32_t session) = 0;
    virtual std::optional<Account> sessionTokenAccount(std::uint32_t session) = 0; // SYSTEM only
    virtual Result<Account> lookupName(const std::wstring& domainAndUser) = 0;
};
std::unique_ptr<SessionApi> makeRealSessionApi(); // session_win32.cpp

// SessionInfo from the seam: the session's user (not the console's), exact SID as SYSTEM.
Result<SessionInfo> querySession(SessionApi& api);

} // namespace aovpn::platform::win
