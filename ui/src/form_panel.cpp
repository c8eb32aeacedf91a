#include "ui/panels.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {

struct Section {
    const char* title;
    const char* contents;
};

// The form's sections in the order a helpdesk person fills them in.
constexpr Section kSections[] = {
    {"General", "Profile name, user or device tunnel, servers, protocol, split or force tunnel."},
    {"Authentication",
     "Client certificate from the user's store, server validation, crypto suite."},
    {"Routes", "Host routes (/32) and networks, metrics, exclusions."},
    {"Traffic filters", "Apps, protocols, ports and address ranges."},
    {"DNS", "Suffixes, name resolution rules, trusted network detection."},
    {"Options", "AlwaysOn, remember credentials, class-based default route, and the rest."},
};

} // namespace

void drawFormPanel(AppState& /*state*/) {
    ImGui::TextDisabled("PROFILE");
    for (const Section& s : kSections) {
        if (ImGui::CollapsingHeader(s.title, ImGuiTreeNodeFlags_DefaultOpen)) {
            ImGui::Indent();
            ImGui::TextWrapped("%s", s.contents);
            ImGui::Unindent();
        }
    }
}

} // namespace aovpn::ui
