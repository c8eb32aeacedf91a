// test_platform.exe is also the broker the Wine end-to-end test starts through the real SCM: it
// copies itself as the product does, so its own start must honour "--broker" before doctest runs.
#ifdef _WIN32
#include "platform/broker.hpp"

#include <windows.h>

namespace {
const int kBrokerHook = [] {
    if (const auto code = aovpn::platform::runBrokerIfRequested())
        ExitProcess(static_cast<UINT>(*code));
    return 0;
}();
} // namespace
#endif
