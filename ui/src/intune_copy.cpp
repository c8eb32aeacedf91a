#include "intune_copy.hpp"

#include <imgui.h>

#include <string>

namespace aovpn::ui {

namespace {

void copyButton(AppState& state, const char* label, const std::string& text, const char* tip,
                const std::string& logged) {
    if (ImGui::SmallButton(label)) {
        ImGui::SetClipboardText(text.c_str());
        appendLog(state.view, LogLevel::Info, logged);
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tip);
}

} // namespace

void drawIntuneSettingCopy(AppState& state, const IntuneOmaUriSetting& setting) {
    const std::string_view path = intunePortalPath();
    ImGui::TextDisabled("Intune admin center:");
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(path.data(), path.data() + path.size());
    ImGui::PopTextWrapPos();
    copyButton(state, "Copy OMA-URI", setting.omaUri,
               "Copies only the OMA-URI, for the setting's OMA-URI field.",
               "OMA-URI copied to the clipboard: " + setting.omaUri);
    ImGui::SameLine();
    const std::string valueTip = "Copies only the value (the ProfileXML), for the setting's "
                                 "Value field (data type: " +
                                 setting.dataType + ").";
    copyButton(state, "Copy value", setting.value, valueTip.c_str(),
               "Intune value (the ProfileXML, " + std::to_string(setting.value.size()) +
                   " bytes) copied to the clipboard.");
}

} // namespace aovpn::ui
