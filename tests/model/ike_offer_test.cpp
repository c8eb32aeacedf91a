// What Windows offers for a suite, and a chosen proposal read back in the suite's terms.
#include "model/crypto_presets.hpp"
#include "model/ike_groups.hpp"
#include "model/ike_offer.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace aovpn;
using namespace aovpn::ike;

TEST_CASE("offer: the Azure preset is one proposal AES-CBC-256 / SHA2-256 / DH 14") {
    const auto o = offerFor(makeCryptoSuite(CryptoPreset::AzureDefault));
    REQUIRE_MESSAGE(o.ok, o.error);
    CHECK_FALSE(o.value.windowsDefault);
    CHECK(o.value.keGroup == 14);
    REQUIRE(o.value.proposals.size() == 1);
    CHECK(describeTransforms(o.value.proposals[0]) ==
          "AES-CBC-256, HMAC-SHA2-256-128, PRF-HMAC-SHA2-256, DH group 14 (MODP-2048)");
}

TEST_CASE("offer: AES-GCM carries no integrity transform; the PRF comes from the integrity") {
    const auto o = offerFor(makeCryptoSuite(CryptoPreset::Strong));
    REQUIRE(o.ok);
    CHECK(o.value.keGroup == 20);
    CHECK(describeTransforms(o.value.proposals[0]) ==
          "AES-GCM-256, PRF-HMAC-SHA2-384, DH group 20 (ECP-384)");
    const auto b = offerFor(makeCryptoSuite(CryptoPreset::RrasBaseline));
    REQUIRE(b.ok);
    CHECK(describeTransforms(b.value.proposals[0]) ==
          "AES-GCM-128, PRF-HMAC-SHA2-256, DH group 14 (MODP-2048)");
}

TEST_CASE("offer: without a suite, Windows 11's 18 proposals, all DH group 2") {
    const auto o = offerFor(std::nullopt);
    REQUIRE(o.ok);
    CHECK(o.value.windowsDefault);
    CHECK(o.value.keGroup == 2);
    REQUIRE(o.value.proposals.size() == 18);
    for (std::size_t i = 0; i < 18; ++i) {
        const Proposal& p = o.value.proposals[i];
        CHECK(p.number == i + 1);
        CHECK(p.transforms.back() == Transform{TransformType::KeyExchange, 2, std::nullopt});
    }
    CHECK(describeTransforms(o.value.proposals[0]) ==
          "3DES, HMAC-SHA1-96, PRF-HMAC-SHA1, DH group 2 (MODP-1024)");
    CHECK(describeTransforms(o.value.proposals[17]) ==
          "AES-GCM-256, PRF-HMAC-SHA2-384, DH group 2 (MODP-1024)");
}

TEST_CASE("offer: a suite without a phase-1 value or with DHGroup None cannot be probed") {
    CryptographySuite s = *makeCryptoSuite(CryptoPreset::AzureDefault);
    s.dhGroup = DhGroup::None;
    CHECK_FALSE(offerFor(s).ok);
    s = *makeCryptoSuite(CryptoPreset::AzureDefault);
    s.integrityCheckMethod.reset();
    CHECK(offerFor(s).error.find("IntegrityCheckMethod") != std::string::npos);
    s = *makeCryptoSuite(CryptoPreset::AzureDefault);
    s.encryptionMethod = parseKnown<EncryptionMethod>("ChaCha");
    CHECK_FALSE(offerFor(s).ok);
    // ESP values do not matter to the IKE SA.
    s = *makeCryptoSuite(CryptoPreset::AzureDefault);
    s.pfsGroup.reset();
    s.cipherTransformConstants.reset();
    CHECK(offerFor(s).ok);
}

TEST_CASE("chosen transforms in the suite's terms round-trip every offer") {
    for (const CryptoPresetInfo& info : cryptoPresets()) {
        const auto suite = makeCryptoSuite(info.id);
        if (!suite) continue;
        const ChosenSuite c = chosenInSuiteTerms(offerFor(suite).value.proposals[0]);
        CAPTURE(info.title);
        CHECK(c.encryption == suite->encryptionMethod->value);
        CHECK(c.integrity == suite->integrityCheckMethod->value);
        CHECK(c.dhGroup == suite->dhGroup->value);
    }
    const ChosenSuite c = chosenInSuiteTerms(offerFor(std::nullopt).value.proposals[10]);
    CHECK(describeChosen(c) == "EncryptionMethod AES256, IntegrityCheckMethod SHA256, "
                               "DHGroup Group2");
    Proposal odd;
    odd.transforms = {{TransformType::Encryption, 28, std::nullopt}, // ChaCha20-Poly1305
                      {TransformType::KeyExchange, 31, std::nullopt}};
    CHECK(describeChosen(chosenInSuiteTerms(odd)).empty());
    CHECK(describeTransforms(odd) == "ENCR 28, DH group 31");
}

TEST_CASE("groups: numbers, sizes, and MODP parameters") {
    for (DhGroup g : {DhGroup::Group1, DhGroup::Group2, DhGroup::Group14, DhGroup::ECP256,
                      DhGroup::ECP384, DhGroup::Group24}) {
        const auto n = groupNumber(g);
        REQUIRE(n.has_value());
        CHECK(dhGroupFor(*n) == g);
        CHECK(keDataLength(*n) > 0);
        if (groupKind(*n) == GroupKind::Modp) {
            const auto m = modpGroup(*n);
            REQUIRE(m.has_value());
            CHECK(m->primeHex.size() == 2 * keDataLength(*n));
        }
    }
    CHECK_FALSE(groupNumber(DhGroup::None).has_value());
    CHECK(keDataLength(19) == 64);
    CHECK(keDataLength(20) == 96);
    CHECK(groupKind(31) == GroupKind::Unsupported);
    CHECK(modpGroup(24)->orderHex.size() == 64);
}
