// bench_ui: CPU time per frame of the whole window with a 1,000-route profile, headless (ImGui
// builds the draw lists; no renderer). Also shows that the XML is rebuilt only when the profile
// changes. Run: build/<dir>/ui/bench_ui [frames]
#include "ui/document.hpp"
#include "ui/main_window.hpp"
#include "ui/templates.hpp"
#include "ui/widget_locator.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace aovpn;

namespace {

Profile thousandRoutes() {
    Profile p = ui::makeTemplate(ui::Template::UserTunnel);
    for (int i = 0; i < 1000; ++i) {
        Route r;
        r.address = "10." + std::to_string(i / 250) + "." + std::to_string(i % 250) + ".1";
        r.prefixSize = 32;
        p.routes.push_back(r);
    }
    return p;
}

double frameMs(ui::AppState& state, int frames) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) {
        ImGui::NewFrame();
        ui::drawMainWindow(state);
        ImGui::Render();
    }
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    return took.count() / frames;
}

} // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::max(1, std::atoi(argv[1])) : 300;
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1360, 860);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    {
        ui::AppState state;
        ui::loadDocument(state, thousandRoutes(), {});
        frameMs(state, 10); // warm-up: first layout, the one XML build
        // Scroll the form to the middle of the route table, so rows are really drawn.
        state.view.focusField = "Route[500]/Address";
        frameMs(state, 5);
        ImGui::ClearActiveID();
        int rowsDrawn = 0; // route address fields laid out in one frame (the clipper's window)
        ui::setWidgetLocator(ImGui::GetCurrentContext(), [&](const ui::LocatedItem& item) {
            rowsDrawn += item.label == "##route-address";
        });
        frameMs(state, 1);
        ui::setWidgetLocator(ImGui::GetCurrentContext(), {});
        const std::size_t rebuildsBefore = state.derived.rebuilds;
        const double ms = frameMs(state, frames);
        const std::size_t idleRebuilds = state.derived.rebuilds - rebuildsBefore;

        // One edit: exactly one rebuild follows.
        state.doc.profile.routes[0].metric = 5;
        ui::markEdited(state, "bench");
        const double editMs = frameMs(state, 1);
        std::printf("bench_ui: %d frames, 1000 routes (%d rows on screen), %zu XML lines\n", frames,
                    rowsDrawn, state.derived.lineStarts[0].size());
        std::printf("  per frame (no change): %.3f ms  [budget 2 ms: %s]\n", ms,
                    ms < 2.0 ? "ok" : "OVER");
        std::printf("  frame after one edit (XML + validation rebuilt): %.3f ms\n", editMs);
        std::printf("  XML rebuilds during unchanged frames: %zu (expected 0)\n", idleRebuilds);
        std::printf("  XML rebuilds after one edit: %zu (expected 1)\n",
                    state.derived.rebuilds - rebuildsBefore);
    }
    ImGui::DestroyContext();
    return 0;
}
