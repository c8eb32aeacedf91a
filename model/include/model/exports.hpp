#pragma once
// What the helpdesk takes away from the tool: the ProfileXML file, a PowerShell deploy script,
// and an Intune custom OMA-URI setting. All three start from the writer's XML (profile_xml.hpp).
#include "model/profile.hpp"

#include <string>
#include <string_view>

namespace aovpn {

// Windows 11 + Intune workarounds from Richard Hicks's public samples, applied only to what goes
// to an MDM (Intune OMA-URI, Graph JSON, SyncML) and only when asked: each is a change Windows
// itself does not need, kept because his deployments needed it (intuneQuirks() gives the reason).
struct IntuneQuirks {
    bool serverListedTwice = false; // Servers "vpn.example.net;vpn.example.net"
    bool machineMethodEap = false;  // <MachineMethod>Eap</MachineMethod> beside UserMethod Eap
    bool operator==(const IntuneQuirks&) const = default;
};

// The facts every export needs, taken from a Profile once.
struct ExportInput {
    std::string profileName; // shown to users; becomes the InstanceID
    std::string xml;         // writeProfileXml's output (raw, not CIM-escaped), comments kept
    bool deviceTunnel = false;
    // What an MDM receives: comments left out, the chosen IntuneQuirks applied. Empty: the
    // same as `xml` (the profile has no comments and no quirk is on).
    std::string mdmXml = {};
    const std::string& forMdm() const { return mdmXml.empty() ? xml : mdmXml; }
};
ExportInput exportInputFor(const Profile& profile, const IntuneQuirks& quirks = {});
// The same, reusing `xml` (writeProfileXml(profile) already written, as the preview has it).
ExportInput exportInputFor(const Profile& profile, std::string xml,
                           const IntuneQuirks& quirks = {});

// (a) The .xml file: exactly the writer's output.
std::string profileXmlFileText(const Profile& profile);

// (b) PowerShell deploy script: create-or-replace the MDM_VPNv2_01 instance over CIM.
struct DeployScriptOptions {
    // A user SID ("S-1-5-21-..."): the profile goes into that user's context (the script must
    // then run as SYSTEM unless it is the current user). Empty: the current user, or the
    // machine for a device tunnel.
    std::string userSid;
};
struct DeployScriptResult {
    bool ok = false;
    std::string script; // ASCII only (non-ASCII values travel as base64 UTF-8), so Windows
                        // PowerShell 5.1 reads it right with or without a BOM, in any code page
    std::string error;  // a sentence for the user when not ok
};
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
DeployScriptResult renderDeployScript(const ExportInput& input,
                                      const DeployScriptOptions& options = {});

// A PowerShell single-quoted literal: ' and the quotes PowerShell treats alike (U+2018, U+2019,
// U+201A, U+201B) are doubled, everything else is taken literally (no $, `, or escapes).
std::string powerShellLiteral(std::string_view value);
// "S-1-<authority>-<sub>..." (digits only).
bool isValidSid(std::string_view sid);

// (c) Intune: a custom profile's OMA-URI setting (where to create it: intunePortalPath()).
struct IntuneOmaUriSetting {
    std::string name;
    std::string description;
    std::string omaUri;   // ./User/Vendor/MSFT/VPNv2/<InstanceID>/ProfileXML (./Device/... for a
                          // device tunnel)
    std::string dataType; // "String (XML file)"
    std::string value;    // the raw ProfileXML (ExportInput::forMdm)
};
struct IntuneResult {
    bool ok = false;
    IntuneOmaUriSetting setting;
    std::string error;
};
IntuneResult intuneOmaUri(const ExportInput& input);
// Where in the Intune admin center the custom profile for the setting is created, as one line
// ("Devices > ... > Templates > Custom"); renderIntuneText and the GUI's Intune tab show it.
std::string_view intunePortalPath();
// The setting as text a person can follow field by field, the XML last.
std::string renderIntuneText(const IntuneOmaUriSetting& setting);

} // namespace aovpn
