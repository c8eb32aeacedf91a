#include "validate_fixtures.hpp"

using namespace aovpn;
using namespace aovpn::test;

namespace {
Authentication& auth(Profile& p) {
    return *p.nativeProfile->authentication;
}
EapTlsSettings& tls(Profile& p) {
    return auth(p).eap->tls;
}
CryptographySuite& suite(Profile& p) {
    return *p.nativeProfile->cryptographySuite;
}
} // namespace

TEST_CASE("rule auth.missing") {
    Profile p = userTunnel();
    p.nativeProfile->authentication.reset();
    CHECK(expectOnly(p, "auth.missing").field == "NativeProfile/Authentication");
    p = userTunnel();
    auth(p).userMethod.reset();
    expectOnly(p, "auth.missing");
}

TEST_CASE("rule auth.eap-missing") {
    Profile p = userTunnel();
    auth(p).eap.reset();
    CHECK(expectOnly(p, "auth.eap-missing").field == "NativeProfile/Authentication/Eap");
    p = userTunnel();
    auth(p).eap->kind = EapKind::Empty;
    expectOnly(p, "auth.eap-missing");
}

TEST_CASE("rule auth.mschapv2") {
    Profile p = userTunnel();
    auth(p).userMethod = UserMethod::MSChapv2;
    expectOnly(p, "auth.mschapv2");
}

TEST_CASE("rule auth.server-validation-off") {
    Profile p = userTunnel();
    tls(p).performServerValidation = false;
    CHECK(expectOnly(p, "auth.server-validation-off").field ==
          "NativeProfile/Authentication/Eap/PerformServerValidation");
    // PEAP validates the server in the outer tunnel.
    p = userTunnel();
    auth(p).eap->kind = EapKind::PeapTls;
    auth(p).eap->peap.serverValidation = tls(p).serverValidation;
    auth(p).eap->peap.performServerValidation = false;
    expectOnly(p, "auth.server-validation-off");
}

TEST_CASE("rule auth.no-server-names") {
    Profile p = userTunnel();
    tls(p).serverValidation->serverNames = "";
    expectOnly(p, "auth.no-server-names");
}

TEST_CASE("the default EAP-TLS block validates the server and asks for what it still needs") {
    // What the form's "Use EAP-TLS with a certificate" and the templates start from.
    Profile p = userTunnel();
    auth(p).eap = defaultUserTunnelEapTls();
    std::vector<std::string> rules;
    for (const Issue& i : validateProfile(p))
        rules.push_back(i.rule);
    CHECK(rules == std::vector<std::string>{"auth.no-server-names", "auth.no-cert-filter"});
}

TEST_CASE("rule auth.no-cert-filter") {
    Profile p = userTunnel();
    tls(p).certFilter.reset();
    const Issue i = expectOnly(p, "auth.no-cert-filter");
    CHECK(contains(i.message, "wrong certificate"));
    // An EKU filter alone is enough.
    EkuNameList ekus;
    ekus.enabled = true;
    ekus.ekuNames = {"AOVPN User Authentication"};
    CertFilter f;
    f.ekuMapping = {{"AOVPN User Authentication", "1.3.6.1.4.1.311.87"}};
    f.clientAuthEkuList = ekus;
    tls(p).certFilter = f;
    CHECK(validateProfile(p).empty());
}

TEST_CASE("rule auth.hash-format") {
    Profile p = userTunnel();
    tls(p).serverValidation->trustedRootCAs = {"3f07a1b2"};
    CHECK(expectOnly(p, "auth.hash-format").field ==
          "NativeProfile/Authentication/Eap/ServerValidation/TrustedRootCA");
    p = userTunnel();
    tls(p).certFilter->caHashList->issuerHashes = {"zz07a1b2c3d4e5f60718293a4b5c6d7e8f901234"};
    expectOnly(p, "auth.hash-format");
}

TEST_CASE("rule crypto.missing") {
    Profile p = userTunnel();
    p.nativeProfile->cryptographySuite.reset();
    const Issue i = expectOnly(p, "crypto.missing");
    CHECK(contains(i.message, "3DES"));
    p.nativeProfile->nativeProtocolType = NativeProtocol::SSTP;
    CHECK(validateProfile(p).empty());
    // Windows 11's ProtocolList that includes IKEv2 needs a suite just the same.
    p.nativeProfile->nativeProtocolType = NativeProtocol::ProtocolList;
    p.nativeProfile->protocolList = ProtocolList{{NativeProtocol::SSTP}, std::nullopt, {}};
    CHECK(validateProfile(p).empty());
    p.nativeProfile->protocolList->protocols.push_back(NativeProtocol::IKEv2);
    expectOnly(p, "crypto.missing");
}

TEST_CASE("rule crypto.incomplete") {
    Profile p = userTunnel();
    suite(p).pfsGroup.reset();
    CHECK(expectOnly(p, "crypto.incomplete").field == "NativeProfile/CryptographySuite/PfsGroup");
}

TEST_CASE("rule crypto.weak") {
    Profile p = userTunnel();
    suite(p).dhGroup = DhGroup::Group2;
    const Issue i = expectOnly(p, "crypto.weak");
    CHECK(i.field == "NativeProfile/CryptographySuite/DHGroup");
    CHECK(contains(i.message, "Group2"));
    p = userTunnel();
    suite(p).encryptionMethod = EncryptionMethod::DES;
    expectOnly(p, "crypto.weak");
    p = userTunnel();
    suite(p).integrityCheckMethod = IntegrityCheck::MD5;
    expectOnly(p, "crypto.weak");
    p = userTunnel();
    suite(p).dhGroup = DhGroup::Group1;
    expectOnly(p, "crypto.weak");
    p = userTunnel();
    suite(p).cipherTransformConstants = CipherTransform::DES3;
    expectOnly(p, "crypto.weak");
}
