#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "rows.hpp"
#include "widgets.hpp"

namespace aovpn::ui {

namespace {

std::string field(std::size_t i, std::string_view element) {
    std::string f = "DomainNameInformation[" + std::to_string(i) + "]";
    return element.empty() ? f : f + "/" + std::string(element);
}

constexpr const char* kRowFields[] = {"",           "DomainName",     "DnsServers", "AutoTrigger",
                                      "Persistent", "WebProxyServers"};

bool hasIssues(const AppState& state, std::size_t i) {
    for (const char* el : kRowFields)
        if (state.derived.issuesByField.count(field(i, el))) return true;
    return false;
}

RowAction nrptRow(AppState& state, std::size_t i, bool open) {
    DomainNameInformation& d = state.doc.profile.domainNameInformation[i];
    auto text = [&](const char* element, const char* id, std::optional<std::string>& v,
                    const char* hint) {
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        const std::string f = field(i, element);
        editField(state, f, f, [&] { return inputOptText(id, v, hint); });
    };
    auto check = [&](const char* element, const char* id, std::optional<bool>& v) {
        ImGui::TableNextColumn();
        editField(state, field(i, element), {}, [&] { return checkOpt(id, v, false); });
    };
    text("DomainName", "##nrpt-name", d.domainName, ".corp.contoso.com");
    text("DnsServers", "##nrpt-servers", d.dnsServers, "10.0.0.10,10.0.0.11");
    check("AutoTrigger", "##nrpt-autotrigger", d.autoTrigger);
    check("Persistent", "##nrpt-persistent", d.persistent);
    ImGui::TableNextColumn();
    std::string tip = "Details: web proxy servers";
    if (d.webProxyServers) tip += "\n" + *d.webProxyServers;
    return detailsAndRemove("nrpt", open, d.webProxyServers.has_value(), tip);
}

void nrptArea(AppState& state, std::size_t i, bool open) {
    auto show = [&](const char* element, const char* label) {
        areaMessages(state, field(i, element), label);
    };
    show("", "");
    show("DomainName", "Domain");
    show("DnsServers", "DNS servers");
    show("AutoTrigger", "Auto trigger");
    show("Persistent", "Persistent");
    if (!open) return show("WebProxyServers", "Web proxy servers");
    const std::string f = field(i, "WebProxyServers");
    fieldLabel("Web proxy servers");
    editField(state, f, f, [&] {
        return inputOptText("##Web proxy servers",
                            state.doc.profile.domainNameInformation[i].webProxyServers,
                            "none (e.g. proxy.corp.contoso.com:8080)");
    });
    fieldIssues(state, f);
}

void setupColumns() {
    ImGui::TableSetupColumn("Domain", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("DNS servers", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Auto trigger", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Persistent", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, detailsAndRemoveWidth());
}

void drawNrpt(AppState& state) {
    auto& rules = state.doc.profile.domainNameInformation;
    RowList rows(state, "nrpt", rules.size());
    ImGui::TextUnformatted("Name resolution (NRPT) rules");
    RowAction action = RowAction::None;
    std::size_t at = 0;
    RowTable table;
    table.id = "nrpt";
    table.columns = 5;
    table.setupColumns = setupColumns;
    table.row = [&](std::size_t i) {
        if (const RowAction a = nrptRow(state, i, rows.isOpen(i)); a != RowAction::None) {
            action = a;
            at = i;
        }
    };
    table.hasArea = [&](std::size_t i) { return rows.isOpen(i) || hasIssues(state, i); };
    table.area = [&](std::size_t i) { nrptArea(state, i, rows.isOpen(i)); };
    drawRowTable(rows, table);
    if (action == RowAction::ToggleDetails) rows.toggleOpen(at);
    if (action == RowAction::Remove) {
        rules.erase(rules.begin() + static_cast<std::ptrdiff_t>(at));
        rows.erased(at);
        markEdited(state, {});
    }
    if (ImGui::Button("Add an NRPT rule")) {
        rules.push_back(DomainNameInformation{});
        markEdited(state, {});
    }
    fieldIssues(state, "DomainNameInformation");
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
