#include "ras_connect.hpp"

#include "profile_guard.hpp"

#include <cwchar>
#include <raserror.h>

namespace aovpn::platform::win {

namespace {
using Clock = std::chrono::steady_clock;

std::string inQuotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

bool sameName(const std::wstring& a, const std::wstring& b) {
    return _wcsicmp(a.c_str(), b.c_str()) == 0;
}

ConnectResult& fail(ConnectResult& r, Error e) {
    r.rasCode = e.kind == CodeKind::Ras ? e.code : r.rasCode;
    r.windowsMessage = e.systemMessage;
    r.hint = e.meaning + (e.nextStep.empty() ? "" : " " + e.nextStep);
    r.error = std::move(e);
    return r;
}

Error timeoutError(const std::string& action, std::chrono::milliseconds timeout) {
    Error e = makeError(action, CodeKind::Win32, ERROR_TIMEOUT);
    e.systemMessage.clear();
    e.meaning = "The connection attempt did not finish within " +
                std::to_string(timeout.count() / 1000) +
                " s; it was hung up. The gateway did not answer in time (UDP 500/4500 blocked, a "
                "slow authentication or a prompt nobody answered).";
    e.nextStep = "Test again with a longer --timeout, and check the gateway is reachable (Check "
                 "gateway).";
    return e;
}
} // namespace

RasConnectionTester::RasConnectionTester(RasApi& ras, Account processUser)
    : ras_(ras), processUser_(std::move(processUser)) {}

std::optional<RasEntryRef> findEntry(RasApi& ras, const std::wstring& name,
                                     const wchar_t* phonebook) {
    std::vector<RasEntryRef> entries;
    if (ras.enumEntries(phonebook, entries) != 0) return std::nullopt;
    for (auto& e : entries)
        if (sameName(e.name, name)) {
            if (e.phonebook.empty() && phonebook) e.phonebook = phonebook;
            return e;
        }
    return std::nullopt;
}

ConnectResult RasConnectionTester::connect(std::string_view profileName, const ConnectOptions& o) {
    const auto start = Clock::now();
    const std::string action = "Connect to " + inQuotes(profileName);
    ConnectResult r;
    const std::wstring name = widen(profileName);
    const auto finish = [&]() {
        r.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
        return r;
    };
    const auto failWith = [&](Error e) {
        fail(r, std::move(e));
        return finish();
    };
    std::vector<RasConnRef> conns;
    if (ras_.enumConnections(conns) == 0)
        for (const auto& c : conns)
            if (sameName(c.entry, name)) {
                r.ok = r.alreadyConnected = true;
                r.states.emplace_back("Already connected (not dialled again)");
                r.assignedAddress = interfaceAddress(name);
                return finish();
            }
    const auto entry = findEntry(ras_, name);
    if (!entry)
        return failWith(makeError(action, CodeKind::Ras, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
                                  ras_.errorString(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY)));
    RASDIALPARAMSW params{};
    params.dwSize = sizeof params;
    wcsncpy(params.szEntryName, name.c_str(), RAS_MaxEntryName);
    ras_.entryDialParams(entry->phonebook, params); // saved credentials, if any
    // An EAP entry: its identity without UI, handed to RasDialW (as the RasDial docs and DPC do).
    EapIdentity identity;
    const DWORD idRc =
        ras_.eapUserIdentity(entry->phonebook, name, RASEAPF_NonInteractive, identity);
    if (idRc != 0 && idRc != ERROR_INVALID_FUNCTION_FOR_ENTRY)
        return failWith(makeError(action + " (read the EAP identity without prompting)",
                                  CodeKind::Ras, idRc, ras_.errorString(idRc)));
    RASDIALEXTENSIONS ext{};
    ext.dwSize = sizeof ext;
    const bool eap = idRc == 0;
    if (eap) {
        wcsncpy(params.szUserName, identity.userName.c_str(), UNLEN);
        ext.RasEapInfo.dwSizeofEapInfo = static_cast<DWORD>(identity.eapInfo.size());
        ext.RasEapInfo.pbEapInfo = identity.eapInfo.data();
    }
    dialAndWait(ras_, eap ? &ext : nullptr, entry->phonebook, params, o, r);
    if (r.timedOut) return failWith(timeoutError(action, o.timeout));
    if (!r.ok && !r.cancelled)
        fail(r, makeError(action, CodeKind::Ras, r.rasCode, ras_.errorString(r.rasCode)));
    return finish();
}

Result<ConnectionStatus> RasConnectionTester::status(std::string_view profileName) {
    std::vector<RasConnRef> conns;
    if (const DWORD rc = ras_.enumConnections(conns); rc != 0)
        return makeError("List the active VPN connections", CodeKind::Ras, rc,
                         ras_.errorString(rc));
    for (const auto& c : conns) {
        if (!sameName(c.entry, widen(profileName))) continue;
        RASCONNSTATUSW st{};
        const DWORD rc = ras_.connectStatus(c.handle, st);
        if (rc != 0)
            return makeError("Read the status of " + inQuotes(profileName), CodeKind::Ras, rc,
                             ras_.errorString(rc));
        return ConnectionStatus{st.rasconnstate == RASCS_Connected,
                                std::string(rasStateName(st.rasconnstate)), st.dwError};
    }
    return ConnectionStatus{false, "Not connected", 0};
}

Status RasConnectionTester::disconnect(std::string_view profileName,
                                       std::chrono::milliseconds timeout) {
    std::vector<RasConnRef> conns;
    if (const DWORD rc = ras_.enumConnections(conns); rc != 0)
        return Status::failure(
            makeError("List the active VPN connections", CodeKind::Ras, rc, ras_.errorString(rc)));
    for (const auto& c : conns) {
        if (!sameName(c.entry, widen(profileName))) continue;
        DWORD rc = 0;
        if (hangUpAndWait(ras_, c.handle, timeout, rc)) continue;
        Error e = rc ? makeError("Disconnect " + inQuotes(profileName), CodeKind::Ras, rc,
                                 ras_.errorString(rc))
                     : makeError("Disconnect " + inQuotes(profileName), CodeKind::None, 0);
        if (!rc) e.meaning = "The connection was still up when the wait ended.";
        e.nextStep = "Wait a few seconds and check the status again.";
        return Status::failure(e);
    }
    return Status::success();
}

} // namespace aovpn::platform::win
