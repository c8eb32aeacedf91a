// Reference profiles: import, round trip, idempotence, golden output, EAP mapping.
#include "model/profile_xml.hpp"

#include "profile_test_util.hpp"

using namespace aovpn;
using namespace aovpn::test;

TEST_CASE("every reference profile imports, round-trips and writes idempotently") {
    const auto files = referenceProfiles();
    REQUIRE(files.size() >= 8);
    for (const auto& file : files) {
        CAPTURE(file);
        const Profile p = readOk(readFile(file));
        const std::string once = writeProfileXml(p);
        const Profile again = readOk(once);
        CHECK(again == p);
        CHECK(writeProfileXml(again) == once);
        CHECK(writeProfileXmlChecked(p).warnings.empty());
    }
}

TEST_CASE("the seed profile writes the committed golden output, byte for byte") {
    const Profile p = readOk(readFile(profilesDir() + "/seed_azure_user_tunnel.xml"));
    const std::string golden = readFile(dataDir() + "/golden/seed_azure_user_tunnel.xml");
    CHECK(writeProfileXml(p) == golden);
    CHECK(golden.find('\r') == std::string::npos);
    CHECK(golden.rfind("<VPNProfile>", 0) == 0); // no declaration, no BOM
}

TEST_CASE("the seed's values land in the typed model") {
    const Profile p = readOk(readFile(profilesDir() + "/seed_azure_user_tunnel.xml"));
    CHECK(p.alwaysOn == true);
    CHECK(p.rememberCredentials == true);
    CHECK(p.registerDns == true);
    CHECK_FALSE(p.deviceTunnel.has_value());
    REQUIRE(p.nativeProfile);
    const NativeProfile& n = *p.nativeProfile;
    REQUIRE(n.servers.size() == 1);
    CHECK(n.servers[0].fqdn.starts_with("azuregateway-b115055e"));
    CHECK(n.nativeProtocolType == NativeProtocol::IKEv2);
    CHECK(n.routingPolicyType == RoutingPolicy::SplitTunnel);
    REQUIRE(n.authentication);
    CHECK(n.authentication->userMethod == UserMethod::Eap);
    // The seed's EAP block is the default one, but with server validation off.
    EapConfig seedEap = defaultUserTunnelEapTls();
    seedEap.tls.performServerValidation = false;
    CHECK(n.authentication->eap == seedEap);
    REQUIRE(p.routes.size() == 2);
    CHECK(p.routes[0].address == "192.168.3.5");
    CHECK(p.routes[0].prefixSize == 32u);
    REQUIRE(p.trafficFilters.size() == 1);
    CHECK(p.trafficFilters[0].remoteAddressRanges == "192.168.3.4, 192.168.3.5");
}

TEST_CASE("Windows 11 nodes and the Hicks user template") {
    const Profile p = readOk(readFile(profilesDir() + "/hicks_ProfileXML_User.xml"));
    CHECK(p.networkOutageTime == 0u);
    CHECK(p.ipv4InterfaceMetric == 3u);
    CHECK(p.dataEncryption == DataEncryption::Max);
    CHECK(p.disableIkev2Fragmentation == false);
    CHECK(p.proxy->manualServer == "proxy.corp.example.net:8080");
    REQUIRE(p.nativeProfile->authentication->eap);
    CHECK(p.nativeProfile->authentication->eap->kind == EapKind::Empty);
    CHECK(p.nativeProfile->authentication->machineMethod == MachineMethod::Eap);
    CHECK(p.nativeProfile->cryptographySuite->dhGroup == DhGroup::Group14);
    CHECK(p.trafficFilters.at(1).appId == "C:\\Windows\\System32\\mstsc.exe");
    CHECK(p.trafficFilters.at(0).protocol == 6u);
    CHECK(p.routes.at(4).exclusionRoute == true);
}

TEST_CASE("canonical output follows the schema order, newer nodes last") {
    const std::string xml =
        writeProfileXml(readOk(readFile(profilesDir() + "/hicks_ProfileXML_Device.xml")));
    auto at = [&](const char* tag) { return xml.find(tag); };
    CHECK(at("<AlwaysOn>") < at("<DnsSuffix>"));
    CHECK(at("<DeviceTunnel>") < at("<RegisterDNS>"));
    CHECK(at("<RegisterDNS>") < at("<NativeProfile>"));
    CHECK(at("<NativeProfile>") < at("<Route>"));
    CHECK(at("<CryptographySuite>") < at("<Authentication>"));
    CHECK(at("<DisableClassBasedDefaultRoute>") < at("<CryptographySuite>"));
    CHECK(at("</Route>") < at("<NetworkOutageTime>"));
    CHECK(at("<PrivateNetwork>") < at("<DisableIKEv2Fragmentation>"));
}

TEST_CASE("the Entra sample's EAP block is kept verbatim (it holds stray text)") {
    const Profile p =
        readOk(readFile(profilesDir() + "/hicks_ProfileXML_Entra_ConditionalAccess.xml"));
    const EapConfig& eap = *p.nativeProfile->authentication->eap;
    CHECK(eap.kind == EapKind::Opaque);
    CHECK(eap.opaqueXml.find("AAD Conditional Access") != std::string::npos);
    CHECK(writeProfileXml(p).find("1.3.6.1.4.1.311.87") != std::string::npos);
}

TEST_CASE("PEAP-TLS with a certificate filter maps to typed data") {
    std::string text = readFile(profilesDir() + "/hicks_ProfileXML_Entra_ConditionalAccess.xml");
    text.replace(text.find("-->>"), 4, "-->"); // drop the sample's stray '>'
    const Profile p = readOk(text);
    const EapConfig& eap = *p.nativeProfile->authentication->eap;
    REQUIRE(eap.kind == EapKind::PeapTls);
    CHECK(eap.peap.requireCryptoBinding == true);
    CHECK(eap.peap.performServerValidation == true);
    REQUIRE(eap.peap.serverValidation);
    CHECK(eap.peap.serverValidation->serverNames == "nps.corp.example.net");
    CHECK(eap.tls.serverValidation->trustedRootCAs ==
          std::vector<std::string>{"db 52 5d 00 f8 13 84 9e 3f ee c2 53 db b0 4f 21 04 c3 c2 b6 "});
    REQUIRE(eap.tls.certFilter);
    REQUIRE(eap.tls.certFilter->ekuMapping.size() == 1);
    CHECK(eap.tls.certFilter->ekuMapping[0].oid == "1.3.6.1.4.1.311.87");
    CHECK(eap.tls.certFilter->clientAuthEkuList->enabled == true);
    CHECK(eap.tls.certFilter->clientAuthEkuList->ekuNames ==
          std::vector<std::string>{"AAD Conditional Access"});
    CHECK(readOk(writeProfileXml(p)) == p);
}

TEST_CASE("a typed EAP-TLS certificate filter writes and reads back") {
    Profile p;
    p.nativeProfile.emplace();
    p.nativeProfile->servers = {{"vpn.example.net", std::nullopt}};
    p.nativeProfile->authentication.emplace();
    EapConfig eap = defaultUserTunnelEapTls();
    eap.tls.serverValidation->serverNames = "nps.example.net;nps2.example.net";
    eap.tls.serverValidation->trustedRootCAs = {"aa bb", "cc dd"};
    eap.tls.certFilter = CertFilter{.allPurposeEnabled = false,
                                    .caHashList = CaHashList{true, {"0123abcd", "4567ef01"}},
                                    .ekuMapping = {{"Client Auth", "1.3.6.1.5.5.7.3.2"}},
                                    .clientAuthEkuList = EkuNameList{true, {"Client Auth"}},
                                    .anyPurposeEkuList = EkuNameList{false, {}}};
    p.nativeProfile->authentication->eap = eap;
    const std::string xml = writeProfileXml(p);
    CHECK(xml.find("<CAHashList Enabled=\"true\">") != std::string::npos);
    CHECK(xml.find("EapTlsConnectionPropertiesV3") != std::string::npos);
    CHECK(readOk(xml) == p);

    p.nativeProfile->authentication->eap->kind = EapKind::PeapTls;
    p.nativeProfile->authentication->eap->peap.fastReconnect = true;
    CHECK(readOk(writeProfileXml(p)) == p);
}

TEST_CASE("every element the model knows lands in its typed slot") {
    const ReadResult r = readProfileXml(readFile(dataDir() + "/profiles/every_element.xml"));
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
    const Profile& p = r.profile;
    CHECK(p.profileName == "Contoso AOVPN");
    CHECK(p.alwaysOnActive == false);
    CHECK(p.apnBinding->accessPointName == "internet");
    CHECK(p.pluginProfile->customConfiguration == "<settings mode=\"x\">a &amp; b</settings>");
    CHECK(p.appTriggers.at(0).appId == "Microsoft.RemoteDesktop_8wekyb3d8bbwe");
    CHECK(p.domainNameInformation.at(0).persistent == true);
    CHECK(p.trafficFilters.at(0).direction == FilterDirection::Inbound);
    CHECK(p.trafficFilters.at(0).claims == "O:SYG:SYD:(A;;CC;;;AU)");
    const NativeProfile& n = *p.nativeProfile;
    CHECK(n.servers == std::vector<VpnServer>{{"vpn1.example.net", "Primary"},
                                              {"vpn2.example.net", "Secondary"}});
    CHECK(n.l2tpPsk == "");
    CHECK(n.cryptographySuite->encryptionMethod == EncryptionMethod::AES_GCM_256);
    REQUIRE(n.protocolList);
    CHECK(n.protocolList->protocols ==
          std::vector<Known<NativeProtocol>>{NativeProtocol::SSTP, NativeProtocol::IKEv2});
    CHECK(n.protocolList->retryTimeInHours == 168u);
    const EapConfig& eap = *n.authentication->eap;
    REQUIRE(eap.kind == EapKind::Tls);
    CHECK(eap.tls.certFilter->allPurposeEnabled == false);
    CHECK(eap.tls.certFilter->caHashList->issuerHashes.size() == 1);
    CHECK(eap.tls.certFilter->anyPurposeEkuList->enabled == false);
    CHECK(p.routes.at(0).prefixSize == 64u);
    CHECK(p.ipv6InterfaceMetric == 10u);
    CHECK(p.dataEncryption == DataEncryption::Require);
}
