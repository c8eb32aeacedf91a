#pragma once
// A Dear ImGui context with a built font atlas and no renderer, for driving panels in tests.
#include <imgui.h>

namespace aovpn::test {

class HeadlessImGui {
  public:
    explicit HeadlessImGui(ImVec2 displaySize = ImVec2(1280.0f, 800.0f)) {
        ctx_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = displaySize;
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(ctx_); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // Runs one frame around `draw`.
    template <class F> void frame(F&& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }

  private:
    ImGuiContext* ctx_ = nullptr;
};

} // namespace aovpn::test
