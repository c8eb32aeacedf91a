#include "ras_connect.hpp"

#include "ras_dial_state.hpp"
#include "win_util.hpp"

#include <cwchar>
#include <ras.h>
#include <raserror.h>
#include <thread>

namespace aovpn::platform::win {

namespace {
using Clock = std::chrono::steady_clock;

std::string quoted(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

// The user's and the all-users phonebook; the first that holds the entry is dialled.
std::vector<std::wstring> phonebooks() {
    std::vector<std::wstring> out;
    wchar_t buf[MAX_PATH];
    for (const wchar_t* var : {L"APPDATA", L"ProgramData"}) {
        const DWORD n = GetEnvironmentVariableW(var, buf, MAX_PATH);
        if (n > 0 && n < MAX_PATH)
            out.push_back(std::wstring(buf, n) +
                          L"\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk");
    }
    return out;
}

bool phonebookHas(const std::wstring& pbk, const std::wstring& entry) {
    std::vector<RASENTRYNAMEW> names(1);
    names[0].dwSize = sizeof(RASENTRYNAMEW);
    DWORD bytes = sizeof(RASENTRYNAMEW), count = 0;
    DWORD rc = RasEnumEntriesW(nullptr, pbk.c_str(), names.data(), &bytes, &count);
    if (rc == ERROR_BUFFER_TOO_SMALL) {
        names.resize(bytes / sizeof(RASENTRYNAMEW) + 1);
        names[0].dwSize = sizeof(RASENTRYNAMEW);
        rc = RasEnumEntriesW(nullptr, pbk.c_str(), names.data(), &bytes, &count);
    }
    if (rc != 0) return false;
    for (DWORD i = 0; i < count && i < names.size(); ++i)
        if (_wcsicmp(names[i].szEntryName, entry.c_str()) == 0) return true;
    return false;
}

std::optional<std::wstring> findPhonebook(const std::wstring& entry) {
    for (const auto& pbk : phonebooks())
        if (phonebookHas(pbk, entry)) return pbk;
    return std::nullopt;
}

Error rasError(std::string action, std::uint32_t code) {
    return makeError(std::move(action), CodeKind::Ras, code, rasMessage(code));
}

ConnectResult& fail(ConnectResult& r, Error e) {
    r.rasCode = e.code;
    r.windowsMessage = e.systemMessage;
    r.hint = e.meaning + (e.nextStep.empty() ? "" : " " + e.nextStep);
    r.error = std::move(e);
    return r;
}
} // namespace

std::string rasMessage(std::uint32_t code) {
    wchar_t buf[512];
    if (RasGetErrorStringW(code, buf, 512) == 0) return narrow(buf);
    return systemMessage(code); // IKE codes (13801...) live in the system table
}

ConnectResult RasConnectionTester::connect(std::string_view profileName, const ConnectOptions& o) {
    const auto start = Clock::now();
    const std::string action = "Connect to " + quoted(profileName);
    ConnectResult r;
    const std::wstring entry = widen(profileName);
    const auto pbk = findPhonebook(entry);
    if (!pbk)
        fail(r, rasError(action, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY));
    else
        dialAndWait(*pbk, entry, action, o, r);
    r.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    if (!r.ok && !r.error) fail(r, rasError(action, r.rasCode));
    return r;
}

Result<ConnectionStatus> RasConnectionTester::status(std::string_view profileName) {
    auto conns = activeConnections();
    if (!conns) return conns.error();
    for (const auto& c : conns.value()) {
        if (_wcsicmp(c.szEntryName, widen(profileName).c_str()) != 0) continue;
        RASCONNSTATUSW st{};
        st.dwSize = sizeof st;
        const DWORD rc = RasGetConnectStatusW(c.hrasconn, &st);
        if (rc != 0) return rasError("Read the status of " + quoted(profileName), rc);
        return ConnectionStatus{st.rasconnstate == RASCS_Connected,
                                std::string(rasStateName(st.rasconnstate)), st.dwError};
    }
    return ConnectionStatus{false, "Not connected", 0};
}

Status RasConnectionTester::disconnect(std::string_view profileName,
                                       std::chrono::milliseconds timeout) {
    auto conns = activeConnections();
    if (!conns) return Status::failure(conns.error());
    for (const auto& c : conns.value()) {
        if (_wcsicmp(c.szEntryName, widen(profileName).c_str()) != 0) continue;
        const DWORD rc = RasHangUpW(c.hrasconn);
        if (rc != 0) return Status::failure(rasError("Disconnect " + quoted(profileName), rc));
        if (!waitUntilGone(c.hrasconn, timeout)) {
            Error e;
            e.action = "Disconnect " + quoted(profileName);
            e.meaning = "The connection was still up when the wait ended.";
            e.nextStep = "Wait a few seconds and check the status again.";
            return Status::failure(e);
        }
    }
    return Status::success();
}

} // namespace aovpn::platform::win
