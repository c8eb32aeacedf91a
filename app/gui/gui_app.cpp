#include "gui_app.hpp"

#include "model/product.hpp"
#include "model/product_info.hpp"
#include "model/utf8_path.hpp"
#include "platform/system_paths.hpp"
#include "ui/main_window.hpp"
#include "ui/theme.hpp"

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
struct Session {
    FramePacer pacer;
    ui::AppState state;
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
                  fmt::format("UI font: {} at {:.0f}% scale", s.state.view.fonts.uiSource,
                              s.state.view.dpiScale * 100.0f));
}

void drawFrame(Session& s, GLFWwindow* w) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
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
    while (!glfwWindowShouldClose(w)) {
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
        }
        glfwWaitEventsTimeout(s.pacer.waitSeconds(glfwGetTime()));
    }
}

int runScreenshot(Session& s, GLFWwindow* w, const GuiOptions& o) {
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

} // namespace

int runGui(const GuiOptions& o) {
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
    s.state.targetAccount = "(platform layer not yet wired)";
    ui::appendLog(s.state.view, ui::LogLevel::Info, fmt::format("Started {}", productBanner()));
    glfwSetWindowUserPointer(w, &s);
    installWakeCallbacks(w);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;              // settings are ours to keep (config folder)
    ImGui::GetIO().ConfigInputTextCursorBlink = false; // blinking would need frames while idle
    ImGui_ImplGlfw_InitForOpenGL(w, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    int rc = 0;
    if (!o.screenshotPath.empty())
        rc = runScreenshot(s, w, o);
    else
        runInteractive(s, w, o);
    if (o.frameStats) fmt::print("frames drawn in total: {}\n", s.pacer.framesDrawn());

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(w);
    glfwTerminate();
    return rc;
}

} // namespace aovpn::app
