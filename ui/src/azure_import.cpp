// The Azure package import in the window: the same reader and import as `aovpn import-azure`.
#include "ui/azure_import.hpp"

#include "model/azure_package.hpp"
#include "model/utf8_path.hpp"
#include "platform/package_reader.hpp"
#include "ui/dialogs.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"

namespace aovpn::ui {

namespace {

// CustomDnsServers: offered as an NRPT rule (the CLI's --nrpt NAMESPACE). The namespace is the
// admin's to type: the new rule's DomainName gets the focus (and an error until it is filled).
void offerNrpt(AppState& state, const std::vector<std::string>& dns) {
    if (dns.empty()) return;
    std::string servers;
    for (const std::string& d : dns)
        servers += (servers.empty() ? "" : ",") + d;
    auto add = [servers](AppState& s) {
        auto& rules = s.doc.profile.domainNameInformation;
        DomainNameInformation rule;
        rule.dnsServers = servers;
        rules.push_back(std::move(rule));
        markEdited(s, {});
        s.view.focusField =
            "DomainNameInformation[" + std::to_string(rules.size() - 1) + "]/DomainName";
    };
    ask(state, Question{"DNS servers in the package",
                        "The package names the VNet's DNS servers " + servers +
                            " (CustomDnsServers). Add an NRPT rule that sends your internal "
                            "namespace (e.g. .corp.contoso.com) to them through the tunnel? "
                            "The namespace is yours to type in the new rule.",
                        {{"Add a rule for these servers", add}, {"Not now", {}}}});
}

} // namespace

void requestImportAzure(AppState& state) {
    whenChangesSettled(state, "importing an Azure VPN client package",
                       [](AppState& s) { requestFile(s, FileAction::ImportAzure); });
}

bool importAzureFile(AppState& state, const std::string& path) {
    auto entries = platform::readPackage(pathFromUtf8(path), azurePackageWants);
    if (!entries) {
        reportError(state, "Import failed", entries.error());
        return false;
    }
    ParseResult<AzureImport> imported = importAzurePackage(entries.value());
    if (!imported.ok) {
        platform::Error e;
        e.action = "Import the Azure VPN client package " + path;
        e.meaning = imported.error;
        e.nextStep = "Download the package again from the Azure portal (Point-to-site "
                     "configuration > Download VPN client) for a gateway with IKEv2 and "
                     "certificate authentication.";
        reportError(state, "Import failed", e);
        return false;
    }
    AzureImport& in = imported.value;
    loadDocument(state, std::move(in.profile), {});
    state.doc.gateway = std::move(in.gateway);
    ++state.doc.revision; // imported, not saved: Save asks where
    appendLog(state.view, LogLevel::Info, "Imported the Azure VPN client package.");
    for (const std::string& s : in.summary)
        appendLog(state.view, LogLevel::Info, "Imported: " + s);
    for (const std::string& t : in.todo)
        appendLog(state.view, LogLevel::Warning, "To do: " + t);
    offerNrpt(state, in.customDns);
    return true;
}

} // namespace aovpn::ui
