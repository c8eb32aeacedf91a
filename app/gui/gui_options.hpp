#pragma once
// Command-line options of the GUI exe. Fixed flags only: nothing here is passed on to a shell.
#include <optional>
#include <string>
#include <vector>

namespace aovpn::app {

struct GuiOptions {
    std::string screenshotPath;         // --screenshot FILE: render, save PNG, exit
    int frames = 5;                     // --frames N: frames to render before the screenshot
    double exitAfterSeconds = 0;        // --exit-after SECONDS (0 = run until closed)
    bool frameStats = false;            // --frame-stats: print frames drawn each second
    int width = 1360, height = 860;     // --size WxH, in unscaled pixels
    bool sizeGiven = false;             // --size wins over the saved window size
    std::string openPath;               // --open FILE: start with this profile loaded
    std::string handoffPath;            // --handoff FILE: from "Restart as administrator" only
    std::vector<std::string> uiScripts; // --ui-script FILE (repeatable): drive the window, exit
};

struct ParsedOptions {
    std::optional<GuiOptions> options; // empty when the command line was wrong or --help
    std::string message;               // usage or error text
    int exitCode = 0;
};

ParsedOptions parseGuiOptions(int argc, char** argv);

} // namespace aovpn::app
