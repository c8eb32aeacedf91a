#include "ui/panels.hpp"

#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {

struct Section {
    const char* title;
    const char* fieldPrefixes[3]; // validation paths that live in this section
    void (*draw)(AppState&);
};

// The form's sections in the order a helpdesk person fills them in.
constexpr Section kSections[] = {
    {"General",
     {"ProfileName", "NativeProfile/Servers", "NativeProfile/NativeProtocolType"},
     drawGeneralSection},
    {"Authentication", {"NativeProfile/Authentication"}, drawAuthSection},
    {"Crypto suite", {"NativeProfile/CryptographySuite"}, drawCryptoSection},
    {"Routes", {"Route"}, drawRoutesSection},
    {"Traffic filters", {"TrafficFilter"}, drawFiltersSection},
    {"DNS", {"DnsSuffix", "TrustedNetworkDetection", "DomainNameInformation"}, drawDnsSection},
    {"Options",
     {"AlwaysOn", "NativeProfile/DisableClassBasedDefaultRoute", "Proxy"},
     drawOptionsSection},
};

} // namespace

void drawFormPanel(AppState& state) {
    for (const Section& s : kSections) {
        // A clicked issue opens the section that holds its field.
        for (const char* prefix : s.fieldPrefixes)
            if (prefix && sectionWantsFocus(state, prefix)) ImGui::SetNextItemOpen(true);
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
