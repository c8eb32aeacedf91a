// The PowerShell deploy script. Values appear ONLY in the assignments at the top, each as a
// single-quoted literal; the body is constant text, so no value can change what the script does.
#include "model/escape.hpp"
#include "model/exports.hpp"
#include "model/product_info.hpp"

#include "base64.hpp"
#include "quote.hpp"

#include <fmt/format.h>

namespace aovpn {
namespace {

// Constant: refers to values only through the variables assigned above it.
constexpr std::string_view kScriptBody = R"PS(
function ConvertTo-CimXml([string]$Xml) {
    # A kept profile comes back raw or already escaped; escape raw text, '&' first.
    if ($Xml.TrimStart().StartsWith('<')) {
        return $Xml.Replace('&', '&amp;').Replace('<', '&lt;').Replace('>', '&gt;').Replace('"', '&quot;')
    }
    return $Xml
}

function New-VpnInstance($Session, $Options, [string]$EscapedXml) {
    $Instance = New-Object Microsoft.Management.Infrastructure.CimInstance $ClassName, $Namespace
    $Instance.CimInstanceProperties.Add([Microsoft.Management.Infrastructure.CimProperty]::Create('ParentID', $ParentId, 'Key'))
    $Instance.CimInstanceProperties.Add([Microsoft.Management.Infrastructure.CimProperty]::Create('InstanceID', $InstanceId, 'Key'))
    $Instance.CimInstanceProperties.Add([Microsoft.Management.Infrastructure.CimProperty]::Create('ProfileXML', $EscapedXml, 'Property'))
    $Session.CreateInstance($Namespace, $Instance, $Options) | Out-Null
}

$Identity = [Security.Principal.WindowsIdentity]::GetCurrent()
if ($DeviceTunnel -and -not $Identity.IsSystem) {
    throw 'A device tunnel must be created as SYSTEM (for example from a scheduled task or PsExec -s).'
}
if ($UserSid -ne '' -and $UserSid -ne $Identity.User.Value -and -not $Identity.IsSystem) {
    throw 'Writing another user''s profile must run as SYSTEM; otherwise the profile lands in the wrong account.'
}

$Session = New-CimSession
try {
    $Options = New-Object Microsoft.Management.Infrastructure.Options.CimOperationOptions
    if ($UserSid -ne '') {
        $Options.SetCustomOption('PolicyPlatformContext_PrincipalContext_Type', 'PolicyPlatform_UserContext', $false)
        $Options.SetCustomOption('PolicyPlatformContext_PrincipalContext_Id', $UserSid, $false)
    }
    $OldXml = $null
    foreach ($Existing in $Session.EnumerateInstances($Namespace, $ClassName, $Options)) {
        if ($Existing.InstanceID -eq $InstanceId) {
            $OldXml = $Existing.ProfileXML
            $Session.DeleteInstance($Namespace, $Existing, $Options)
            Write-Output ('Removed the existing profile ' + $ProfileName + '.')
        }
    }
    try {
        New-VpnInstance $Session $Options $ProfileXml
        Write-Output ('Created the VPN profile ' + $ProfileName + '.')
    } catch {
        $Failure = $_
        if ($null -ne $OldXml) {
            New-VpnInstance $Session $Options (ConvertTo-CimXml $OldXml)
            Write-Warning 'Creating the new profile failed; the previous profile was restored.'
        }
        throw $Failure
    }
} finally {
    Remove-CimSession $Session
}
)PS";

DeployScriptResult scriptError(std::string message) {
    return {false, {}, std::move(message)};
}

// C0 controls other than tab/LF/CR (and DEL) have no business in a script; NUL in particular
// is handled inconsistently by PowerShell hosts.
bool hasControlChar(std::string_view s) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F) return true;
    }
    return false;
}

bool isAscii(std::string_view s) {
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// The script is ASCII whatever the values hold: saved without its BOM (copied to the clipboard,
// pasted into an editor), Windows PowerShell 5.1 reads it as Windows-1252, where UTF-8 bytes such
// as the 0x92 of "\u0112" are quotes that would end a literal early. Non-ASCII values therefore
// travel as base64 of their UTF-8, decoded when the script runs.
std::string assignment(std::string_view variable, std::string_view value) {
    if (isAscii(value)) return fmt::format("${} = {}\n", variable, powerShellLiteral(value));
    return fmt::format("${} = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('{}'))\n",
                       variable, detail::base64(value));
}

} // namespace

bool isValidSid(std::string_view sid) {
    if (!sid.starts_with("S-1-")) return false;
    const std::vector<std::string_view> parts = detail::splitRaw(sid.substr(4), '-');
    for (std::string_view part : parts)
        if (!detail::allDigits(part) || part.size() > 15) return false;
    return !parts.empty();
}

std::string powerShellLiteral(std::string_view value) {
    std::string out = "'";
    out.reserve(value.size() + 2);
    for (std::size_t i = 0; i < value.size(); ++i) {
        // U+2018..U+201B are E2 80 98..9B in UTF-8.
        const bool curly = value.substr(i, 2) == "\xE2\x80" && i + 2 < value.size() &&
                           static_cast<unsigned char>(value[i + 2]) >= 0x98 &&
                           static_cast<unsigned char>(value[i + 2]) <= 0x9B;
        if (value[i] == '\'') {
            out += "''";
        } else if (curly) {
            const std::string_view quote = value.substr(i, 3);
            out.append(quote).append(quote);
            i += 2;
        } else {
            out += value[i];
        }
    }
    out += '\'';
    return out;
}

DeployScriptResult renderDeployScript(const ExportInput& input,
                                      const DeployScriptOptions& options) {
    const InstanceIdResult id = encodeInstanceId(input.profileName);
    if (!id.ok) return scriptError(id.error);
    if (hasControlChar(input.profileName) || hasControlChar(input.xml))
        return scriptError("The profile name or XML contains a control character; remove it "
                           "before exporting a script.");
    if (!options.userSid.empty() && !isValidSid(options.userSid))
        return scriptError(
            fmt::format("{} is not a user SID (S-1-5-21-...).", detail::quoted(options.userSid)));
    if (!options.userSid.empty() && input.deviceTunnel)
        return scriptError("A device tunnel belongs to the machine; leave the user SID empty.");
    std::string s;
    s.reserve(input.xml.size() * 5 / 4 + kScriptBody.size() + 512);
    s += fmt::format("# {}: create or replace an Always On VPN profile (MDM_VPNv2_01 over CIM).\n",
                     productBanner());
    s += "# Every value below is a single-quoted literal (base64 UTF-8 when it is not ASCII);\n"
         "# ProfileXml is CIM-escaped. The script is plain ASCII, so any encoding reads it.\n";
    s += "$ErrorActionPreference = 'Stop'\n";
    s += assignment("ProfileName", input.profileName);
    s += assignment("InstanceId", id.value);
    s += assignment("UserSid", options.userSid);
    s += fmt::format("$DeviceTunnel = ${}\n", input.deviceTunnel ? "true" : "false");
    s += "$Namespace = 'root\\cimv2\\mdm\\dmmap'\n";
    s += "$ClassName = 'MDM_VPNv2_01'\n";
    s += "$ParentId = './Vendor/MSFT/VPNv2'\n";
    s += assignment("ProfileXml", escapeCimString(input.xml));
    s += kScriptBody;
    return {true, std::move(s), {}};
}

} // namespace aovpn
