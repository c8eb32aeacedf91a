#include "gui_app.hpp"

#include "model/product.hpp"
#include "model/product_info.hpp"
#include "model/utf8_path.hpp"
#include "platform/gateway_check.hpp"
#include "platform/platform.hpp"
#include "platform/system_paths.hpp"
#include "ui/actions.hpp"
#include "ui/certificates.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/main_window.hpp"
#include "ui/pane_layout.hpp"
#include "ui/tasks.hpp"
#include "ui/theme.hpp"
#include "ui/ui_script.hpp"
#include "ui/widget_locator.hpp"

#include "file_dialogs.hpp"
#include "frame_pacer.hpp"
#include "screenshot.hpp"

#include <GLFW/glfw3.h>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>

namespace aovpn::app {

namespace {

// Everything the GLFW callbacks reach, through the window's user pointer (no globals).
// Member order matters: the state (and its worker thread) goes before the platform it calls.
struct Session {
    FramePacer pacer;
    std::unique_ptr<platform::Platform> platform;
    std::unique_ptr<ui::FileDialogs> dialogs;
    ui::AppState state;
    std::string settingsFile; // empty: settings are neither read nor written (screenshots)
    ui::FontFiles fontFiles;
    bool rescale = true; // fonts must be (re)built for the window's DPI scale
};

Session& sessionOf(GLFWwindow* w) {
    return *static_cast<Session*>(glfwGetWindowUserPointer(w));
}

// Our callbacks only wake the loop; ImGui's backend (installed after, chaining to ours) reads
// input.
void installWakeCallbacks(GLFWwindow* w) {
    glfwSetCursorPosCallback(w, [](GLFWwindow* x, double, double) { sessionOf(x).pacer.wake(); });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* x, int, int, int) { sessionOf(x).pacer.wake(); });
    glfwSetScrollCallback(w, [](GLFWwindow* x, double, double) { sessionOf(x).pacer.wake(); });
    glfwSetKeyCallback(w, [](GLFWwindow* x, int, int, int, int) { sessionOf(x).pacer.wake(); });
    glfwSetCharCallback(w, [](GLFWwindow* x, unsigned) { sessionOf(x).pacer.wake(); });
    glfwSetWindowFocusCallback(w, [](GLFWwindow* x, int) { sessionOf(x).pacer.wake(); });
    glfwSetCursorEnterCallback(w, [](GLFWwindow* x, int) { sessionOf(x).pacer.wake(); });
    glfwSetWindowSizeCallback(w, [](GLFWwindow* x, int, int) { sessionOf(x).pacer.wake(); });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* x) { sessionOf(x).pacer.wake(); });
    glfwSetWindowContentScaleCallback(w, [](GLFWwindow* x, float, float) {
        sessionOf(x).rescale = true;
        sessionOf(x).pacer.wake();
    });
}

// The saved window place and size, unless --size was given or it would be off every screen.
void applyWindowSettings(const ui::Settings& st, GLFWwindow* w, const GuiOptions& o) {
    if (!o.sizeGiven && st.windowW >= 320 && st.windowH >= 240)
        glfwSetWindowSize(w, st.windowW, st.windowH);
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
        int mx = 0, my = 0, mw = 0, mh = 0;
        glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
        if (st.windowX >= mx && st.windowY >= my && st.windowX < mx + mw - 50 &&
            st.windowY < my + mh - 50) {
            glfwSetWindowPos(w, st.windowX, st.windowY);
            return;
        }
    }
}

ui::FontFiles findFonts() {
    ui::FontFiles f;
    if (auto c = platform::uiFontCandidates(); !c.empty()) f.ui = pathToUtf8(c.front());
    if (auto c = platform::monoFontCandidates(); !c.empty()) f.mono = pathToUtf8(c.front());
    return f;
}

void rebuildFontsIfNeeded(Session& s, GLFWwindow* w) {
    if (!s.rescale) return;
    s.rescale = false;
    float xs = 1.0f, ys = 1.0f;
    glfwGetWindowContentScale(w, &xs, &ys);
    s.state.view.dpiScale = xs > 0.0f ? xs : 1.0f;
    s.state.view.fonts = ui::applyTheme(s.fontFiles, s.state.view.dpiScale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::appendLog(s.state.view, ui::LogLevel::Info,
                  fmt::format("UI font: {} at {:.0f}% scale",
                              pathToUtf8(pathFromUtf8(s.state.view.fonts.uiSource).filename()),
                              s.state.view.dpiScale * 100.0f));
}

std::string readGlString(GLenum name) {
    const auto* text = reinterpret_cast<const char*>(glGetString(name));
    return text ? text : "unknown";
}

// Title: "<profile> - AOVPN Studio", with a '*' while unsaved; set only when it changes.
void updateTitle(Session& s, GLFWwindow* w, std::string& shown) {
    const std::string title = windowTitle(ui::documentTitle(s.state), s.state.doc.dirty());
    if (title == shown) return;
    shown = title;
    glfwSetWindowTitle(w, title.c_str());
}

// `beforeNewFrame` (a UI script's input) runs after the backend has queued the real input.
void drawFrame(Session& s, GLFWwindow* w, ui::ScriptRunner* script = nullptr) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (script) script->beforeNewFrame();
    ImGui::NewFrame();
    if (script) script->afterNewFrame();
    ui::drawMainWindow(s.state);
    ImGui::Render();
    int fbw = 0, fbh = 0;
    glfwGetFramebufferSize(w, &fbw, &fbh);
    glViewport(0, 0, fbw, fbh);
    glClearColor(0.96f, 0.96f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

GLFWwindow* openWindow(const GuiOptions& o) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE); // size in unscaled pixels, DPI-aware
    const std::string title = windowTitle("", false);
    GLFWwindow* w = glfwCreateWindow(o.width, o.height, title.c_str(), nullptr, nullptr);
    if (!w) return nullptr;
    glfwMakeContextCurrent(w);
    glfwSwapInterval(1);
    return w;
}

// The main loop for the interactive app: draw only when the pacer says so.
void runInteractive(Session& s, GLFWwindow* w, const GuiOptions& o) {
    const double start = glfwGetTime();
    int statSecond = 0;
    std::uint64_t statFrames = 0;
    std::string title;
    while (!s.state.view.quitConfirmed) {
        if (glfwWindowShouldClose(w)) {
            // Closing with unsaved changes asks first (the dialog sets quitConfirmed).
            glfwSetWindowShouldClose(w, GLFW_FALSE);
            s.state.view.quitRequested = true;
            s.pacer.wake();
        }
        const double now = glfwGetTime();
        if (o.exitAfterSeconds > 0 && now - start >= o.exitAfterSeconds) break;
        if (o.frameStats && now - start >= statSecond + 1) {
            fmt::print("frames in second {}: {}\n", ++statSecond,
                       s.pacer.framesDrawn() - statFrames);
            std::fflush(stdout);
            statFrames = s.pacer.framesDrawn();
        }
        if (s.pacer.shouldDraw(now)) {
            rebuildFontsIfNeeded(s, w);
            drawFrame(s, w);
            glfwSwapBuffers(w);
            s.pacer.frameDrawn(now);
            updateTitle(s, w, title);
        }
        glfwWaitEventsTimeout(s.pacer.waitSeconds(glfwGetTime()));
    }
}

int runScreenshot(Session& s, GLFWwindow* w, const GuiOptions& o) {
    // The picture shows the settled window: the certificate list, not "Reading...".
    s.state.reads->waitIdle();
    for (int i = 0; i < o.frames; ++i) {
        glfwPollEvents();
        rebuildFontsIfNeeded(s, w);
        drawFrame(s, w);
        if (i + 1 < o.frames) glfwSwapBuffers(w);
        s.pacer.frameDrawn(glfwGetTime());
    }
    int fbw = 0, fbh = 0;
    glfwGetFramebufferSize(w, &fbw, &fbh);
    if (auto err = saveFramebufferPng(o.screenshotPath, fbw, fbh); !err.empty()) {
        fmt::print(stderr, "aovpn-studio: {}\n", err);
        return 3;
    }
    fmt::print("screenshot saved: {} ({}x{}, {} frames)\n", o.screenshotPath, fbw, fbh, o.frames);
    return 0;
}

// --ui-script: every file parsed first (a malformed line stops before anything runs), then
// the commands run one frame at a time until the last has settled.
int runUiScripts(Session& s, GLFWwindow* w, const GuiOptions& o) {
    std::vector<ui::ScriptCommand> all;
    for (const std::string& file : o.uiScripts) {
        std::string error;
        const auto text = ui::readWholeFile(file, error);
        if (!text) {
            fmt::print(stderr, "aovpn-studio: ui-script: {}\n", error);
            return 2;
        }
        ui::ParsedScript parsed = ui::parseScript(file, *text);
        if (!parsed.error.empty()) {
            fmt::print(stderr, "aovpn-studio: ui-script: {}\n", parsed.error);
            return 2;
        }
        all.insert(all.end(), parsed.commands.begin(), parsed.commands.end());
    }
    const std::size_t count = all.size();
    ui::ScriptRunner runner(std::move(all), [w](const std::string& path) {
        int fbw = 0, fbh = 0;
        glfwGetFramebufferSize(w, &fbw, &fbh);
        return saveFramebufferPng(path, fbw, fbh);
    });
    ui::setWidgetLocator(ImGui::GetCurrentContext(), runner.collector());
    while (!runner.done() && !s.state.view.quitConfirmed) {
        glfwPollEvents();
        rebuildFontsIfNeeded(s, w);
        drawFrame(s, w, &runner);
        runner.afterFrame(s.state);
        glfwSwapBuffers(w);
    }
    ui::setWidgetLocator(ImGui::GetCurrentContext(), {});
    if (!runner.done()) {
        fmt::print(stderr, "aovpn-studio: ui-script: the window closed before the last line\n");
        return 2;
    }
    if (runner.exitCode() != 0) {
        fmt::print(stderr, "aovpn-studio: ui-script: {}\n", runner.message());
        return runner.exitCode();
    }
    fmt::print("ui-script: {} command(s) ran\n", count);
    return 0;
}

// The document a non-elevated window handed over ("Restart as administrator").
void takeHandoff(ui::AppState& st, const std::string& path) {
    const auto file = platform::handoffFileFromArgs({std::string(platform::kHandoffFlag), path});
    if (!file) {
        ui::appendLog(st.view, ui::LogLevel::Error,
                      "Ignored --handoff: it does not name a file this app handed over.");
        return;
    }
    auto xml = platform::takeHandoffDocument(*file);
    if (!xml) {
        ui::appendLog(st.view, ui::LogLevel::Error, xml.error().describe());
        return;
    }
    ui::adoptHandedOverDocument(st, xml.value());
}

// Platform, wake-ups, settings, the --open file, and the first look at the store and session.
void setUpSession(Session& s, GLFWwindow* w, const GuiOptions& o, const PlatformFactory& make) {
    ui::AppState& st = s.state;
    s.platform = make ? make() : platform::makeSystemPlatform();
    st.platform = s.platform.get();
    st.checkGateway = &platform::checkGateway; // the window's Check gateway (issue 10)
    s.dialogs = makeFileDialogs(w);
    st.dialogs = s.dialogs.get();
    FramePacer* pacer = &s.pacer;
    const auto wake = [pacer] {
        pacer->wake();
        glfwPostEmptyEvent(); // safe from any thread: ends glfwWaitEventsTimeout now
    };
    st.tasks->setWake(wake);
    st.reads->setWake(wake);
    ui::appendLog(st.view, ui::LogLevel::Info,
                  fmt::format("Started {} ({})", productBanner(), s.platform->name()));
    if (o.screenshotPath.empty() && o.uiScripts.empty()) { // scripted runs start the same way
        s.settingsFile = pathToUtf8(platform::configDir() / "settings.ini");
        st.settings = ui::loadSettings(s.settingsFile);
        ui::dropMissingRecentFiles(st);
        ui::restoreLayout(st.view, st.settings);
        applyWindowSettings(st.settings, w, o);
    }
    ui::querySession(st); // first: the target account decides where "installed" is looked up
    ui::loadDocument(st, ui::makeTemplate(ui::Template::UserTunnel), {});
    // Without a file (or when it cannot be opened) the start page asks what to work on.
    const bool opened = !o.openPath.empty() && ui::openProfileFile(st, o.openPath);
    if (!opened && o.handoffPath.empty()) ui::showStartPage(st);
    if (!o.handoffPath.empty()) takeHandoff(st, o.handoffPath);
    ui::loadCertificates(st);
}

void saveSession(Session& s, GLFWwindow* w) {
    if (s.settingsFile.empty()) return;
    ui::Settings& st = s.state.settings;
    glfwGetWindowPos(w, &st.windowX, &st.windowY);
    glfwGetWindowSize(w, &st.windowW, &st.windowH);
    ui::keepLayout(s.state.view, st);
    if (auto err = ui::saveSettings(st, s.settingsFile); !err.empty())
        fmt::print(stderr, "aovpn-studio: settings not saved: {}\n", err);
}

} // namespace

int runGui(const GuiOptions& o, const PlatformFactory& makePlatform) {
    if (!o.screenshotPath.empty()) {
        if (auto err = checkWritable(o.screenshotPath); !err.empty()) {
            fmt::print(stderr, "aovpn-studio: {}\n", err);
            return 2;
        }
    }
    glfwSetErrorCallback([](int code, const char* text) {
        fmt::print(stderr, "aovpn-studio: window system error {}: {}\n", code, text);
    });
    if (!glfwInit()) {
        fmt::print(stderr, "aovpn-studio: no display to open a window on (is DISPLAY set?)\n");
        return 4;
    }
    GLFWwindow* w = openWindow(o);
    if (!w) {
        glfwTerminate();
        fmt::print(stderr, "aovpn-studio: could not create an OpenGL 3 window\n");
        return 4;
    }
    Session s;
    s.fontFiles = findFonts();
    setUpSession(s, w, o, makePlatform);
    glfwSetWindowUserPointer(w, &s);
    installWakeCallbacks(w);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;              // settings are ours to keep (config folder)
    ImGui::GetIO().ConfigInputTextCursorBlink = false; // blinking would need frames while idle
    // Keyboard-only use: Tab between fields, arrows and Space for buttons, checkboxes, lists.
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(w, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    s.state.view.aboutLines = {
        fmt::format("GLFW {}", glfwGetVersionString()),
        fmt::format("OpenGL {} ({})", readGlString(GL_VERSION), readGlString(GL_RENDERER))};

    int rc = 0;
    if (!o.uiScripts.empty())
        rc = runUiScripts(s, w, o);
    else if (!o.screenshotPath.empty())
        rc = runScreenshot(s, w, o);
    else
        runInteractive(s, w, o);
    if (o.frameStats) fmt::print("frames drawn in total: {}\n", s.pacer.framesDrawn());
    saveSession(s, w);

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(w);
    glfwTerminate();
    return rc;
}

} // namespace aovpn::app
