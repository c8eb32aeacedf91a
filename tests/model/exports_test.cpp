#include "model/escape.hpp"
#include "model/exports.hpp"
#include "model/profile_xml.hpp"

#include "powershell_scan.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace aovpn;
using namespace aovpn::test;

namespace {

const char* kSid = "S-1-5-21-3623811015-3361044348-30300820-1013";

ExportInput input(std::string name, bool device = false) {
    // The XML carries the name raw on purpose: the script must hold even text that is not XML.
    std::string xml = "<VPNProfile><ProfileName>" + name +
                      "</ProfileName><NativeProfile><Servers>vpn.example.com</Servers>"
                      "</NativeProfile></VPNProfile>";
    return {std::move(name), std::move(xml), device};
}

std::vector<std::string> hostileNames() {
    std::vector<std::string> names = {
        "PWN'; Remove-Item -Recurse C:\\ ; '",
        "PWN\u2019; Start-Process calc; \u2018",
        "PWN\u201A\u201B'' ''' \u2018\u2018",
        "PWN $(Start-Process calc) ${env:TEMP} `n `$",
        "PWN\"; calc; \"\u201C\u201D\u201E",
        "PWN @'\nStart-Process calc\n'@",
        "PWN # not a comment <# nor this #>",
        "PWN A&B <x> ]]> &amp; &lt;",
        "PWN \u202E\u200F RTL \u05E9\u05DC\u05D5\u05DD caf\u00E9 \U0001F510",
        "PWN\r\nsecond line\ttab",
        "PWN'",
        "'PWN",
        "PWN\\",
        "PWN \u0112 \u2019 (E2 80 99: 0x99 is a trademark sign, 0x92 a quote in 1252)",
        "PWN \xC4\x92'; Start-Process calc; '",
    };
    std::string big = "PWN";
    while (big.size() < 10 * 1024)
        big += "'\u2019\"$`;&<>";
    names.push_back(big);
    return names;
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// The script as PowerShell sees it when it reads `bytes` (UTF-8, or Windows-1252 as 5.1 does
// without a BOM): every value still lands whole in its variable, the marker never in code.
void checkScanHolds(const std::string& script, const ExportInput& in, const std::string& sid) {
    const PsScan scan = scanPowerShell(script);
    REQUIRE_MESSAGE(scan.ok, scan.error);
    CHECK(scan.doubleQuoted == 0);
    CHECK(scan.hereStrings == 0);
    CHECK_FALSE(contains(scan.outside, "PWN"));
    CHECK(psAssignedValue(scan, script, "ProfileName") == in.profileName);
    CHECK(psAssignedValue(scan, script, "InstanceId") == encodeInstanceId(in.profileName).value);
    const auto xml = psAssignedValue(scan, script, "ProfileXml");
    REQUIRE(xml);
    CHECK(unescapeCimString(*xml) == in.xml);
    CHECK(psAssignedValue(scan, script, "UserSid") == sid);
}

void checkScriptHolds(const std::string& name, const std::string& sid) {
    const ExportInput in = input(name);
    const DeployScriptResult r = renderDeployScript(in, {sid});
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(std::all_of(r.script.begin(), r.script.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    checkScanHolds(r.script, in, sid);
    checkScanHolds(psAsWindows1252(r.script), in, sid);
}

} // namespace

TEST_CASE("PowerShell literals double every kind of single quote") {
    CHECK(powerShellLiteral("") == "''");
    CHECK(powerShellLiteral("abc") == "'abc'");
    CHECK(powerShellLiteral("it's") == "'it''s'");
    CHECK(powerShellLiteral("\u2018x\u2019") == "'\u2018\u2018x\u2019\u2019'");
    CHECK(powerShellLiteral("\u201A\u201B") == "'\u201A\u201A\u201B\u201B'");
    CHECK(powerShellLiteral("$x `n \"q\"") == "'$x `n \"q\"'");
    // Neighbours of the quote range stay single.
    CHECK(powerShellLiteral("\u2017\u201C") == "'\u2017\u201C'");
}

TEST_CASE("deploy script: hostile names cannot leave their literal") {
    for (const std::string& name : hostileNames()) {
        CAPTURE(name.substr(0, 60));
        checkScriptHolds(name, "");
        checkScriptHolds(name, kSid);
    }
}

TEST_CASE("deploy script: create-or-replace over CIM with the user context") {
    const DeployScriptResult r = renderDeployScript(input("Contoso AOVPN"), {kSid});
    REQUIRE(r.ok);
    const std::string& s = r.script;
    for (const char* part :
         {"New-CimSession", "EnumerateInstances($Namespace, $ClassName, $Options)",
          "DeleteInstance($Namespace, $Existing, $Options)",
          "CreateInstance($Namespace, $Instance, $Options)", "'root\\cimv2\\mdm\\dmmap'",
          "'MDM_VPNv2_01'", "'./Vendor/MSFT/VPNv2'",
          "'PolicyPlatformContext_PrincipalContext_Type', 'PolicyPlatform_UserContext'",
          "'PolicyPlatformContext_PrincipalContext_Id', $UserSid", "$OldXml = $Existing.ProfileXML",
          "ConvertTo-CimXml $OldXml", "Remove-CimSession", "$InstanceId = 'Contoso%20AOVPN'"}) {
        CAPTURE(part);
        CHECK(contains(s, part));
    }
    // Delete happens after the old XML is kept; create after delete.
    CHECK(s.find("$OldXml = $Existing.ProfileXML") < s.find("DeleteInstance"));
    CHECK(s.find("DeleteInstance") < s.find("New-VpnInstance $Session $Options $ProfileXml"));
    CHECK_FALSE(contains(s, "@'"));
    CHECK_FALSE(contains(s, "Invoke-Expression"));
}

TEST_CASE("deploy script: refuses what it cannot write safely") {
    auto slash = renderDeployScript(input("Corp/VPN"));
    CHECK_FALSE(slash.ok);
    CHECK(contains(slash.error, "'/'"));
    CHECK(slash.script.empty());
    CHECK_FALSE(renderDeployScript(input("")).ok);
    auto badSid = renderDeployScript(input("VPN"), {"S-1-5-21-1'; calc; '"});
    CHECK_FALSE(badSid.ok);
    CHECK(contains(badSid.error, "SID"));
    CHECK_FALSE(renderDeployScript(input("VPN", true), {kSid}).ok);
    CHECK_FALSE(renderDeployScript(input(std::string("VPN\0x", 5))).ok);
    CHECK(renderDeployScript(input("VPN", true)).ok);
}

TEST_CASE("SID syntax") {
    CHECK(isValidSid(kSid));
    CHECK(isValidSid("S-1-5-18"));
    CHECK_FALSE(isValidSid("S-1-"));
    CHECK_FALSE(isValidSid("S-1-5--18"));
    CHECK_FALSE(isValidSid("s-1-5-18"));
    CHECK_FALSE(isValidSid("S-1-5-18 "));
    CHECK_FALSE(isValidSid("S-1-5-x"));
}

TEST_CASE("Intune OMA-URI: user and device scope, raw XML") {
    const ExportInput user = input("Contoso AOVPN");
    auto r = intuneOmaUri(user);
    REQUIRE(r.ok);
    CHECK(r.setting.omaUri == "./User/Vendor/MSFT/VPNv2/Contoso%20AOVPN/ProfileXML");
    CHECK(r.setting.dataType == "String (XML file)");
    CHECK(r.setting.value == user.xml);
    CHECK(r.setting.name == "Contoso AOVPN");
    auto d = intuneOmaUri(input("Device Tunnel", true));
    REQUIRE(d.ok);
    CHECK(d.setting.omaUri == "./Device/Vendor/MSFT/VPNv2/Device%20Tunnel/ProfileXML");
    CHECK(contains(d.setting.description, "device"));
    const std::string text = renderIntuneText(r.setting);
    CHECK(contains(text, "OMA-URI:     ./User/Vendor/MSFT/VPNv2/Contoso%20AOVPN/ProfileXML"));
    CHECK(contains(text, "String (XML file)"));
    // Where the portal creates it (Microsoft Learn, "Create a profile with custom settings").
    CHECK(text.starts_with("Intune admin center: " + std::string(intunePortalPath()) + "\n"));
    CHECK(contains(std::string(intunePortalPath()), "Configuration > Create > New policy"));
    CHECK(contains(std::string(intunePortalPath()), "Templates > Custom"));
    CHECK(text.ends_with(user.xml));
    auto bad = intuneOmaUri(input("A/B"));
    CHECK_FALSE(bad.ok);
    CHECK(contains(bad.error, "'/'"));
}

TEST_CASE("the scanner itself catches a literal that breaks out") {
    const PsScan broken = scanPowerShell("$a = 'x'; calc; 'y");
    CHECK_FALSE(broken.ok);
    const PsScan escaped = scanPowerShell("$a = 'x''; PWN; ''y'");
    REQUIRE(escaped.ok);
    CHECK_FALSE(contains(escaped.outside, "PWN"));
    const PsScan curly = scanPowerShell("$a = 'x\u2019; PWN; \u2018y'");
    REQUIRE(curly.ok);
    CHECK(contains(curly.outside, "PWN")); // an undoubled U+2019 closes the literal
}

TEST_CASE("exports start from the one ProfileXML writer") {
    Profile p;
    p.profileName = "Contoso & Co";
    p.deviceTunnel = true;
    NativeProfile np;
    np.servers = {{"vpn.example.com", std::nullopt}};
    p.nativeProfile = np;
    const ExportInput in = exportInputFor(p);
    CHECK(in.profileName == "Contoso & Co");
    CHECK(in.deviceTunnel);
    CHECK(in.xml == writeProfileXml(p));
    CHECK(profileXmlFileText(p) == in.xml);
    CHECK(contains(in.xml, "Contoso &amp; Co"));
    auto script = renderDeployScript(in);
    REQUIRE(script.ok);
    CHECK(contains(script.script, "Contoso &amp;amp; Co")); // escaped once more for CIM
    CHECK(intuneOmaUri(in).setting.omaUri ==
          "./Device/Vendor/MSFT/VPNv2/Contoso%20%26%20Co/ProfileXML");
}

TEST_CASE("a UTF-8 literal read as Windows-1252 breaks; the script's base64 form does not") {
    // What happened before: "\u0112" is C4 92, and 0x92 is a right single quote in 1252, which
    // PowerShell takes as the end of the literal.
    const std::string utf8Literal = "$ProfileName = " + powerShellLiteral("\u0112; calc; x") + "\n";
    const PsScan broken = scanPowerShell(psAsWindows1252(utf8Literal));
    CHECK(contains(broken.outside, "calc"));
    const DeployScriptResult r = renderDeployScript(input("\u0112; calc; x"));
    REQUIRE(r.ok);
    CHECK(contains(r.script, "$ProfileName = [Text.Encoding]::UTF8.GetString([Convert]::"
                             "FromBase64String('xJI7IGNhbGM7IHg='))\n"));
    CHECK(contains(r.script, "$InstanceId = '%C4%92%3B%20calc%3B%20x'\n"));
}
