#include "ui/certificates.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"
#include "ui/panels.hpp"

#include "rows.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

namespace aovpn::ui {

namespace {

void certificateRow(AppState& state, int i, std::chrono::sys_seconds now) {
    const auto& c = state.certs.certs[static_cast<std::size_t>(i)];
    const std::string why = unusableReason(c, now);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(i);
    if (!why.empty())
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const std::string label = (c.commonName.empty() ? c.subject : c.commonName) + "##cert";
    // A greyed row takes the click too: pickCertificate answers it with the reason.
    if (ImGui::Selectable(label.c_str(), state.certs.picked == i,
                          ImGuiSelectableFlags_SpanAllColumns))
        pickCertificate(state, i);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\nThumbprint %s%s%s", c.subject.c_str(), c.thumbprint.c_str(),
                          why.empty() ? "" : "\n", unusableExplanation(c, now).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.issuerCommonName.empty() ? c.issuer.c_str()
                                                      : c.issuerCommonName.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(dateOf(c.validTo).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.hasPrivateKey ? "yes" : "no");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.clientAuth || !c.hasEkuExtension ? "yes" : "no");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(why.empty() ? "usable" : why.c_str());
    if (!why.empty()) ImGui::PopStyleColor();
    ImGui::PopID();
}

// The short columns take what their header or widest value needs; the names share the rest.
std::array<Column, 6> certificateColumns(const std::vector<platform::CertificateInfo>& certs,
                                         std::chrono::sys_seconds now) {
    const auto fit = [](const char* widest) { return ImGui::CalcTextSize(widest).x; };
    float status = fit("Status");
    for (const auto& c : certs) {
        const std::string why = unusableReason(c, now);
        status = std::max(status, fit(why.empty() ? "usable" : why.c_str()));
    }
    return {{{"Subject", 3.0f},
             {"Issuer", 2.0f},
             {"Expires", 0.0f, fit("0000-00-00")},
             {"Key", 0.0f, fit("Key")},
             {"Client auth", 0.0f, fit("Client auth")},
             {"Status", 0.0f, status}}};
}

// The filter is by issuer and EKU, not by certificate: say when it still admits several, and
// offer what would leave out the others.
void drawSeveralMatches(AppState& state, std::chrono::sys_seconds now) {
    for (const Issue& issue : storeFindings(state, now)) {
        ImGui::PushStyleColor(ImGuiCol_Text, severityColour(issue.severity));
        ImGui::TextWrapped("%s", issue.message.c_str());
        ImGui::PopStyleColor();
    }
    for (const Narrowing& n : narrowings(state, now)) {
        ImGui::PushID(n.label.c_str());
        if (ImGui::SmallButton(n.label.c_str())) applyNarrowing(state, n);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", n.why.c_str());
        ImGui::PopID();
    }
}

void drawCertificateTable(AppState& state) {
    if (!state.certs.loaded && !state.certs.reading) loadCertificates(state);
    ImGui::TextUnformatted("Client certificate (the pick fills the EAP-TLS filter)");
    nextInRow(ImGui::CalcTextSize("Refresh").x + 2.0f * ImGui::GetStyle().FramePadding.x);
    ImGui::BeginDisabled(state.certs.reading);
    if (ImGui::SmallButton("Refresh")) loadCertificates(state);
    ImGui::EndDisabled();
    disabledTip(state.certs.reading, "The store is being read now.");
    // Whose store: the user the profile is for (also when an admin or SYSTEM reads it).
    // Only where it fits: a wider title line would widen the whole form.
    if (const auto& o = state.certs.owner; !o.description.empty()) {
        const std::string text =
            "Store of " + (o.account.name.empty() ? o.description : o.account.name);
        ImGui::SameLine();
        const bool fits = ImGui::CalcTextSize(text.c_str()).x <= ImGui::GetContentRegionAvail().x;
        if (fits || ImGui::CalcTextSize("(which store?)").x <= ImGui::GetContentRegionAvail().x) {
            ImGui::TextDisabled("%s", fits ? text.c_str() : "(which store?)"); // whose, on hover
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", o.description.c_str());
        } else {
            ImGui::NewLine(); // not even that fits
        }
    }
    if (state.certs.reading) {
        ImGui::TextDisabled("Reading the certificate store...");
        return;
    }
    // The error stands in place of the table: an old list would look current.
    if (!state.certs.loadError.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, severityColour(Severity::Error));
        ImGui::TextWrapped("%s", state.certs.loadError.c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (state.certs.certs.empty()) {
        ImGui::TextDisabled("No certificates in the personal store.");
        return;
    }
    const float rowH = ImGui::GetTextLineHeightWithSpacing();
    const float all = rowH * static_cast<float>(state.certs.certs.size());
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto columns = certificateColumns(state.certs.certs, now);
    const ColumnLayout layout = layoutColumns(columns, ImGui::GetContentRegionAvail().x);
    const auto setup = [&] { setupColumns(columns, layout); };
    const bool wide = beginWide("wide certificates", layout.table);
    if (beginScrollTable("certificates", 6, setup, all, rowH * 5.0f, layout.table)) {
        for (int i = 0; i < static_cast<int>(state.certs.certs.size()); ++i)
            certificateRow(state, i, now);
        endScrollTable();
    }
    endWide(wide);
    drawSeveralMatches(state, now);
}

void drawServerValidation(AppState& state) {
    EapTlsSettings* tls = eapTls(state.doc.profile);
    auto* slot = serverValidation(state.doc.profile);
    if (!tls || !slot) return;
    // Edit a copy: drawing must not create the element, only an edit may.
    ServerValidation edited = slot->value_or(ServerValidation{});
    ServerValidation* sv = &edited;
    const std::string base = "NativeProfile/Authentication/Eap/";
    const std::string sbase = base + "ServerValidation/";
    fieldLabel("Validate server");
    focusIfRequested(state, base + "PerformServerValidation");
    if (checkOpt("##Validate server", tls->performServerValidation, true)) markEdited(state, {});
    fieldIssues(state, base + "PerformServerValidation");
    fieldLabel("Server names");
    focusIfRequested(state, sbase + "ServerNames");
    if (inputOptText("##Server names", sv->serverNames, "vpn.contoso.com;nps.contoso.com")) {
        *slot = edited;
        markEdited(state, "ServerNames");
    }
    fieldIssues(state, sbase + "ServerNames");
    std::string key;
    ValueList roots{"trusted-roots",
                    "Trusted root CA",
                    "SHA-1 thumbprint of the server's root CA",
                    "Add a root thumbprint",
                    sbase + "TrustedRootCA",
                    [&state](const std::string& thumbprint) {
                        const std::string name = caName(state, thumbprint);
                        return name.empty() ? std::string("(not in this store)") : name;
                    },
                    [&state] {
                        if (buttonInRow("From the picked chain")) trustPickedRoot(state);
                        if (buttonInRow("From a file..."))
                            requestFile(state, FileAction::ImportRootCa);
                    }};
    if (drawValueList(state, roots, sv->trustedRootCAs, key)) {
        *slot = edited;
        markEdited(state, key);
    }
    fieldIssues(state, sbase + "TrustedRootCA");
}

// Says what the profile has instead of EAP-TLS, and offers to switch (one undoable step).
void drawNoEapTls(AppState& state) {
    Profile& p = state.doc.profile;
    const auto* a = p.nativeProfile && p.nativeProfile->authentication
                        ? &*p.nativeProfile->authentication
                        : nullptr;
    const char* what = "No authentication method is set.";
    if (a && a->eap && a->eap->kind == EapKind::Empty)
        what = "The EAP configuration is empty (a template still to be filled in).";
    else if (a && a->eap && a->eap->kind == EapKind::Opaque)
        what = "An EAP configuration this form cannot edit; it is kept exactly as read.";
    else if (a && a->userMethod && a->userMethod->value == UserMethod::MSChapv2)
        what = "Password sign-in (MSChapv2).";
    ImGui::TextWrapped("%s", what);
    focusIfRequested(state, "NativeProfile/Authentication/Eap"); // the way to a usable one
    if (ImGui::Button("Use EAP-TLS with a certificate")) {
        auto& np = p.nativeProfile ? *p.nativeProfile : p.nativeProfile.emplace();
        auto& auth = np.authentication ? *np.authentication : np.authentication.emplace();
        auth.userMethod = UserMethod::Eap;
        auth.eap = defaultUserTunnelEapTls();
        markEdited(state, {});
    }
    fieldIssues(state, "NativeProfile/Authentication");
    fieldIssues(state, "NativeProfile/Authentication/Eap");
    fieldIssues(state, "NativeProfile/Authentication/UserMethod");
}

} // namespace

void drawAuthSection(AppState& state) {
    Profile& p = state.doc.profile;
    if (p.deviceTunnel.value_or(false)) {
        ImGui::TextWrapped("Device tunnel: the computer signs in with its machine certificate "
                           "(MachineMethod = Certificate).");
        fieldIssues(state, "NativeProfile/Authentication");
        return;
    }
    if (!eapTls(p)) {
        drawNoEapTls(state);
        return;
    }
    drawCertificateTable(state);
    fieldIssues(state, "NativeProfile/Authentication");
    fieldIssues(state, "NativeProfile/Authentication/Eap");
    drawCertificateFilter(state);
    drawServerValidation(state);
}

} // namespace aovpn::ui
