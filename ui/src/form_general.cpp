#include "ui/document.hpp"
#include "ui/panels.hpp"
#include "ui/templates.hpp"

#include "rows.hpp"
#include "widgets.hpp"

#include <string>

namespace aovpn::ui {

namespace {

void drawServers(AppState& state) {
    auto& servers = state.doc.profile.nativeProfile->servers;
    RowList rows(state, "servers", servers.size());
    fieldLabel("Servers");
    std::optional<std::size_t> removeAt;
    const float nameW = ImGui::GetFontSize() * 9.0f;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        rows.push(i);
        const std::string field = "NativeProfile/Servers[" + std::to_string(i) + "]";
        if (i > 0) toWidgetColumn();
        // The friendly name goes under the address where beside it would squeeze the address.
        const float xW = ImGui::GetFrameHeight() + 16.0f;
        const bool nameBelow = ImGui::GetContentRegionAvail().x - nameW - xW < minFieldWidth();
        ImGui::SetNextItemWidth(-(nameBelow ? xW : nameW + xW));
        editField(state, field, field + "/fqdn", [&] {
            const bool typed =
                inputText("##Server FQDN", servers[i].fqdn, "FQDN or IP, e.g. vpn.contoso.com");
            return trimOnEntry(servers[i].fqdn) || typed;
        });
        if (nameBelow)
            toWidgetColumn();
        else
            ImGui::SameLine();
        ImGui::SetNextItemWidth(nameBelow ? -xW : nameW);
        editField(state, field + "/name", field + "/name", [&] {
            const bool typed =
                inputOptText("##Server friendly name", servers[i].friendlyName, "friendly name");
            return trimOnEntry(servers[i].friendlyName) || typed;
        });
        ImGui::SameLine();
        if (ImGui::Button("x##remove server")) removeAt = i;
        fieldIssues(state, field);
        ImGui::PopID();
    }
    toWidgetColumn();
    if (ImGui::Button("Add server")) {
        servers.push_back(VpnServer{});
        markEdited(state, {});
    }
    if (removeAt) {
        servers.erase(servers.begin() + static_cast<std::ptrdiff_t>(*removeAt));
        rows.erased(*removeAt);
        markEdited(state, {});
    }
    fieldIssues(state, "NativeProfile/Servers");
}

void drawTunnelKind(AppState& state) {
    Profile& p = state.doc.profile;
    const bool device = p.deviceTunnel.value_or(false);
    fieldLabel("Tunnel");
    const int picked = radioRow({"User tunnel", "Device tunnel"}, device ? 1 : 0);
    if (picked == 0) {
        const bool kept = state.doc.userTunnelAside.has_value();
        setDeviceTunnel(p, false, &state.doc.userTunnelAside);
        markEdited(state, {});
        if (kept)
            appendLog(state.view, LogLevel::Info,
                      "User tunnel: its certificate filter, server validation, protocol, routing "
                      "and Remember credentials are back as they were.");
    } else if (picked == 1) {
        setDeviceTunnel(p, true, &state.doc.userTunnelAside);
        markEdited(state, {});
        appendLog(state.view, LogLevel::Info,
                  "Device tunnel: machine certificate, IKEv2, split tunnel. The user-tunnel "
                  "settings are kept aside and come back if you switch back to User tunnel.");
    }
    fieldIssues(state, "DeviceTunnel");
}

void drawRouting(AppState& state) {
    NativeProfile& np = *state.doc.profile.nativeProfile;
    const bool force =
        np.routingPolicyType && np.routingPolicyType->value == RoutingPolicy::ForceTunnel;
    fieldLabel("Routing");
    const int picked = radioRow({"Split tunnel", "Force tunnel"}, force ? 1 : 0);
    if (picked >= 0) {
        np.routingPolicyType =
            picked == 1 ? RoutingPolicy::ForceTunnel : RoutingPolicy::SplitTunnel;
        markEdited(state, {});
    }
    fieldIssues(state, "NativeProfile/RoutingPolicyType");
}

} // namespace

void drawGeneralSection(AppState& state) {
    Profile& p = state.doc.profile;
    fieldLabel("Profile name");
    focusIfRequested(state, "ProfileName");
    if (inputOptText("##Profile name", p.profileName, "e.g. Contoso VPN"))
        markEdited(state, "ProfileName");
    fieldIssues(state, "ProfileName");

    drawTunnelKind(state);
    if (!p.nativeProfile) {
        ImGui::TextWrapped("A plug-in (third-party VPN) profile: its settings are kept as read.");
        return;
    }
    drawServers(state);

    fieldLabel("Protocol");
    focusIfRequested(state, "NativeProfile/NativeProtocolType");
    if (comboKnown("##Protocol", p.nativeProfile->nativeProtocolType, true)) markEdited(state, {});
    fieldIssues(state, "NativeProfile/NativeProtocolType");
    drawProtocolList(state);

    drawRouting(state);
}

} // namespace aovpn::ui
