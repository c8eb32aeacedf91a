#include "ui/panels.hpp"

#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {

struct Section {
    const char* title;
    const char* fieldPrefix; // validation paths that live in this section
    void (*draw)(AppState&);
};

// The form's sections in the order a helpdesk person fills them in.
constexpr Section kSections[] = {
    {"General", "", drawGeneralSection},
    {"Authentication", "NativeProfile/Authentication", drawAuthSection},
    {"Crypto suite", "NativeProfile/CryptographySuite", drawCryptoSection},
    {"Routes", "Route", drawRoutesSection},
    {"Traffic filters", "TrafficFilter", drawFiltersSection},
    {"DNS", "D", drawDnsSection},
    {"Options", "", drawOptionsSection},
};

} // namespace

void drawFormPanel(AppState& state) {
    for (const Section& s : kSections) {
        // A clicked issue opens the section that holds its field.
        if (*s.fieldPrefix && sectionWantsFocus(state, s.fieldPrefix)) ImGui::SetNextItemOpen(true);
        if (ImGui::CollapsingHeader(s.title, ImGuiTreeNodeFlags_DefaultOpen)) {
            ImGui::PushID(s.title);
            ImGui::Indent(4.0f);
            s.draw(state);
            ImGui::Unindent(4.0f);
            ImGui::PopID();
            ImGui::Spacing();
        }
    }
}

} // namespace aovpn::ui
