// DeviceCompliance: Entra ID conditional access. Windows asks Entra for a short-lived
// certificate for the VPN, and Sso picks the certificate used for Kerberos single sign-on to
// on-premises resources once connected.
#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "widgets.hpp"

#include <string>
#include <utility>

namespace aovpn::ui {

namespace {

// A cleared checkbox means "absent" here (false is the CSP's default), so turning everything
// off removes the element instead of writing a block of falses.
bool checkAbsentWhenOff(const char* label, std::optional<bool>& value) {
    bool v = value.value_or(false);
    if (!ImGui::Checkbox(label, &v)) return false;
    if (v)
        value = true;
    else
        value.reset();
    return true;
}

} // namespace

void drawDeviceCompliance(AppState& state) {
    Profile& p = state.doc.profile;
    // Edits go to a copy, so merely drawing never creates the element.
    DeviceCompliance edited = p.deviceCompliance.value_or(DeviceCompliance{});
    Sso sso = edited.sso.value_or(Sso{});
    std::string editKey;
    bool changed = false;

    ImGui::Separator();
    ImGui::TextUnformatted("Conditional access");
    changed |= checkAbsentWhenOff("DeviceCompliance", edited.enabled);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Entra ID conditional access: the device must be compliant.");
    // The SSO rows matter only with compliance on; a read Sso block stays visible regardless.
    if (edited.enabled.value_or(false) || edited.sso) {
        changed |= checkAbsentWhenOff("Compliance SSO", sso.enabled);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Use a certificate other than the VPN's for Kerberos sign-on.");
        fieldLabel("SSO EKU");
        if (inputOptText("##SSO EKU", sso.eku, "EKU OIDs, comma-separated")) {
            changed = true;
            editKey = "SsoEku";
        }
        fieldLabel("SSO issuer hash");
        if (inputOptText("##SSO issuer hash", sso.issuerHash, "issuing CA SHA-1, hex")) {
            changed = true;
            editKey = "SsoIssuerHash";
        }
    }
    if (!changed) return;
    if (!sso.enabled && !sso.eku && !sso.issuerHash && sso.extra.empty())
        edited.sso.reset();
    else
        edited.sso = std::move(sso);
    if (!edited.enabled && !edited.sso && edited.extra.empty())
        p.deviceCompliance.reset();
    else
        p.deviceCompliance = std::move(edited);
    markEdited(state, editKey);
}

} // namespace aovpn::ui
