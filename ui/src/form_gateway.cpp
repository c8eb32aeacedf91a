// The gateway fields under Check gateway: a custom IPsec policy and the client address pool, as
// the CLI's --gateway-policy and --client-pool, into DocumentState::gateway for the validator.
#include "model/gateway_info.hpp"
#include "ui/gateway_check.hpp"

#include "widgets.hpp"

namespace aovpn::ui {

namespace {

// The document's gateway changed elsewhere (the Azure import, another document): the fields
// show it. A declared policy keeps the text it was parsed from.
void syncFields(const DocumentState& doc, GatewayFieldsView& f) {
    if (doc.gateway == f.madeFrom) return;
    if (!doc.gateway.declaredPolicy) f.policyText.clear();
    f.poolText = formatClientPools(doc.gateway.clientAddressPools);
    f.policyError.clear();
    f.poolError.clear();
    f.madeFrom = doc.gateway;
}

// The gateway is beside the profile: no undo step, not unsaved; the findings are rebuilt.
void applyGateway(AppState& state, GatewayInfo gateway) {
    state.doc.gateway = std::move(gateway);
    state.view.gatewayCheck.fields.madeFrom = state.doc.gateway;
    state.derived.revision = 0;
}

void errorLine(const std::string& error) {
    if (error.empty()) return;
    toWidgetColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, severityColour(Severity::Error));
    ImGui::TextWrapped("%s", error.c_str());
    ImGui::PopStyleColor();
}

void labelTip(const char* tip) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
}

} // namespace

void drawGatewayFields(AppState& state) {
    GatewayFieldsView& f = state.view.gatewayCheck.fields;
    syncFields(state.doc, f);
    const bool azure = applicablePolicy(state.doc.profile, GatewayInfo{}) == &azureDefaultPolicy();

    fieldLabel("Gateway policy");
    labelTip("The gateway's custom IPsec policy, as given to Set-AzVpnClientIpsecParameter "
             "(Azure) or Set-VpnServerConfiguration -CustomPolicy (RRAS). The suite is checked "
             "against it instead of Azure's default policy. Kept beside the profile, not in it.");
    if (inputText("##Gateway policy", f.policyText,
                  azure ? "Azure's default P2S policy (or: -IkeEncryption GCMAES256 ...)"
                        : "not known (or: -IkeEncryption GCMAES256 ...)")) {
        GatewayInfo gw = state.doc.gateway;
        gw.declaredPolicy.reset();
        f.policyError.clear();
        if (!trimSpaces(f.policyText).empty()) {
            ParseResult<GatewayPolicy> policy = parseAzureIpsecParameters(f.policyText);
            if (policy.ok)
                gw.declaredPolicy = std::move(policy.value);
            else
                f.policyError = "Not used: " + policy.error;
        }
        applyGateway(state, std::move(gw));
    }
    errorLine(f.policyError);
    if (state.doc.gateway.declaredPolicy) {
        toWidgetColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Declared: %s",
                           describePolicy(*state.doc.gateway.declaredPolicy).c_str());
        ImGui::PopStyleColor();
    }

    fieldLabel("Client pool");
    labelTip("The VPN client address pool (Azure: VpnClientAddressPool; the package import "
             "fills it). A route into it is flagged. Kept beside the profile, not in it.");
    if (inputText("##Client pool", f.poolText,
                  "e.g. 172.16.201.0/24 (prefixes, comma-separated)")) {
        ParseResult<std::vector<IpPrefix>> pools = parseClientPools(f.poolText);
        f.poolError = pools.ok ? std::string() : "Not used: " + pools.error;
        GatewayInfo gw = state.doc.gateway;
        gw.clientAddressPools = pools.ok ? std::move(pools.value) : std::vector<IpPrefix>{};
        applyGateway(state, std::move(gw));
    }
    errorLine(f.poolError);
}

} // namespace aovpn::ui
