// The Azure package import in the window: the same reader and import as `aovpn import-azure`.
#include "ui/azure_import.hpp"

#include "model/azure_package.hpp"
#include "model/utf8_path.hpp"
#include "platform/package_reader.hpp"
#include "ui/dialogs.hpp"
#include "ui/document.hpp"
#include "ui/file_ops.hpp"

namespace aovpn::ui {

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
    return true;
}

} // namespace aovpn::ui
