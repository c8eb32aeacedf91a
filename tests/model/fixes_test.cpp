// applyFixes: what `normalize --fix` and the UI's Fix button do to real-world mistakes.
#include "model/fixes.hpp"
#include "model/profile_xml.hpp"

#include "profile_test_util.hpp"

using namespace aovpn;
using namespace aovpn::test;

namespace {
Profile fixed(std::string_view xml, std::size_t expectedChanges) {
    Profile p = readOk(xml);
    const std::vector<std::string> planned = plannedFixes(p);
    const std::vector<std::string> changes = applyFixes(p);
    INFO(changes.size());
    CHECK(changes == planned);
    CHECK(changes.size() == expectedChanges);
    CHECK(plannedFixes(p).empty()); // nothing left to do
    return p;
}
} // namespace

TEST_CASE("a known element under the wrong parent moves into its parent") {
    const Profile p = fixed("<VPNProfile><!--x--><DisableClassBasedDefaultRoute>true"
                            "</DisableClassBasedDefaultRoute><NativeProfile><Servers>v.example.com"
                            "</Servers></NativeProfile></VPNProfile>",
                            1);
    REQUIRE(p.nativeProfile);
    CHECK(p.nativeProfile->disableClassBasedDefaultRoute == true);
    CHECK(p.extra.empty());
    CHECK(p.nativeProfile->comments == Comments{{"x", "DisableClassBasedDefaultRoute"}});
    // The parent is created when missing; a deeper one too; and upwards.
    CHECK(fixed("<VPNProfile><EncryptionMethod>AES256</EncryptionMethod></VPNProfile>", 1)
              .nativeProfile->cryptographySuite->encryptionMethod == EncryptionMethod::AES256);
    CHECK(fixed("<VPNProfile><NativeProfile><AlwaysOn>true</AlwaysOn></NativeProfile>"
                "</VPNProfile>",
                1)
              .alwaysOn == true);
    // The report names each place once, with its path where that says more than the name.
    Profile up = readOk("<VPNProfile><NativeProfile><AlwaysOn>true</AlwaysOn></NativeProfile>"
                        "</VPNProfile>");
    CHECK(applyFixes(up) == std::vector<std::string>{
                                "Wrote <AlwaysOn> in <VPNProfile> (moved from <NativeProfile>)."});
    Profile down = readOk("<VPNProfile><NativeProfile><Authentication><Servers>v.example"
                          "</Servers></Authentication></NativeProfile></VPNProfile>");
    CHECK(applyFixes(down) == std::vector<std::string>{
                                  "Wrote <Servers> in <NativeProfile> (moved from <Authentication> "
                                  "(NativeProfile/Authentication))."});
    // RoutingPolicyType: NativeProfile's (TrafficFilter repeats, so it is no candidate).
    CHECK(fixed("<VPNProfile><RoutingPolicyType>SplitTunnel</RoutingPolicyType></VPNProfile>", 1)
              .nativeProfile->routingPolicyType == RoutingPolicy::SplitTunnel);
}

TEST_CASE("ambiguous or repeated places are left alone, and so is a filled slot") {
    fixed("<VPNProfile><Enabled>true</Enabled></VPNProfile>", 0);     // DeviceCompliance/Sso
    fixed("<VPNProfile><Address>10.0.0.1</Address></VPNProfile>", 0); // which Route?
    fixed("<VPNProfile><NativeProfile><DisableClassBasedDefaultRoute>false"
          "</DisableClassBasedDefaultRoute></NativeProfile><DisableClassBasedDefaultRoute>true"
          "</DisableClassBasedDefaultRoute></VPNProfile>",
          0);
    fixed("<VPNProfile><Unknown/></VPNProfile>", 0);
}

TEST_CASE("<App> text, a bare <Id>, empty booleans, escaped EAP and spaced servers") {
    const Profile app = fixed("<VPNProfile><TrafficFilter><App>C:\\a.exe</App></TrafficFilter>"
                              "<AppTrigger><Id>SYSTEM</Id></AppTrigger></VPNProfile>",
                              2);
    CHECK(app.trafficFilters[0].appId == "C:\\a.exe");
    CHECK(app.appTriggers[0].appId == "SYSTEM");
    const Profile apn = fixed("<VPNProfile><AlwaysOn/><APNBinding><IsCompressionEnabled>"
                              "</IsCompressionEnabled></APNBinding></VPNProfile>",
                              2);
    CHECK_FALSE(apn.alwaysOn.has_value());
    CHECK(apn.apnBinding->extra.empty());
    const Profile eap =
        fixed("<VPNProfile><NativeProfile><Servers> vpn.example.com ;Main</Servers><Authentication>"
              "<Eap><Configuration>&lt;EapHostConfig xmlns=\"http://www.microsoft.com/provisioning/"
              "EapHostConfig\"&gt;&lt;EapMethod&gt;&lt;Type xmlns=\"http://www.microsoft.com/"
              "provisioning/EapCommon\"&gt;13&lt;/Type&gt;&lt;/EapMethod&gt;&lt;/EapHostConfig&gt;"
              "</Configuration></Eap></Authentication></NativeProfile></VPNProfile>",
              2);
    CHECK(eap.nativeProfile->servers[0].fqdn == "vpn.example.com");
    const EapConfig& c = *eap.nativeProfile->authentication->eap;
    REQUIRE(c.kind == EapKind::Opaque); // now XML (a method this tool keeps as it is)
    CHECK(c.opaqueXml.starts_with("<EapHostConfig"));
}

TEST_CASE("the docs' VPNv2 CSP sample is fixed into a schema-valid profile") {
    Profile p = readOk(readFile(corpusDir() + "/msdocs_vpnv2csp_syncml_data.xml"));
    CHECK(applyFixes(p).size() == 2);
    CHECK(p.trafficFilters[0].appId == "%ProgramFiles%\\Internet Explorer\\iexplore.exe");
    CHECK(p.trafficFilters[1].appId == "Microsoft.MicrosoftEdge_8wekyb3d8bbwe");
    CHECK(p.domainNameInformation.at(0).dnsServers == "10.5.5.5");
}

TEST_CASE("fuzz regression: a <Route> kept inside a <Route> is left there, not appended") {
    // Moving it to the profile's routes appended to the list being visited (use after free).
    Profile p = readOk(readFile(dataDir() + "/fuzz/fixer_route_inside_route.xml"));
    const Profile before = p;
    applyFixes(p);
    CHECK(p.routes.size() == before.routes.size());
    const std::string xml = writeProfileXml(p);
    CHECK(readProfileXml(xml).ok());
}
