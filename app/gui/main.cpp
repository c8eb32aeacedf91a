// aovpn-studio: the GUI. A GUI-subsystem exe on Windows; when started from a console, its
// messages (--help, errors, screenshot path) still reach that console.
#include "platform/broker.hpp"

#include "gui_app.hpp"
#include "gui_options.hpp"

#include <cstdio>

#ifdef _WIN32
#include <windows.h>

namespace {
void attachParentConsole() {
    // Keep redirected handles (pipes, files) as they are; only fill in missing ones.
    if (GetStdHandle(STD_OUTPUT_HANDLE) != nullptr && GetStdHandle(STD_ERROR_HANDLE) != nullptr)
        return;
    if (!AttachConsole(ATTACH_PARENT_PROCESS)) return;
    if (GetStdHandle(STD_OUTPUT_HANDLE) == nullptr) std::freopen("CONOUT$", "w", stdout);
    if (GetStdHandle(STD_ERROR_HANDLE) == nullptr) std::freopen("CONOUT$", "w", stderr);
}
} // namespace
#endif

int main(int argc, char** argv) {
    // Started by the SCM as the one-shot SYSTEM broker: do that job only, no window.
    if (const auto code = aovpn::platform::runBrokerIfRequested()) return *code;
#ifdef _WIN32
    attachParentConsole();
#endif
    const auto parsed = aovpn::app::parseGuiOptions(argc, argv);
    if (!parsed.options) {
        std::fputs(parsed.message.c_str(), parsed.exitCode == 0 ? stdout : stderr);
        return parsed.exitCode;
    }
    return aovpn::app::runGui(*parsed.options);
}
