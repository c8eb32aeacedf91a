// Graph JSON and SyncML (model/exports_mdm.hpp), and the Intune quirks.
#include "model/exports_mdm.hpp"

#include "model/escape.hpp"
#include "model/product_info.hpp"

#include <fmt/format.h>

#include <array>

namespace aovpn {
namespace {

constexpr std::array<QuirkInfo, 2> kQuirks{{
    {"--quirk-server-twice", "lists each server as fqdn;fqdn",
     "Richard Hicks's Windows 11 samples list the VPN server twice \"by design\": \"This is "
     "required when deploying XML with Intune to Windows 11 devices.\" Windows itself reads the "
     "second copy as the friendly name."},
    {"--quirk-machine-eap", "adds <MachineMethod>Eap</MachineMethod> to a user tunnel using EAP",
     "His samples note that \"the machine EAP method must be present when deploying XML with "
     "Intune to Windows 11 devices\"; the published schema allows only one method, and a user "
     "tunnel does not use it."},
}};

void appendUtf16Escape(std::string& out, unsigned unit) {
    out += fmt::format("\\u{:04x}", unit);
}

} // namespace

std::span<const QuirkInfo> intuneQuirks() {
    return kQuirks;
}

Profile withIntuneQuirks(Profile profile, const IntuneQuirks& quirks) {
    if (!profile.nativeProfile) return profile;
    NativeProfile& np = *profile.nativeProfile;
    if (quirks.serverListedTwice)
        for (VpnServer& s : np.servers)
            if (!s.friendlyName) s.friendlyName = s.fqdn;
    const bool userTunnel = !profile.deviceTunnel.value_or(false);
    if (quirks.machineMethodEap && userTunnel && np.authentication &&
        np.authentication->userMethod && np.authentication->userMethod->value == UserMethod::Eap &&
        !np.authentication->machineMethod)
        np.authentication->machineMethod = MachineMethod::Eap;
    return profile;
}

std::string jsonString(std::string_view s) {
    std::string out = "\"";
    out.reserve(s.size() + s.size() / 8 + 2);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            appendUtf16Escape(out, c);
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else { // a UTF-8 sequence (the writer's text is valid UTF-8)
            const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            char32_t cp = c & (0x7F >> len);
            for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
                cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
            i += len - 1;
            if (cp >= 0x10000) {
                cp -= 0x10000;
                appendUtf16Escape(out, 0xD800 + static_cast<unsigned>(cp >> 10));
                appendUtf16Escape(out, 0xDC00 + static_cast<unsigned>(cp & 0x3FF));
            } else {
                appendUtf16Escape(out, static_cast<unsigned>(cp));
            }
        }
    }
    out += '"';
    return out;
}

TextExport graphCustomConfigurationJson(const ExportInput& in) {
    const IntuneResult oma = intuneOmaUri(in); // the same OMA-URI and value as the Intune page
    if (!oma.ok) return {false, {}, oma.error};
    const std::string tunnel = in.deviceTunnel ? "device" : "user";
    std::string json = "{\n";
    json += "  \"@odata.type\": \"#microsoft.graph.windows10CustomConfiguration\",\n";
    json += fmt::format("  \"displayName\": {},\n", jsonString(in.profileName));
    json += fmt::format(
        "  \"description\": {},\n",
        jsonString(fmt::format("Always On VPN {} tunnel profile ({})", tunnel, productBanner())));
    json += "  \"omaSettings\": [\n    {\n";
    json += "      \"@odata.type\": \"#microsoft.graph.omaSettingString\",\n";
    json += fmt::format("      \"displayName\": {},\n", jsonString(in.profileName + " ProfileXML"));
    json += fmt::format("      \"description\": {},\n",
                        jsonString("VPNv2 CSP ProfileXML for the " + tunnel + " tunnel"));
    json += fmt::format("      \"omaUri\": {},\n", jsonString(oma.setting.omaUri));
    json += fmt::format("      \"value\": {}\n", jsonString(oma.setting.value));
    json += "    }\n  ]\n}\n";
    return {true, std::move(json), {}};
}

TextExport syncMlCommand(const ExportInput& in, SyncMlCommand command) {
    const IntuneResult oma = intuneOmaUri(in);
    if (!oma.ok) return {false, {}, oma.error};
    const char* verb = command == SyncMlCommand::Add ? "Add" : "Replace";
    std::string x = "<SyncML xmlns=\"SYNCML:SYNCML1.2\">\n  <SyncBody>\n";
    x += fmt::format("    <{}>\n      <CmdID>1</CmdID>\n      <Item>\n", verb);
    x += fmt::format("        <Target>\n          <LocURI>{}</LocURI>\n        </Target>\n",
                     escapeCimString(oma.setting.omaUri));
    x += "        <Meta>\n          <Format xmlns=\"syncml:metinf\">chr</Format>\n        "
         "</Meta>\n";
    x += "        <Data>" + escapeCimString(oma.setting.value) + "</Data>\n";
    x += fmt::format("      </Item>\n    </{}>\n    <Final/>\n  </SyncBody>\n</SyncML>\n", verb);
    return {true, std::move(x), {}};
}

} // namespace aovpn
