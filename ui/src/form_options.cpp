#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "widgets.hpp"

namespace aovpn::ui {

namespace {

struct Flag {
    const char* label;
    const char* field; // validation path
    std::optional<bool> Profile::*member;
    const char* help;
};

constexpr Flag kFlags[] = {
    {"AlwaysOn", "AlwaysOn", &Profile::alwaysOn, "Connect automatically at sign-in."},
    {"RememberCredentials", "RememberCredentials", &Profile::rememberCredentials,
     "Cache the credentials (user tunnel)."},
    {"ByPassForLocal", "ByPassForLocal", &Profile::byPassForLocal,
     "Keep local subnet traffic off the tunnel."},
    {"LockDown", "LockDown", &Profile::lockDown, "Force all traffic through the VPN (locked)."},
    {"DisableAdvancedOptionsEditButton", "DisableAdvancedOptionsEditButton",
     &Profile::disableAdvancedOptionsEditButton, "Hide the Advanced options edit button."},
    {"DisableDisconnectButton", "DisableDisconnectButton", &Profile::disableDisconnectButton,
     "Hide the Disconnect button."},
    {"RequireVpnClientAppUI", "RequireVpnClientAppUI", &Profile::requireVpnClientAppUi,
     "Require the VPN client app's UI."},
    {"DisableIKEv2Fragmentation", "DisableIKEv2Fragmentation", &Profile::disableIkev2Fragmentation,
     "Windows 11: turn off IKE fragmentation."},
    {"PrivateNetwork", "PrivateNetwork", &Profile::privateNetwork,
     "Windows 11: mark the VPN network private."},
    {"UseRasCredentials", "UseRasCredentials", &Profile::useRasCredentials,
     "Windows 11: use the RAS credentials for single sign-on."},
    {"AlwaysOnActive", "AlwaysOnActive", &Profile::alwaysOnActive,
     "Windows 11: keep AlwaysOn turned on."},
};

// Proxy edits a copy, so drawing never creates the element; an edit that empties both fields
// removes it again.
void drawProxy(AppState& state) {
    Profile& p = state.doc.profile;
    Proxy edited = p.proxy.value_or(Proxy{});
    bool changed = false;
    fieldLabel("Proxy PAC URL");
    changed |= inputOptText("##Proxy PAC URL", edited.autoConfigUrl, "http://proxy/proxy.pac");
    fieldLabel("Proxy server");
    changed |= inputOptText("##Proxy server", edited.manualServer, "proxy.contoso.com:8080");
    if (!changed) return;
    if (!edited.autoConfigUrl && !edited.manualServer && edited.extra.empty())
        p.proxy.reset();
    else
        p.proxy = std::move(edited);
    markEdited(state, "Proxy");
}

} // namespace

void drawOptionsSection(AppState& state) {
    Profile& p = state.doc.profile;
    for (const Flag& f : kFlags) {
        focusIfRequested(state, f.field);
        if (checkOpt(f.label, p.*f.member, false)) markEdited(state, {});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.help);
        fieldIssues(state, f.field);
    }
    if (NativeProfile* np = p.nativeProfile ? &*p.nativeProfile : nullptr) {
        if (checkOpt("DisableClassBasedDefaultRoute", np->disableClassBasedDefaultRoute, false))
            markEdited(state, {});
        fieldIssues(state, "NativeProfile/DisableClassBasedDefaultRoute");
        if (checkOpt("PlumbIKEv2TSAsRoutes", np->plumbIkev2TsAsRoutes, false))
            markEdited(state, {});
    }
    fieldLabel("Network outage time");
    if (inputOptNumber("##NetworkOutageTime", p.networkOutageTime, "seconds", &state.view))
        markEdited(state, "NOT");
    fieldLabel("IPv4 interface metric");
    if (inputOptNumber("##IPv4InterfaceMetric", p.ipv4InterfaceMetric, nullptr, &state.view))
        markEdited(state, "IM4");
    drawProxy(state);
    fieldIssues(state, "Proxy");
    drawDeviceCompliance(state);
}

} // namespace aovpn::ui
