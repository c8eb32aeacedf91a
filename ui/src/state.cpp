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

// One LogLine per line of text, so every row of the log has the same height: the log's clipper
// and its follow-the-newest scrolling both count on that.
void appendLog(ViewState& view, LogLevel level, std::string text) {
    std::string time = clockNow();
    std::size_t from = 0;
    while (true) {
        const auto nl = text.find('\n', from);
        std::string line = text.substr(from, nl == std::string::npos ? nl : nl - from);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        view.log.push_back(LogLine{std::move(time), level, std::move(line)});
        time.clear(); // continuation lines carry no time of their own
        if (nl == std::string::npos) break;
        from = nl + 1;
    }
}

} // namespace aovpn::ui
