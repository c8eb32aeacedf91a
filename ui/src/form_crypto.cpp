#include "ui/document.hpp"
#include "ui/gateway_check.hpp"
#include "ui/panels.hpp"
#include "ui/templates.hpp"

#include "widgets.hpp"

namespace aovpn::ui {

namespace {

// The buttons wrap to the next line where the column ends (a narrow form cut them off).
void presetButtons(AppState& state, NativeProfile& np) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const CryptoPresetInfo& preset : cryptoPresets()) {
        const bool weak = preset.id == CryptoPreset::WindowsDefault;
        const std::string label = std::string(preset.title) + (weak ? " (weak)" : "");
        const float w = ImGui::CalcTextSize(label.c_str()).x + style.FramePadding.x * 2.0f;
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        first = false;
        if (weak) ImGui::PushStyleColor(ImGuiCol_Text, severityColour(Severity::Warning));
        if (ImGui::Button(label.c_str())) {
            np.cryptographySuite = makeCryptoSuite(preset.id);
            markEdited(state, {});
            appendLog(state.view, LogLevel::Info,
                      "Crypto suite: " + std::string(preset.title) + " - " +
                          std::string(preset.values) + ".");
        }
        if (weak) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s: %s", std::string(preset.values).c_str(),
                              std::string(preset.note).c_str());
    }
}

template <class E>
void suiteRow(AppState& state, const char* label, const char* element,
              std::optional<Known<E>>& value) {
    const std::string field = std::string("NativeProfile/CryptographySuite/") + element;
    fieldLabel(label);
    focusIfRequested(state, field);
    const std::string id = std::string("##") + label;
    if (comboKnown(id.c_str(), value, true)) markEdited(state, {});
    fieldIssues(state, field);
}

} // namespace

void drawCryptoSection(AppState& state) {
    Profile& p = state.doc.profile;
    if (!p.nativeProfile) return;
    NativeProfile& np = *p.nativeProfile;
    ImGui::TextDisabled("IKEv2 proposals; the server must match, or the connection fails (13868).");
    presetButtons(state, np);
    drawCheckGatewayButton(state);
    drawGatewayFields(state);
    fieldIssues(state, "NativeProfile/CryptographySuite");
    if (!np.cryptographySuite) {
        const std::string note(cryptoPresetInfo(CryptoPreset::WindowsDefault).note);
        ImGui::TextWrapped("Not set: %s.", note.c_str());
        return;
    }
    CryptographySuite& s = *np.cryptographySuite;
    suiteRow(state, "Auth transform", "AuthenticationTransformConstants",
             s.authenticationTransformConstants);
    suiteRow(state, "Cipher transform", "CipherTransformConstants", s.cipherTransformConstants);
    suiteRow(state, "PFS group", "PfsGroup", s.pfsGroup);
    suiteRow(state, "DH group", "DHGroup", s.dhGroup);
    suiteRow(state, "Integrity", "IntegrityCheckMethod", s.integrityCheckMethod);
    suiteRow(state, "Encryption", "EncryptionMethod", s.encryptionMethod);
}

} // namespace aovpn::ui
