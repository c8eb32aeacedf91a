#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "widgets.hpp"

namespace aovpn::ui {

namespace {

std::string field(std::size_t i, const char* element) {
    return "DomainNameInformation[" + std::to_string(i) + "]/" + element;
}

bool nrptRow(AppState& state, std::size_t i) {
    DomainNameInformation& d = state.doc.profile.domainNameInformation[i];
    ImGui::TableNextRow();
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextColumn();
    focusIfRequested(state, field(i, "DomainName"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (inputOptText("##nrpt-name", d.domainName, ".corp.contoso.com"))
        markEdited(state, field(i, "DomainName"));
    ImGui::TableNextColumn();
    focusIfRequested(state, field(i, "DnsServers"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (inputOptText("##nrpt-servers", d.dnsServers, "10.0.0.10,10.0.0.11"))
        markEdited(state, field(i, "DnsServers"));
    ImGui::TableNextColumn();
    if (checkOpt("##nrpt-autotrigger", d.autoTrigger, false)) markEdited(state, {});
    ImGui::TableNextColumn();
    if (checkOpt("##nrpt-persistent", d.persistent, false)) markEdited(state, {});
    ImGui::TableNextColumn();
    const bool remove = ImGui::SmallButton("x##remove-nrpt");
    ImGui::PopID();
    return remove;
}

void drawNrpt(AppState& state) {
    auto& rules = state.doc.profile.domainNameInformation;
    ImGui::TextUnformatted("Name resolution (NRPT) rules");
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    int removeAt = -1;
    if (!rules.empty() && ImGui::BeginTable("nrpt", 5, kFlags)) {
        ImGui::TableSetupColumn("Domain", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("DNS servers", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("Auto trigger", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("Persistent", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.5f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < rules.size(); ++i)
            if (nrptRow(state, i)) removeAt = static_cast<int>(i);
        ImGui::EndTable();
    }
    if (removeAt >= 0) {
        rules.erase(rules.begin() + removeAt);
        markEdited(state, {});
    }
    if (ImGui::Button("Add an NRPT rule")) {
        rules.push_back(DomainNameInformation{});
        markEdited(state, {});
    }
    for (std::size_t i = 0; i < rules.size(); ++i) {
        fieldIssues(state, field(i, "DomainName"));
        fieldIssues(state, field(i, "DnsServers"));
    }
}

} // namespace

void drawDnsSection(AppState& state) {
    Profile& p = state.doc.profile;
    fieldLabel("DNS suffixes");
    focusIfRequested(state, "DnsSuffix");
    if (inputOptText("##DNS suffixes", p.dnsSuffix, "corp.contoso.com,contoso.com"))
        markEdited(state, "DnsSuffix");
    fieldIssues(state, "DnsSuffix");
    fieldLabel("Trusted networks");
    focusIfRequested(state, "TrustedNetworkDetection");
    if (inputOptText("##Trusted networks", p.trustedNetworkDetection, "corp.contoso.com"))
        markEdited(state, "TrustedNetworkDetection");
    fieldIssues(state, "TrustedNetworkDetection");
    fieldLabel("Register in DNS");
    if (checkOpt("##RegisterDNS", p.registerDns, false)) markEdited(state, {});
    drawNrpt(state);
}

} // namespace aovpn::ui
