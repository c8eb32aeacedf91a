#pragma once
// What the helpdesk takes away from the tool: the ProfileXML file, a PowerShell deploy script,
// and an Intune custom OMA-URI setting. All three start from the writer's XML (profile_xml.hpp).
#include "model/profile.hpp"

#include <string>
#include <string_view>

namespace aovpn {

// The facts every export needs, taken from a Profile once.
struct ExportInput {
    std::string profileName; // shown to users; becomes the InstanceID
    std::string xml;         // writeProfileXml's output (raw, not CIM-escaped)
    bool deviceTunnel = false;
};
ExportInput exportInputFor(const Profile& profile);

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

// (c) Intune: Devices > Configuration > Windows 10 and later > Templates > Custom.
struct IntuneOmaUriSetting {
    std::string name;
    std::string description;
    std::string omaUri;   // ./User/Vendor/MSFT/VPNv2/<InstanceID>/ProfileXML (./Device/... for a
                          // device tunnel)
    std::string dataType; // "String (XML file)"
    std::string value;    // the raw ProfileXML
};
struct IntuneResult {
    bool ok = false;
    IntuneOmaUriSetting setting;
    std::string error;
};
IntuneResult intuneOmaUri(const ExportInput& input);
// The setting as text a person can follow field by field, the XML last.
std::string renderIntuneText(const IntuneOmaUriSetting& setting);

} // namespace aovpn
