#pragma once
// Exports that reach a fleet: a Microsoft Graph request body for Intune, a SyncML command for
// any MDM, and the Windows 11 Intune quirks as options (see IntuneQuirks in exports.hpp).
#include "model/exports.hpp"

#include <span>
#include <string>
#include <string_view>

namespace aovpn {

struct QuirkInfo {
    std::string_view option; // the CLI switch
    std::string_view what;   // the change it makes
    std::string_view reason; // why an admin would want it
};
// serverListedTwice, then machineMethodEap.
std::span<const QuirkInfo> intuneQuirks();
// `profile` with the chosen quirks applied.
Profile withIntuneQuirks(Profile profile, const IntuneQuirks& quirks);

struct TextExport {
    bool ok = false;
    std::string text;  // the export, when ok
    std::string error; // a sentence for the user when not ok
};

// Body of POST https://graph.microsoft.com/v1.0/deviceManagement/deviceConfigurations (or
// Invoke-MgGraphRequest / New-MgDeviceManagementDeviceConfiguration -BodyParameter): a
// #microsoft.graph.windows10CustomConfiguration with displayName, description and one
// #microsoft.graph.omaSettingString (displayName, description, omaUri, value = the ProfileXML).
// Those are the only Graph fields relied on. ASCII JSON: non-ASCII as \uXXXX escapes.
TextExport graphCustomConfigurationJson(const ExportInput& input);

// A SyncML message with one Add (create) or Replace (existing profile) of
// ./User|Device/Vendor/MSFT/VPNv2/<InstanceID>/ProfileXML, Format chr, the ProfileXML
// XML-escaped in <Data> (escapeCimString).
enum class SyncMlCommand { Add, Replace };
TextExport syncMlCommand(const ExportInput& input, SyncMlCommand command);

// A JSON string literal (quotes included): ", \\ and control characters escaped, non-ASCII as
// \uXXXX (surrogate pairs beyond the BMP).
std::string jsonString(std::string_view utf8);

} // namespace aovpn
