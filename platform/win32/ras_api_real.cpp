// The real RAS functions behind the RasApi seam (rasapi32).
#include "seams.hpp"

#include <cstring>
#include <raserror.h>

namespace aovpn::platform::win {

namespace {
class RealRasApi final : public RasApi {
  public:
    DWORD enumEntries(const wchar_t* phonebook, std::vector<RasEntryRef>& out) override {
        std::vector<RASENTRYNAMEW> names(4);
        DWORD rc = 0, count = 0;
        for (int attempt = 0; attempt < 4; ++attempt) {
            names[0].dwSize = sizeof(RASENTRYNAMEW);
            DWORD bytes = static_cast<DWORD>(names.size() * sizeof(RASENTRYNAMEW));
            rc = RasEnumEntriesW(nullptr, phonebook, names.data(), &bytes, &count);
            if (rc != ERROR_BUFFER_TOO_SMALL) break;
            names.resize(bytes / sizeof(RASENTRYNAMEW) + 1);
        }
        if (rc != 0) return rc;
        for (DWORD i = 0; i < count && i < names.size(); ++i)
            out.push_back({names[i].szEntryName, names[i].szPhonebookPath});
        return 0;
    }

    DWORD enumConnections(std::vector<RasConnRef>& out) override {
        std::vector<RASCONNW> conns(4);
        for (int attempt = 0; attempt < 5; ++attempt) {
            conns[0].dwSize = sizeof(RASCONNW);
            DWORD bytes = static_cast<DWORD>(conns.size() * sizeof(RASCONNW)), count = 0;
            const DWORD rc = RasEnumConnectionsW(conns.data(), &bytes, &count);
            if (rc == ERROR_BUFFER_TOO_SMALL) {
                conns.resize(bytes / sizeof(RASCONNW) + 1);
                continue;
            }
            if (rc != 0) return rc;
            for (DWORD i = 0; i < count && i < conns.size(); ++i)
                out.push_back({conns[i].hrasconn, conns[i].szEntryName, conns[i].szPhonebook});
            return 0;
        }
        return ERROR_BUFFER_TOO_SMALL;
    }

    DWORD hangUp(HRASCONN h) override { return RasHangUpW(h); }

    DWORD connectStatus(HRASCONN h, RASCONNSTATUSW& status) override {
        status.dwSize = sizeof status;
        return RasGetConnectStatusW(h, &status);
    }

    DWORD eapUserIdentity(const std::wstring& pbk, const std::wstring& entry, DWORD flags,
                          EapIdentity& out) override {
        RASEAPUSERIDENTITYW* id = nullptr;
        const DWORD rc = RasGetEapUserIdentityW(pbk.c_str(), entry.c_str(), flags, nullptr, &id);
        if (rc != 0) return rc;
        out.userName = id->szUserName;
        out.eapInfo.assign(id->pbEapInfo, id->pbEapInfo + id->dwSizeofEapInfo);
        RasFreeEapUserIdentityW(id);
        return 0;
    }

    DWORD entryDialParams(const std::wstring& pbk, RASDIALPARAMSW& params) override {
        BOOL hasPassword = FALSE;
        return RasGetEntryDialParamsW(pbk.c_str(), &params, &hasPassword);
    }

    DWORD dial(const RASDIALEXTENSIONS* ext, const std::wstring& pbk, RASDIALPARAMSW& params,
               RASDIALFUNC2 notifier, ULONG_PTR callbackId, HRASCONN& out) override {
        params.dwCallbackId = callbackId;
        return RasDialW(const_cast<RASDIALEXTENSIONS*>(ext), pbk.c_str(), &params, 2,
                        reinterpret_cast<void*>(notifier), &out);
    }

    DWORD entryGuid(const std::wstring& pbk, const std::wstring& entry, GUID& out) override {
        DWORD size = 0;
        RasGetEntryPropertiesW(pbk.c_str(), entry.c_str(), nullptr, &size, nullptr, nullptr);
        if (size < sizeof(RASENTRYW)) size = sizeof(RASENTRYW);
        std::vector<BYTE> buf(size);
        auto* e = reinterpret_cast<RASENTRYW*>(buf.data());
        e->dwSize = sizeof(RASENTRYW);
        const DWORD rc =
            RasGetEntryPropertiesW(pbk.c_str(), entry.c_str(), e, &size, nullptr, nullptr);
        if (rc == 0) out = e->guidId;
        return rc;
    }

    std::string errorString(DWORD code) override {
        wchar_t buf[512];
        if (RasGetErrorStringW(code, buf, 512) == 0) return narrow(buf);
        return systemMessage(code); // IKE codes (13801...) live in the system table
    }
};
} // namespace

std::unique_ptr<RasApi> makeRealRasApi() {
    return std::make_unique<RealRasApi>();
}

} // namespace aovpn::platform::win
