#include "wheel_handoff.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace aovpn::ui {

namespace {

// ImGui's own step for a wheel notch (UpdateMouseWheel in imgui.cpp).
float wheelStep(const ImGuiWindow* w) {
    return ImTrunc(ImMin(5.0f * w->CalcFontSize(), w->InnerRect.GetHeight() * 0.67f));
}

} // namespace

void handWheelOnAtEnds() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* list = ImGui::GetCurrentWindow();
    // Where the list stood when this frame's wheel was given to it (this frame moved it since).
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = list->GetID("##scroll before the wheel");
    const float before = storage->GetFloat(key, list->Scroll.y);
    storage->SetFloat(key, list->Scroll.y);
    const float wheel = g.IO.MouseWheel;
    if (wheel == 0.0f || g.WheelingWindow != list || g.WheelingWindowScrolledFrame != g.FrameCount)
        return;
    const bool atEnd = wheel < 0.0f ? before >= list->ScrollMax.y : before <= 0.0f;
    ImGuiWindow* form = list->ParentWindow; // the first one up that scrolls up and down
    while (form && form->ScrollMax.y == 0.0f && (form->Flags & ImGuiWindowFlags_ChildWindow))
        form = form->ParentWindow;
    if (!atEnd || !form) return;
    ImGui::SetScrollY(form, form->Scroll.y - wheel * wheelStep(form));
}

} // namespace aovpn::ui
