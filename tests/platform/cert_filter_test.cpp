// A picked certificate becomes the EAP-TLS filter (issue 9 §4): no EKU extension means valid for
// any purpose, so AllPurposeEnabled goes in, and it reaches the ProfileXML Windows gets.
#include "model/profile_xml.hpp"
#include "platform/cert_filter.hpp"

#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace aovpn;
using namespace aovpn::platform;

namespace {
CertificateInfo cert(bool hasEku) {
    CertificateInfo c;
    c.issuerCommonName = "Corp Issuing CA";
    c.issuingCaThumbprint = std::string(40, 'A');
    c.hasEkuExtension = hasEku;
    c.clientAuth = hasEku;
    return c;
}
} // namespace

TEST_CASE("a certificate without an EKU extension gets AllPurposeEnabled; one with EKUs does not") {
    const CertFilter none = certificateFilterFor(cert(false));
    CHECK(none.allPurposeEnabled == true);
    REQUIRE(none.caHashList);
    CHECK(none.caHashList->issuerHashes == std::vector<std::string>{std::string(40, 'A')});
    REQUIRE(none.clientAuthEkuList);
    CHECK(none.clientAuthEkuList->ekuNames == std::vector<std::string>{"Client Authentication"});
    CHECK(describeFilterPick(cert(false)).find("AllPurposeEnabled") != std::string::npos);

    CertFilter base;
    base.allPurposeEnabled = true; // left over from an earlier no-EKU pick
    base.anyPurposeEkuList = EkuNameList{true, {"Custom"}};
    const CertFilter eku = certificateFilterFor(cert(true), base);
    CHECK_FALSE(eku.allPurposeEnabled);
    CHECK(eku.anyPurposeEkuList == base.anyPurposeEkuList); // what the pick does not decide stays
    CHECK(describeFilterPick(cert(true)).find("AllPurposeEnabled") == std::string::npos);
}

TEST_CASE("AllPurposeEnabled reaches the ProfileXML of an EAP-TLS profile") {
    std::ifstream in(test::profilesDir() + "/seed_azure_user_tunnel.xml", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto read = readProfileXml(text.str());
    REQUIRE(read.ok());
    auto& eap = read.profile.nativeProfile->authentication->eap;
    REQUIRE(eap);
    eap->tls.certFilter =
        certificateFilterFor(cert(false), eap->tls.certFilter.value_or(CertFilter{}));
    const std::string xml = writeProfileXml(read.profile);
    CHECK(xml.find("<AllPurposeEnabled>true</AllPurposeEnabled>") != std::string::npos);
    CHECK(xml.find("<IssuerHash>" + std::string(40, 'A') + "</IssuerHash>") != std::string::npos);
}
