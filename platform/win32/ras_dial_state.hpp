#pragma once
// The asynchronous part of the connect test: RasDialW with a RasDialFunc2 notifier, the wait
// (with timeout and cancel), hang-up and "wait until gone".
#include "platform/platform.hpp"

#include "win_util.hpp" // <windows.h> before the other SDK headers

#include <ras.h>

namespace aovpn::platform::win {

// Dials `entry` from phonebook `pbk` and fills r (ok, states, rasCode, cancelled, timedOut,
// assignedAddress). Always hangs up unless connected.
void dialAndWait(const std::wstring& pbk, const std::wstring& entry, const std::string& action,
                 const ConnectOptions& options, ConnectResult& r);

// RasEnumConnectionsW, retried while the buffer is too small (603).
Result<std::vector<RASCONNW>> activeConnections();

// Polls RasGetConnectStatusW until the handle is gone; false on timeout.
bool waitUntilGone(HRASCONN h, std::chrono::milliseconds timeout);

} // namespace aovpn::platform::win
