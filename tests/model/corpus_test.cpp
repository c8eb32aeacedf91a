// The real-world corpus (shared/reference/corpus, see its SOURCES.md): profiles organisations
// deployed, DPC's lab runs on real Windows and Microsoft's samples. Each file's expected error
// findings (reader and validator together) are listed here; working profiles have none.
#include "model/profile_xml.hpp"
#include "model/validate.hpp"

#include "profile_test_util.hpp"

#include <map>
#include <set>

using namespace aovpn;
using namespace aovpn::test;

namespace {

using Rules = std::multiset<std::string>;

// Error findings expected per file (a rule listed twice: found twice).
const std::map<std::string, Rules> kExpectedErrors{
    {"azuredocs_azurevpn_plugin_intune.xml", {}},
    {"azuredocs_device_tunnel.xml", {}},
    {"azuredocs_user_tunnel.xml", {}},
    {"dpc_device_pretty_tabs.xml", {}},
    {"dpc_machine_basic.xml", {}},
    {"dpc_machine_spaced_comment.xml", {}},
    {"dpc_machine_working.xml", {}},
    {"dpc_minimal_no_server.xml", {"general.servers-empty"}},
    {"dpc_user_creator_peap.xml", {}},
    {"dpc_user_empty_route.xml", {"route.address"}},
    {"dpc_user_peap_machineeap.xml", {}},
    {"dpc_user_peap_manualproxy.xml", {}},
    {"dpc_user_peap_noproxy.xml", {}},
    {"dpc_user_peap_pacproxy.xml", {}},
    {"msdocs_device_tunnel_sample.xml", {}},
    {"msdocs_vpnv2csp_syncml_data.xml",
     {"structure.csp-node", "structure.name-case", "structure.app-text", "structure.app-text"}},
    {"msdocs_xsd_native_example.xml", {}},
    {"msdocs_xsd_plugin_example.xml", {"value.bool", "plugin.server-url"}},
};

struct Findings {
    ReadResult read;
    std::vector<Issue> issues;
    Rules errors;
    std::set<std::string> all;
};

Findings findingsOf(const std::string& file) {
    Findings f;
    f.read = readProfileXml(readFile(corpusDir() + "/" + file));
    INFO(file << "\n" << joinMessages(f.read.errors));
    REQUIRE(f.read.ok());
    f.issues = validateProfile(f.read.profile);
    for (const XmlDiagnostic& d : f.read.warnings) {
        REQUIRE_MESSAGE(findRule(d.rule), d.message);
        if (d.severity == Severity::Error) f.errors.insert(d.rule);
        f.all.insert(d.rule);
    }
    for (const Issue& i : f.issues) {
        if (i.severity == Severity::Error) f.errors.insert(i.rule);
        f.all.insert(i.rule);
    }
    return f;
}

} // namespace

TEST_CASE("corpus: the expectation table covers every file") {
    std::set<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(corpusDir()))
        if (e.path().extension() == ".xml") files.insert(e.path().filename().string());
    std::set<std::string> listed;
    for (const auto& [file, rules] : kExpectedErrors)
        listed.insert(file);
    CHECK(files == listed);
}

TEST_CASE("corpus: each file gives exactly its expected errors, and no false ones") {
    for (const auto& entry : kExpectedErrors) { // no structured binding: clang 14 cannot
        const std::string& file = entry.first;  // capture one in CAPTURE's lambda
        CAPTURE(file);
        const Findings f = findingsOf(file);
        CHECK(f.errors == entry.second);
    }
}

TEST_CASE("corpus: normalized output reads back to the same profile and is stable") {
    for (const auto& entry : kExpectedErrors) {
        const std::string& file = entry.first;
        CAPTURE(file);
        const Findings f = findingsOf(file);
        const WriteResult w = writeProfileXmlChecked(f.read.profile);
        CHECK(w.warnings.empty());
        const ReadResult again = readProfileXml(w.xml);
        REQUIRE(again.ok());
        CHECK(again.profile == f.read.profile);
        CHECK(writeProfileXml(again.profile) == w.xml);
    }
}

TEST_CASE("corpus: what the docs' and DPC's own profiles get right is not flagged") {
    // Mixed-case enum values (Ikev2), hashes with trailing spaces, a space after the comma of
    // RemoteAddressRanges, UserMethod and MachineMethod both Eap.
    for (const char* file : {"dpc_machine_basic.xml", "dpc_device_pretty_tabs.xml",
                             "dpc_user_peap_machineeap.xml", "msdocs_device_tunnel_sample.xml"}) {
        CAPTURE(file);
        const Findings f = findingsOf(file);
        for (const char* rule : {"general.unknown-value", "auth.hash-format", "filter.addresses",
                                 "structure.unknown", "auth.eap-missing"})
            CHECK(f.all.count(rule) == 0);
    }
    // The docs' sample with its CSP-node mistake still reads its other NRPT-free settings.
    const Findings syncml = findingsOf("msdocs_vpnv2csp_syncml_data.xml");
    CHECK(syncml.read.profile.trafficFilters.size() == 2);
    CHECK(syncml.read.profile.routes.size() == 2);
}
