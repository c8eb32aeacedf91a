// Exports that reach a fleet: Graph JSON, SyncML, the Intune quirks, and what each keeps.
#include "model/escape.hpp"
#include "model/exports_mdm.hpp"
#include "model/profile_xml.hpp"

#include "profile_test_util.hpp"
#include "validate_fixtures.hpp"

#include <pugixml.hpp>

using namespace aovpn;
using namespace aovpn::test;

namespace {

// The string literal that follows `"key": ` in `json`, decoded (\uXXXX included).
std::optional<std::string> jsonValue(const std::string& json, const std::string& key) {
    const std::size_t at = json.find("\"" + key + "\": \"");
    if (at == std::string::npos) return std::nullopt;
    std::string out;
    for (std::size_t i = at + key.size() + 5; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') return out;
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80)
            return std::nullopt; // JSON text must escape these (and ours is ASCII)
        if (c != '\\') {
            out += c;
            continue;
        }
        const char e = json[++i];
        if (e == 'n')
            out += '\n';
        else if (e == 't')
            out += '\t';
        else if (e == '"' || e == '\\')
            out += e;
        else if (e == 'u') {
            unsigned cp = std::stoul(json.substr(i + 1, 4), nullptr, 16);
            i += 4;
            if (cp >= 0xD800 && cp < 0xDC00) { // a surrogate pair
                const unsigned lo = std::stoul(json.substr(i + 3, 4), nullptr, 16);
                i += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (cp < 0x80)
                out += static_cast<char>(cp);
            else if (cp < 0x800) {
                out += static_cast<char>(0xC0 | (cp >> 6));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out += static_cast<char>(0xE0 | (cp >> 12));
                out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            } else {
                out += static_cast<char>(0xF0 | (cp >> 18));
                out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
                out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            }
        } else
            return std::nullopt;
    }
    return std::nullopt;
}

Profile commented() {
    Profile p = userTunnel();
    p.routes[0].comments = {{" DC01 ", ""}};
    return p;
}

} // namespace

TEST_CASE("Graph JSON: a windows10CustomConfiguration with one omaSettingString") {
    Profile p = commented();
    p.profileName = "Caf\xC3\xA9 \"VPN\" \\ \xF0\x9F\x94\x90";
    const ExportInput in = exportInputFor(p);
    const TextExport r = graphCustomConfigurationJson(in);
    REQUIRE(r.ok);
    CHECK(r.text.find("\"@odata.type\": \"#microsoft.graph.windows10CustomConfiguration\"") !=
          std::string::npos);
    CHECK(r.text.find("\"@odata.type\": \"#microsoft.graph.omaSettingString\"") !=
          std::string::npos);
    CHECK(jsonValue(r.text, "displayName") == *p.profileName);
    CHECK(jsonValue(r.text, "omaUri") ==
          "./User/Vendor/MSFT/VPNv2/" + encodeInstanceId(*p.profileName).value + "/ProfileXML");
    const auto value = jsonValue(r.text, "value");
    REQUIRE(value);
    CHECK(*value == writeProfileXml(p, {false})); // the MDM value: no comments
    CHECK(value->find("DC01") == std::string::npos);
    CHECK(std::all_of(r.text.begin(), r.text.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    CHECK(jsonString("a\x01\x7F") == "\"a\\u0001\\u007f\"");
}

TEST_CASE("SyncML: Add or Replace of the ProfileXML node, escaped once in <Data>") {
    Profile p = commented();
    p.deviceTunnel = true;
    for (const SyncMlCommand cmd : {SyncMlCommand::Add, SyncMlCommand::Replace}) {
        const TextExport r = syncMlCommand(exportInputFor(p), cmd);
        REQUIRE(r.ok);
        pugi::xml_document doc;
        REQUIRE(doc.load_string(r.text.c_str()));
        const char* verb = cmd == SyncMlCommand::Add ? "Add" : "Replace";
        const pugi::xml_node item = doc.child("SyncML").child("SyncBody").child(verb).child("Item");
        REQUIRE(item);
        CHECK(std::string(item.child("Target").child_value("LocURI")) ==
              "./Device/Vendor/MSFT/VPNv2/Contoso%20AOVPN/ProfileXML");
        CHECK(std::string(item.child("Meta").child_value("Format")) == "chr");
        CHECK(std::string(item.child_value("Data")) == writeProfileXml(p, {false}));
        CHECK(doc.child("SyncML").child("SyncBody").child("Final"));
    }
    CHECK_FALSE(syncMlCommand(exportInputFor(Profile{}), SyncMlCommand::Add).ok); // no name
}

TEST_CASE("Intune quirks are off by default and do what they say when on") {
    Profile p = userTunnel();
    CHECK(exportInputFor(p).forMdm() == writeProfileXml(p));
    const ExportInput in = exportInputFor(p, IntuneQuirks{true, true});
    CHECK(in.xml == writeProfileXml(p)); // the file and the WMI string stay as they are
    CHECK(in.forMdm().find("<Servers>vpn.example.com;vpn.example.com</Servers>") !=
          std::string::npos);
    CHECK(in.forMdm().find("<MachineMethod>Eap</MachineMethod>") != std::string::npos);
    CHECK(intuneOmaUri(in).setting.value == in.forMdm());
    REQUIRE(intuneQuirks().size() == 2);
    for (const QuirkInfo& q : intuneQuirks())
        CHECK(q.reason.find("Windows 11") != std::string_view::npos);
    // A device tunnel authenticates with the machine certificate: no EAP method is added.
    Profile device = deviceTunnel();
    CHECK(withIntuneQuirks(device, {false, true}) == device);
}

TEST_CASE("comments: kept for the file and WMI, left out of what an MDM receives") {
    const Profile p = commented();
    const ExportInput in = exportInputFor(p);
    CHECK(in.xml.find("<!-- DC01 -->") != std::string::npos);
    CHECK(renderDeployScript(in).script.find("&lt;!-- DC01 --&gt;") != std::string::npos);
    CHECK(intuneOmaUri(in).setting.value.find("DC01") == std::string::npos);
}
