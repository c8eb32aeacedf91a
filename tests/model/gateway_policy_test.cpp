// Gateway policies as data: Azure's default P2S policy, custom policies, and which suite element
// keeps a phase outside a policy.
#include "model/crypto_presets.hpp"
#include "model/gateway_policy.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace aovpn;

namespace {
CryptographySuite preset(CryptoPreset p) {
    return *makeCryptoSuite(p);
}
std::vector<std::string> strings(std::initializer_list<const char*> list) {
    return {list.begin(), list.end()};
}
} // namespace

TEST_CASE("Azure's default P2S policy: 17 IKE SA and 11 ESP combinations, nothing 128-bit") {
    const GatewayPolicy& azure = azureDefaultPolicy();
    CHECK(azure.kind == GatewayPolicyKind::AzureDefault);
    CHECK(azure.ikeSa.size() == 17);
    CHECK(azure.childSa.size() == 11);
    for (const IkeSaCombo& c : azure.ikeSa) {
        CHECK(toText(c.encryption).find("128") == std::string_view::npos);
        // DH group 2 only with AES256 + SHA256.
        if (c.dhGroup == DhGroup::Group2) {
            CHECK(c.encryption == EncryptionMethod::AES256);
            CHECK(c.integrity == IntegrityCheck::SHA256);
        }
    }
    for (const ChildSaCombo& c : azure.childSa)
        CHECK(toText(c.cipher).find("128") == std::string_view::npos);
    const ChildSaCombo sha1{CipherTransform::AES256, AuthTransform::SHA196, PfsGroup::None};
    CHECK(std::count(azure.childSa.begin(), azure.childSa.end(), sha1) == 1);
}

TEST_CASE("the Azure and Strong presets fit Azure's default; the RRAS baseline fails per field") {
    CHECK(compareSuite(preset(CryptoPreset::AzureDefault), azureDefaultPolicy()).empty());
    CHECK(compareSuite(preset(CryptoPreset::Strong), azureDefaultPolicy()).empty());
    const auto m = compareSuite(preset(CryptoPreset::RrasBaseline), azureDefaultPolicy());
    REQUIRE(m.size() == 3);
    CHECK(m[0].phase == SuitePhase::IkeSa);
    CHECK(m[0].element == "EncryptionMethod");
    CHECK(m[0].value == "AES_GCM_128");
    CHECK(m[0].accepted == strings({"AES_GCM_256", "AES256"}));
    CHECK(m[0].alternatives.empty());
    // ESP: neither 128-bit value appears anywhere, both must change.
    CHECK(m[1].phase == SuitePhase::ChildSa);
    CHECK(m[1].element == "CipherTransformConstants");
    CHECK(m[1].accepted == strings({"GCMAES256", "AES256"}));
    CHECK(m[2].element == "AuthenticationTransformConstants");
    CHECK(m[2].accepted == strings({"GCMAES256", "SHA256128", "SHA196"}));
}

TEST_CASE("a value Azure takes only with other values: the one change that fits is named") {
    CryptographySuite s = preset(CryptoPreset::AzureDefault);
    s.dhGroup = DhGroup::Group2;
    s.integrityCheckMethod = IntegrityCheck::SHA384;
    s.pfsGroup = PfsGroup::None;
    auto m = compareSuite(s, azureDefaultPolicy());
    REQUIRE(m.size() == 1);
    CHECK(m[0].element == "IntegrityCheckMethod");
    CHECK(m[0].accepted == strings({"SHA256"}));
    CHECK(m[0].alternatives == std::vector<std::string_view>{"DHGroup"});

    s = preset(CryptoPreset::AzureDefault);
    s.cipherTransformConstants = CipherTransform::AES256;
    s.authenticationTransformConstants = AuthTransform::SHA196; // SHA-1 only without PFS
    m = compareSuite(s, azureDefaultPolicy());
    REQUIRE(m.size() == 1);
    CHECK(m[0].phase == SuitePhase::ChildSa);
    CHECK(m[0].element == "AuthenticationTransformConstants");
    CHECK(m[0].accepted == strings({"SHA256128"}));
    CHECK(m[0].alternatives == std::vector<std::string_view>{"PfsGroup"});
}

TEST_CASE("PFSMM compares as the IKE SA's group; absent and unknown values match anything") {
    CryptographySuite s = preset(CryptoPreset::AzureDefault);
    s.pfsGroup = PfsGroup::PFSMM; // Group14 -> PFS2048
    CHECK(compareSuite(s, azureDefaultPolicy()).empty());
    s.dhGroup = DhGroup::Group2; // IKE fine with AES256/SHA256, ESP now PFS2
    const auto m = compareSuite(s, azureDefaultPolicy());
    REQUIRE(m.size() == 1);
    CHECK(m[0].element == "PfsGroup");
    CHECK(m[0].value == "PFS2");

    CryptographySuite partial;
    partial.dhGroup = DhGroup::Group14;
    CHECK(compareSuite(partial, azureDefaultPolicy()).empty());
    partial.encryptionMethod = parseKnown<EncryptionMethod>("AES_GCM_512");
    CHECK(compareSuite(partial, azureDefaultPolicy()).empty());
    partial.encryptionMethod = EncryptionMethod::DES3;
    CHECK(compareSuite(partial, azureDefaultPolicy()).size() == 1);
}

TEST_CASE("a custom policy from Set-AzVpnClientIpsecParameter's parameters") {
    const auto p = parseAzureIpsecParameters(
        "$p = New-AzVpnClientIpsecPolicy -IpsecEncryption GCMAES256 -IpsecIntegrity GCMAES256 "
        "-SALifeTime 86471 -SADataSize 429496 -IkeEncryption GCMAES256 -IkeIntegrity SHA384 "
        "-DhGroup ECP384 -PfsGroup ECP384");
    REQUIRE_MESSAGE(p.ok, p.error);
    CHECK(p.value.kind == GatewayPolicyKind::Custom);
    CHECK(describePolicy(p.value) ==
          "GCMAES256 / GCMAES256 / ECP384 / ECP384 / SHA384 / AES_GCM_256");
    CHECK(suiteFor(p.value) == preset(CryptoPreset::Strong));
    CHECK(compareSuite(preset(CryptoPreset::Strong), p.value).empty());
    // The Azure preset differs in all three IKE values (no single change fits) and in PFS.
    const auto m = compareSuite(preset(CryptoPreset::AzureDefault), p.value);
    REQUIRE(m.size() == 4);
    CHECK(m[0].element == "EncryptionMethod");
    CHECK(m[0].accepted == strings({"AES_GCM_256"}));
    CHECK(m[1].element == "IntegrityCheckMethod");
    CHECK(m[2].element == "DHGroup");
    CHECK(m[3].element == "PfsGroup");
    CHECK(m[3].accepted == strings({"ECP384"}));
}

TEST_CASE("custom policy text: Azure's and the CSP's spellings, Name=Value, and errors") {
    auto p = parseAzureIpsecParameters("IpsecEncryption=AES256, IpsecIntegrity=SHA256, "
                                       "IkeEncryption=AES256, IkeIntegrity=SHA256, "
                                       "DhGroup=DHGroup2048, PfsGroup=PFSMM");
    REQUIRE_MESSAGE(p.ok, p.error);
    CHECK(describePolicy(p.value) == "SHA256128 / AES256 / PFS2048 / Group14 / SHA256 / AES256");
    p = parseAzureIpsecParameters("-ipsecencryption AES256 -ipsecintegrity SHA256128 "
                                  "-ikeencryption AES_GCM_256 -ikeintegrity SHA1 "
                                  "-dhgroup Group24 -pfsgroup PFS14");
    REQUIRE_MESSAGE(p.ok, p.error);
    CHECK(describePolicy(p.value) ==
          "SHA256128 / AES256 / PFS2048 / Group24 / SHA196 / AES_GCM_256");

    const char* six = "-IpsecEncryption GCMAES256 -IpsecIntegrity GCMAES256 -IkeEncryption AES256 "
                      "-IkeIntegrity SHA256 -DhGroup DHGroup14";
    p = parseAzureIpsecParameters(six);
    CHECK_FALSE(p.ok);
    CHECK(p.error.find("PfsGroup is missing") != std::string::npos);
    p = parseAzureIpsecParameters(std::string(six) + " -PfsGroup PFS99");
    CHECK(p.error.find("PfsGroup PFS99") != std::string::npos);
    p = parseAzureIpsecParameters(std::string(six) + " -PfsGroup None -DhGroup ECP256");
    CHECK(p.error.find("DhGroup is given twice") != std::string::npos);
    p = parseAzureIpsecParameters(std::string(six) + " -PfsGroup None -Colour blue");
    CHECK(p.error.find("'-Colour' is not an IPsec parameter") != std::string::npos);
    p = parseAzureIpsecParameters(std::string(six) + " -PfsGroup");
    CHECK(p.error.find("has no value") != std::string::npos);
    p = parseAzureIpsecParameters("-IpsecEncryption GCMAES256 -IpsecIntegrity SHA256 "
                                  "-IkeEncryption AES256 -IkeIntegrity SHA256 -DhGroup DHGroup14 "
                                  "-PfsGroup None");
    CHECK(p.error.find("needs IpsecIntegrity GCMAES256") != std::string::npos);
}

TEST_CASE("a custom policy from a suite needs all six known values") {
    CHECK(customPolicyFromSuite(preset(CryptoPreset::AzureDefault)).ok);
    CryptographySuite s = preset(CryptoPreset::AzureDefault);
    s.pfsGroup.reset();
    auto p = customPolicyFromSuite(s);
    CHECK_FALSE(p.ok);
    CHECK(p.error.find("PfsGroup") != std::string::npos);
    s = preset(CryptoPreset::AzureDefault);
    s.dhGroup = parseKnown<DhGroup>("Group99");
    CHECK(customPolicyFromSuite(s).error.find("DHGroup") != std::string::npos);
}

TEST_CASE("Azure hosts: *.vpn.azure.com and *.cloudapp.net") {
    CHECK(isAzureHost(
        "azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.com"));
    CHECK(isAzureHost("AzureGateway-1234.VPN.Azure.Com."));
    CHECK(isAzureHost("azuregateway-1234-56-78dc.cloudapp.net"));
    CHECK_FALSE(isAzureHost("vpn.azure.com"));
    CHECK_FALSE(isAzureHost("vpn.contoso.com"));
    CHECK_FALSE(isAzureHost("evil-vpn.azure.com.example.net"));
    CHECK_FALSE(isAzureHost(""));
}

TEST_CASE("presets: named for what they are, the Azure one first") {
    const auto presets = cryptoPresets();
    REQUIRE(presets.size() == 4);
    CHECK(presets[0].id == CryptoPreset::AzureDefault);
    CHECK(presets[0].title == "Azure VPN Gateway (default policy)");
    CHECK(cryptoPresetInfo(CryptoPreset::WindowsDefault).title == "Windows default (not set)");
    CHECK_FALSE(makeCryptoSuite(CryptoPreset::WindowsDefault).has_value());
    for (const CryptoPresetInfo& info : presets) {
        CAPTURE(info.title);
        CHECK(matchingPreset(makeCryptoSuite(info.id)) == info.id);
        if (auto s = makeCryptoSuite(info.id)) {
            // The values text is the suite's six values in CryptographySuite order.
            const auto policy = customPolicyFromSuite(*s);
            REQUIRE(policy.ok);
            CHECK(describePolicy(policy.value) == info.values);
        }
    }
    CryptographySuite other = preset(CryptoPreset::AzureDefault);
    other.dhGroup = DhGroup::ECP256;
    CHECK_FALSE(matchingPreset(other).has_value());
}
