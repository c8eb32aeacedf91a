#include "profile_guard.hpp"
#include "ras_connect.hpp"
#include "win_util.hpp"

// winsock2 must precede iphlpapi.
// clang-format off
#include <winsock2.h>
#include <ws2ipdef.h>
#include <iphlpapi.h>
// clang-format on

#include <condition_variable>
#include <map>
#include <mutex>
#include <raserror.h>
#include <thread>

namespace aovpn::platform::win {

namespace {
using Clock = std::chrono::steady_clock;

// What the RAS notifier thread reports to the waiting worker.
struct DialState {
    std::mutex m;
    std::condition_variable cv;
    std::vector<std::uint32_t> states;
    bool done = false;
    std::uint32_t error = 0;
    std::function<void(std::string_view)> onProgress;
};

// The notifier gets only an integer id; dials are looked up here so a late notification after
// the wait ended finds nothing instead of a dangling pointer.
std::mutex gRegistryMutex;
std::map<ULONG_PTR, std::shared_ptr<DialState>> gRegistry;
ULONG_PTR gNextId = 1;

std::shared_ptr<DialState> lookup(ULONG_PTR id) {
    std::lock_guard lock(gRegistryMutex);
    auto it = gRegistry.find(id);
    return it == gRegistry.end() ? nullptr : it->second;
}

DWORD WINAPI onRasEvent(ULONG_PTR id, DWORD, HRASCONN, UINT, RASCONNSTATE state, DWORD error,
                        DWORD) {
    auto s = lookup(id);
    if (!s) return 0; // no longer wanted: stop notifications
    {
        std::lock_guard lock(s->m);
        s->states.push_back(static_cast<std::uint32_t>(state));
        if (error != 0 || state == RASCS_Connected || state == RASCS_Disconnected) {
            s->done = true;
            s->error = error;
        }
    }
    if (s->onProgress) s->onProgress(rasStateName(static_cast<std::uint32_t>(state)));
    s->cv.notify_all();
    return 1;
}

} // namespace

// The VPN interface is named after the connection; its first IPv4 address is the assigned one.
std::string interfaceAddress(const std::wstring& entry) {
    ULONG size = 16 * 1024;
    std::vector<BYTE> buf(size);
    auto* list = reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buf.data());
    if (GetAdaptersAddresses(AF_INET, GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST, nullptr,
                             list, &size) != NO_ERROR)
        return {};
    for (auto* a = list; a; a = a->Next) {
        if (!a->FriendlyName || entry != a->FriendlyName || !a->FirstUnicastAddress) continue;
        const auto* in =
            reinterpret_cast<const sockaddr_in*>(a->FirstUnicastAddress->Address.lpSockaddr);
        const auto* b = reinterpret_cast<const unsigned char*>(&in->sin_addr);
        return std::to_string(b[0]) + "." + std::to_string(b[1]) + "." + std::to_string(b[2]) +
               "." + std::to_string(b[3]);
    }
    return {};
}

namespace {
// Waits for done, cancel or timeout; returns with the lock released.
void waitForOutcome(DialState& s, const ConnectOptions& o, ConnectResult& r) {
    const auto deadline = Clock::now() + o.timeout;
    std::unique_lock lock(s.m);
    while (!s.done) {
        if (o.stop.stop_requested()) {
            r.cancelled = true;
            break;
        }
        if (Clock::now() >= deadline) {
            r.timedOut = true;
            break;
        }
        s.cv.wait_for(lock, std::chrono::milliseconds(50));
    }
    for (auto st : s.states)
        r.states.emplace_back(rasStateName(st));
    if (s.done && s.error == 0 && !s.states.empty() && s.states.back() == RASCS_Connected)
        r.ok = true;
    r.rasCode = s.error;
}
} // namespace

void dialAndWait(RasApi& ras, const RASDIALEXTENSIONS* ext, const std::wstring& pbk,
                 RASDIALPARAMSW& params, const ConnectOptions& o, ConnectResult& r) {
    auto state = std::make_shared<DialState>();
    state->onProgress = o.onProgress;
    ULONG_PTR id = 0;
    {
        std::lock_guard lock(gRegistryMutex);
        id = gNextId++;
        gRegistry[id] = state;
    }
    HRASCONN h = nullptr;
    const DWORD rc = ras.dial(ext, pbk, params, &onRasEvent, id, h);
    if (rc == 0)
        waitForOutcome(*state, o, r);
    else
        r.rasCode = rc;
    if (r.ok) {
        r.assignedAddress = interfaceAddress(params.szEntryName);
    } else if (h) {
        DWORD hangUpRc = 0; // required after a failed or abandoned dial, or the port stays open
        hangUpAndWait(ras, h, std::chrono::seconds(10), hangUpRc);
    }
    if (r.cancelled) r.rasCode = ERROR_USER_DISCONNECTION;
    std::lock_guard lock(gRegistryMutex);
    gRegistry.erase(id);
}

} // namespace aovpn::platform::win
