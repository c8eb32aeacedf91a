#include "gui_options.hpp"

#include "model/product_info.hpp"

#include <fmt/format.h>

#include <charconv>
#include <string_view>

namespace aovpn::app {

namespace {

constexpr const char* kUsage = R"(usage: aovpn-studio [options]

  --screenshot FILE   render the window, save it as PNG to FILE, and exit
  --frames N          frames to render before the screenshot (default 5)
  --exit-after SEC    close the window after SEC seconds
  --frame-stats       print how many frames were drawn each second (idle check)
  --size WxH          initial window size in unscaled pixels (default 1360x860)
  --open FILE         start with the ProfileXML in FILE loaded
  --ui-script FILE    run the commands in FILE against the window (click by label, type, key,
                      menu, save-xml, screenshot, labels), then exit: 0 when every line ran,
                      2 naming the line and label that failed; may be given several times
  --version, --help
)";

template <class T> bool parseNumber(std::string_view s, T& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

ParsedOptions fail(std::string msg) {
    return ParsedOptions{std::nullopt, fmt::format("aovpn-studio: {}\n\n{}", msg, kUsage), 2};
}

} // namespace

ParsedOptions parseGuiOptions(int argc, char** argv) {
    GuiOptions o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--help" || a == "-h") return ParsedOptions{std::nullopt, kUsage, 0};
        if (a == "--version") return ParsedOptions{std::nullopt, productBanner() + "\n", 0};
        if (a == "--frame-stats") {
            o.frameStats = true;
        } else if (a == "--screenshot" && hasValue) {
            o.screenshotPath = argv[++i];
        } else if (a == "--frames" && hasValue) {
            if (!parseNumber(std::string_view(argv[++i]), o.frames) || o.frames < 1)
                return fail("--frames needs a whole number of at least 1");
        } else if (a == "--exit-after" && hasValue) {
            if (!parseNumber(std::string_view(argv[++i]), o.exitAfterSeconds) ||
                o.exitAfterSeconds <= 0)
                return fail("--exit-after needs a number of seconds above 0");
        } else if (a == "--handoff" && hasValue) {
            // Our own temp file from an elevated relaunch; the platform checks its name on use.
            o.handoffPath = argv[++i];
        } else if (a == "--ui-script" && hasValue) {
            o.uiScripts.emplace_back(argv[++i]);
        } else if (a == "--open" && hasValue) {
            o.openPath = argv[++i];
        } else if (a == "--size" && hasValue) {
            o.sizeGiven = true;
            const std::string_view v = argv[++i];
            const auto x = v.find('x');
            if (x == std::string_view::npos || !parseNumber(v.substr(0, x), o.width) ||
                !parseNumber(v.substr(x + 1), o.height) || o.width < 320 || o.height < 240)
                return fail("--size needs WIDTHxHEIGHT, at least 320x240");
        } else {
            return fail(fmt::format("unknown or incomplete option '{}'", a));
        }
    }
    return ParsedOptions{o, {}, 0};
}

} // namespace aovpn::app
