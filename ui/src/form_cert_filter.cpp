// The EAP-TLS certificate filter as lists (TLSExtensions/FilteringInfo): the issuer hashes
// (CAHashList) and the EKUs (EKUMapping, each listed in ClientAuthEKUList). Picking a
// certificate fills both; here they can be seen, narrowed or widened row by row.
#include "ui/certificates.hpp"
#include "ui/document.hpp"
#include "ui/panels.hpp"

#include "rows.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <utility>

namespace aovpn::ui {

namespace {

const std::string kFilter = "NativeProfile/Authentication/Eap/FilteringInfo";

bool drawIssuerHashes(AppState& state, CertFilter& filter, std::string& editKey) {
    CaHashList hashes = filter.caHashList.value_or(CaHashList{});
    ValueList spec{"issuer-hashes",
                   "Issuer hash",
                   "SHA-1 of an issuing CA, hex",
                   "Add an issuer hash",
                   kFilter + "/IssuerHash",
                   [&state](const std::string& thumbprint) { return caName(state, thumbprint); },
                   {}};
    if (!drawValueList(state, spec, hashes.issuerHashes, editKey)) return false;
    if (hashes.issuerHashes.empty()) {
        filter.caHashList.reset(); // an empty list would filter nothing
    } else {
        if (!hashes.enabled) hashes.enabled = true;
        filter.caHashList = std::move(hashes);
    }
    return true;
}

enum class EkuAction { None, Edited, Remove };

EkuAction ekuRow(AppState& state, EkuMap& eku, std::size_t i) {
    const std::string f = kFilter + "/EKUMapping[" + std::to_string(i) + "]";
    const float oidW = ImGui::GetFontSize() * 9.0f;
    EkuAction action = EkuAction::None;
    ImGui::SetNextItemWidth(
        -(oidW + ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().ItemSpacing.x));
    if (fieldWidget(state, f + "/EKUName", [&] {
            return inputText("##EKU name", eku.name, "name, e.g. Client Authentication");
        }))
        action = EkuAction::Edited;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(oidW);
    if (fieldWidget(state, f + "/EKUOID",
                    [&] { return inputText("##EKU OID", eku.oid, "OID, e.g. 1.3.6.1.5.5.7.3.2"); }))
        action = EkuAction::Edited;
    ImGui::SameLine();
    if (ImGui::Button("x##remove eku")) action = EkuAction::Remove;
    fieldIssues(state, f);
    return action;
}

// ClientAuthEKUList names the mapped EKUs (those not listed as any-purpose EKUs).
void syncClientAuthList(CertFilter& filter) {
    const auto anyPurpose = filter.anyPurposeEkuList.value_or(EkuNameList{}).ekuNames;
    std::vector<std::string> names;
    for (const EkuMap& m : filter.ekuMapping)
        if (!m.name.empty() &&
            std::find(anyPurpose.begin(), anyPurpose.end(), m.name) == anyPurpose.end())
            names.push_back(m.name);
    if (names.empty()) {
        filter.clientAuthEkuList.reset();
        return;
    }
    EkuNameList list = filter.clientAuthEkuList.value_or(EkuNameList{});
    if (!list.enabled) list.enabled = true;
    list.ekuNames = std::move(names);
    filter.clientAuthEkuList = std::move(list);
}

bool drawEkus(AppState& state, CertFilter& filter, std::string& editKey) {
    auto& map = filter.ekuMapping;
    RowList rows(state, "ekus", map.size());
    fieldLabel("EKU");
    std::optional<std::size_t> removeAt;
    bool changed = false;
    for (std::size_t i = 0; i < map.size(); ++i) {
        if (i > 0) toWidgetColumn();
        rows.push(i);
        const EkuAction a = ekuRow(state, map[i], i);
        if (a == EkuAction::Edited) editKey = "eku" + std::to_string(rows.key(i));
        if (a == EkuAction::Remove) removeAt = i;
        changed |= a != EkuAction::None;
        ImGui::PopID();
    }
    if (!map.empty()) toWidgetColumn();
    if (ImGui::Button("Add an EKU")) {
        map.push_back(EkuMap{});
        changed = true;
        editKey.clear();
    }
    if (removeAt) {
        map.erase(map.begin() + static_cast<std::ptrdiff_t>(*removeAt));
        rows.erased(*removeAt);
        editKey.clear();
    }
    fieldIssues(state, kFilter + "/EKUMapping");
    if (changed) syncClientAuthList(filter);
    return changed;
}

} // namespace

void drawCertificateFilter(AppState& state) {
    EapTlsSettings* tls = eapTls(state.doc.profile);
    if (!tls) return;
    // Edits go to a copy, so merely drawing never creates the element.
    CertFilter edited = tls->certFilter.value_or(CertFilter{});
    std::string editKey;
    focusIfRequested(state, kFilter); // the filter as a whole: its first row
    bool changed = drawIssuerHashes(state, edited, editKey);
    changed |= drawEkus(state, edited, editKey);
    fieldIssues(state, kFilter);
    if (!changed) return;
    if (edited == CertFilter{})
        tls->certFilter.reset();
    else
        tls->certFilter = std::move(edited);
    markEdited(state, editKey);
}

} // namespace aovpn::ui
