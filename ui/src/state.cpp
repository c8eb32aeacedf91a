#include "ui/state.hpp"

#include "ui/tasks.hpp"

#include <ctime>

namespace aovpn::ui {

namespace {
std::string clockNow() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
#ifdef _WIN32
    localtime_s(&tm, &t);
#else
    localtime_r(&t, &tm);
#endif
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}
} // namespace

AppState::AppState()
    : tasks(std::make_unique<TaskRunner>()), reads(std::make_unique<TaskRunner>()) {}
// The workers join before the rest of the state goes away.
AppState::~AppState() {
    reads.reset();
    tasks.reset();
}

void appendLog(ViewState& view, LogLevel level, std::string text) {
    view.log.push_back(LogLine{clockNow(), level, std::move(text)});
}

} // namespace aovpn::ui
