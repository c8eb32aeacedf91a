// The preview's "Fleet (MDM)" tab: what goes to many machines at once through an MDM - the
// Microsoft Graph body for an Intune custom configuration, a SyncML Add or Replace for any MDM,
// and the Intune OMA-URI - with Richard Hicks's Windows 11 + Intune workarounds as options, off
// by default, each with its reason. The same model functions as `aovpn render --graph-json`,
// `--syncml [--replace]`, `--intune` and `--quirk-*`; rebuilt only when the document or a choice
// changes.
#include "model/exports_mdm.hpp"
#include "ui/panels.hpp"

#include "intune_copy.hpp"
#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {
namespace {

constexpr const char* kFormats[] = {"Graph JSON (Intune)", "SyncML Add", "SyncML Replace",
                                    "Intune OMA-URI"};

constexpr int kIntuneFormat = 3;

// `intune` gets the setting's fields when the format is the Intune OMA-URI.
TextExport build(const Profile& profile, const FleetExportView& v,
                 std::optional<IntuneOmaUriSetting>& intune) {
    IntuneQuirks quirks;
    quirks.serverListedTwice = v.serverListedTwice;
    quirks.machineMethodEap = v.machineMethodEap;
    const ExportInput input = exportInputFor(profile, quirks);
    switch (v.format) {
    case 1:
        return syncMlCommand(input, SyncMlCommand::Add);
    case 2:
        return syncMlCommand(input, SyncMlCommand::Replace);
    case kIntuneFormat: {
        IntuneResult r = intuneOmaUri(input);
        if (!r.ok) return {false, {}, r.error};
        std::string text = renderIntuneText(r.setting);
        intune = std::move(r.setting);
        return {true, std::move(text), {}};
    }
    default:
        return graphCustomConfigurationJson(input);
    }
}

void refresh(AppState& state) {
    FleetExportView& v = state.view.fleet;
    const auto key =
        std::make_tuple(state.doc.revision, v.format, v.serverListedTwice, v.machineMethodEap);
    if (v.built && *v.built == key) return;
    v.built = key;
    v.intune.reset();
    TextExport e = build(state.doc.profile, v, v.intune);
    v.ok = e.ok;
    v.text = e.ok ? std::move(e.text) : std::move(e.error);
}

void quirkOption(const QuirkInfo& q, bool& on) {
    ImGui::Checkbox((std::string(q.what) + "##" + std::string(q.option)).c_str(), &on);
    ImGui::Indent();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s (%s)", std::string(q.reason).c_str(), std::string(q.option).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Unindent();
}

} // namespace

void drawFleetExportsPanel(AppState& state) {
    FleetExportView& v = state.view.fleet;
    ImGui::SetNextItemWidth(ImGui::CalcTextSize(kFormats[0]).x + ImGui::GetFrameHeight() * 2.0f);
    if (ImGui::BeginCombo("Format", kFormats[v.format])) {
        for (int i = 0; i < IM_ARRAYSIZE(kFormats); ++i)
            if (ImGui::Selectable(kFormats[i], i == v.format)) v.format = i;
        ImGui::EndCombo();
    } else {
        reportLastItem("Format"); // a closed combo has no item-info hook of its own
    }
    if (ImGui::CollapsingHeader("Windows 11 + Intune workarounds (off by default)")) {
        const auto quirks = intuneQuirks();
        quirkOption(quirks[0], v.serverListedTwice);
        quirkOption(quirks[1], v.machineMethodEap);
        ImGui::TextDisabled("Windows itself needs neither; the file, the WMI string and the "
                            "PowerShell script never get them.");
    }
    refresh(state);
    if (!v.ok) { // e.g. no profile name: there is no InstanceID to address
        ImGui::PushStyleColor(ImGuiCol_Text, severityColour(Severity::Error));
        ImGui::TextWrapped("%s", v.text.c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (ImGui::SmallButton("Copy##fleet")) {
        ImGui::SetClipboardText(v.text.c_str());
        appendLog(state.view, LogLevel::Info,
                  std::string(kFormats[v.format]) + " copied to the clipboard.");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%zu bytes; comments are left out of what an MDM receives", v.text.size());
    if (v.intune) drawIntuneSettingCopy(state, *v.intune);
    ImGui::BeginChild("fleet-text", ImVec2(0, 0), ImGuiChildFlags_None,
                      ImGuiWindowFlags_HorizontalScrollbar);
    if (state.view.fonts.mono) ImGui::PushFont(state.view.fonts.mono);
    // Long text is clipped line by line by ImGui itself: only the visible lines cost a frame.
    ImGui::TextUnformatted(v.text.data(), v.text.data() + v.text.size());
    if (state.view.fonts.mono) ImGui::PopFont();
    ImGui::EndChild();
}

} // namespace aovpn::ui
