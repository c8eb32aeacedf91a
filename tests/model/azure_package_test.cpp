// The Azure package import from in-memory entries: what is imported, what is refused and why.
#include "model/azure_package.hpp"
#include "model/crypto_presets.hpp"
#include "model/validate.hpp"

#include "azure_package_sample.hpp"

#include <doctest/doctest.h>

using namespace aovpn;
using namespace aovpn::test;

namespace {

std::vector<PackageEntry> package(std::string settings = vpnSettings()) {
    return {{"WindowsAmd64/VpnClientSetupAmd64.exe", {}, false},
            {"WindowsX86/VpnClientSetupX86.exe", {}, false},
            {"Generic/VpnSettings.xml", std::move(settings), true},
            {"Generic/VpnServerRoot.cer", derOf(kRootB64), true}};
}

bool has(const std::vector<std::string>& lines, std::string_view part) {
    for (const std::string& l : lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("import: a complete user tunnel on the Azure template, with a summary and a to-do") {
    const auto r = importAzurePackage(package());
    REQUIRE_MESSAGE(r.ok, r.error);
    const Profile& p = r.value.profile;
    CHECK(p.profileName == "ContosoHub (Azure)");
    REQUIRE(p.nativeProfile);
    CHECK(p.nativeProfile->servers.front().fqdn.starts_with("azuregateway-b115055e"));
    CHECK(p.nativeProfile->nativeProtocolType == NativeProtocol::IKEv2);
    CHECK(matchingPreset(p.nativeProfile->cryptographySuite) == CryptoPreset::AzureDefault);
    REQUIRE(p.routes.size() == 3);
    CHECK(p.routes[0].address == "10.1.0.0");
    CHECK(p.routes[0].prefixSize == 16u);
    CHECK(p.routes[1].prefixSize == 24u);
    CHECK(p.routes[2].address == "192.168.3.4");
    const auto& tls = p.nativeProfile->authentication->eap->tls;
    CHECK(tls.performServerValidation == true);
    CHECK(tls.serverValidation->trustedRootCAs ==
          std::vector<std::string>{std::string(kRootThumb), std::string(kRoot2Thumb)});
    REQUIRE(r.value.gateway.clientAddressPools.size() == 1);
    CHECK(formatPrefix(r.value.gateway.clientAddressPools[0]) == "172.16.201.0/24");
    CHECK(r.value.customDns == std::vector<std::string>{"10.1.0.4", "10.1.0.5"});
    CHECK(has(r.value.summary, "3 route(s)"));
    CHECK(has(r.value.todo, "Pick the user's client certificate"));
    CHECK(has(r.value.todo, "Azure rotates the gateway's root"));
    CHECK(has(r.value.todo, "CustomDnsServers 10.1.0.4,10.1.0.5"));
    // No errors from the validator, with what the import knows about the gateway.
    CHECK_FALSE(hasErrors(validateProfile(p, r.value.gateway)));
}

TEST_CASE("import: --name and --nrpt; a route into the client pool is flagged") {
    auto settings = vpnSettings();
    settings.replace(settings.find("10.2.0.0/24"), 11, "172.16.0.0/16");
    const auto r = importAzurePackage(package(settings), {"Hub VPN", "corp.contoso.com"});
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.value.profile.profileName == "Hub VPN");
    REQUIRE(r.value.profile.domainNameInformation.size() == 1);
    CHECK(r.value.profile.domainNameInformation[0].domainName == ".corp.contoso.com");
    CHECK(r.value.profile.domainNameInformation[0].dnsServers == "10.1.0.4,10.1.0.5");
    bool flagged = false;
    for (const Issue& i : validateProfile(r.value.profile, r.value.gateway))
        flagged |= i.rule == "route.client-pool" && i.field == "Route[1]/Address";
    CHECK(flagged);
}

TEST_CASE("import: a PEM root and SSTP-only VpnType") {
    auto entries = package(vpnSettings("Sstp"));
    entries[3].data =
        "-----BEGIN CERTIFICATE-----\n" + std::string(kRootB64) + "\n-----END CERTIFICATE-----\n";
    const auto r = importAzurePackage(entries);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.value.profile.nativeProfile->nativeProtocolType == NativeProtocol::SSTP);
    CHECK(r.value.profile.nativeProfile->authentication->eap->tls.serverValidation->trustedRootCAs
              .front() == kRootThumb);
}

TEST_CASE("import: without a gateway root, server validation stays on for the gateway's name") {
    auto entries = package();
    entries.pop_back(); // no Generic/VpnServerRoot.cer
    auto settings = vpnSettings();
    settings.erase(settings.find("<CaCerts>"),
                   settings.find("</CaCerts>") + 10 - settings.find("<CaCerts>"));
    entries[2].data = settings;
    const auto r = importAzurePackage(entries);
    REQUIRE_MESSAGE(r.ok, r.error);
    const NativeProfile& np = *r.value.profile.nativeProfile;
    const auto& tls = np.authentication->eap->tls;
    CHECK(tls.performServerValidation == true);
    CHECK(tls.acceptServerName == true);
    CHECK(tls.serverValidation->serverNames == np.servers.front().fqdn);
    CHECK(tls.serverValidation->trustedRootCAs.empty());
    CHECK(has(r.value.todo, "The package holds no gateway root"));
    CHECK_FALSE(has(r.value.todo, "Azure rotates the gateway's root"));
}

TEST_CASE("the Azure user tunnel: server validation on for its server, the Azure preset") {
    const Profile p = azureUserTunnel("gw.example.vpn.azure.com");
    const auto& tls = p.nativeProfile->authentication->eap->tls;
    CHECK(tls.performServerValidation == true);
    CHECK(tls.acceptServerName == true);
    CHECK(tls.serverValidation->serverNames == "gw.example.vpn.azure.com");
    CHECK(matchingPreset(p.nativeProfile->cryptographySuite) == CryptoPreset::AzureDefault);
    CHECK_FALSE(hasErrors(validateProfile(p)));
}

TEST_CASE("import: the packages Windows' built-in VPN cannot use are refused by name") {
    auto r = importAzurePackage(
        {{"AzureVPN/azurevpnconfig.xml", {}, false}, {"OpenVPN/vpnconfig.ovpn", {}, false}});
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("Azure VPN Client's package (AzureVPN/azurevpnconfig.xml)") !=
          std::string::npos);
    r = importAzurePackage({{"OpenVPN/vpnconfig.ovpn", {}, false}});
    CHECK(r.error.find("OpenVPN-only package") != std::string::npos);
    r = importAzurePackage({{"WindowsAmd64/VpnClientSetupAmd64.exe", {}, false}});
    CHECK(r.error.find("SSTP-only packages have no Generic folder") != std::string::npos);
    r = importAzurePackage({{"readme.txt", {}, false}});
    CHECK(r.error.find("not an Azure VPN client package") != std::string::npos);
}

TEST_CASE("import: broken contents get a clear error") {
    CHECK(importAzurePackage(package("")).error.find("empty (0 bytes)") != std::string::npos);
    CHECK(
        importAzurePackage(package("<VpnProfile><VpnServer>x")).error.find("not the VpnProfile") !=
        std::string::npos);
    auto s = vpnSettings();
    s.replace(s.find("10.2.0.0/24"), 11, "10.2.0.0/40");
    CHECK(importAzurePackage(package(s)).error.find("Routes holds '10.2.0.0/40'") !=
          std::string::npos);
    s = vpnSettings();
    s.replace(s.find("<VpnServer>"), 11, "<VpnServer>bad..name.");
    CHECK(importAzurePackage(package(s)).error.find("is not a DNS name") != std::string::npos);
    auto entries = package();
    entries.push_back({"Other/Generic/VpnSettings.xml", vpnSettings(), true});
    CHECK(importAzurePackage(entries).error.find("more than one Generic/VpnSettings.xml") !=
          std::string::npos);
    entries = package();
    entries[3].data = "not a certificate";
    CHECK(importAzurePackage(entries).error.find("VpnServerRoot.cer is not a certificate") !=
          std::string::npos);
    CHECK(
        importAzurePackage(package(vpnSettings("OpenVPN"))).error.find("neither IkeV2 nor Sstp") !=
        std::string::npos);
}

TEST_CASE("entry names: '..', absolute paths and duplicates by key") {
    CHECK(unsafeEntryName("Generic/VpnSettings.xml").empty());
    CHECK(unsafeEntryName("..foo/bar").empty()); // a name that only starts with dots
    CHECK_FALSE(unsafeEntryName("../evil.xml").empty());
    CHECK_FALSE(unsafeEntryName("Generic/../../evil").empty());
    CHECK_FALSE(unsafeEntryName("Generic\\..\\evil").empty());
    CHECK_FALSE(unsafeEntryName("/etc/passwd").empty());
    CHECK_FALSE(unsafeEntryName("\\Windows\\x").empty());
    CHECK_FALSE(unsafeEntryName("C:evil").empty());
    CHECK_FALSE(unsafeEntryName("").empty());
    CHECK(entryKey("Generic\\VPNSettings.XML") == entryKey("generic/vpnsettings.xml"));
    CHECK(azurePackageWants("VpnClient/Generic/VpnSettings.xml"));
    CHECK_FALSE(azurePackageWants("NotGeneric/VpnSettings.xml"));
}
