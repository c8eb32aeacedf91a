// Check gateway against real peers on loopback (tests/gateway/services.sh starts them): strongSwan
// charon responders with Azure's default P2S policy, AES-GCM-256 only and DH group 24 only, a
// cookie-demanding one, and openssl s_server with good and bad certificates. Runs natively and,
// as the Windows exe, under Wine (Winsock, BCrypt, Schannel, CryptoAPI).
#include "model/crypto_presets.hpp"
#include "platform/gateway_check.hpp"

#include "gateway_test_support.hpp"

#include <doctest/doctest.h>

#include <thread>

using namespace aovpn;
using namespace aovpn::test;
using platform::GatewayCheckOptions;

TEST_CASE("IKEv2: the Azure preset is accepted by Azure's default policy, transforms named") {
    const auto r = run(ikeProfile(CryptoPreset::AzureDefault), ikeAt("127.0.0.2"));
    const CheckItem ike = item(r, "ike");
    CHECK(ike.status == CheckStatus::Pass);
    CHECK(has(ike.summary, "AES-CBC-256, HMAC-SHA2-256-128, PRF-HMAC-SHA2-256, DH group 14"));
    CHECK(
        has(ike.summary, "EncryptionMethod AES256, IntegrityCheckMethod SHA256, DHGroup Group14"));
    CHECK(checkExitCode(r) == kCheckExitOk);
}

TEST_CASE("IKEv2: the 128-bit baseline gets NO_PROPOSAL_CHOSEN from Azure's policy: 13868") {
    const auto r = run(ikeProfile(CryptoPreset::RrasBaseline), ikeAt("127.0.0.2"));
    const CheckItem ike = item(r, "ike");
    CHECK(ike.status == CheckStatus::Fail);
    CHECK(has(ike.summary, "NO_PROPOSAL_CHOSEN"));
    CHECK(has(ike.summary, "13868"));
    CHECK(has(ike.detail, "set EncryptionMethod to AES_GCM_256 or AES256"));
    CHECK(checkExitCode(r) == kCheckExitFailure);
}

TEST_CASE("IKEv2: an AES-GCM-256-only gateway takes Strong and refuses AES-CBC") {
    auto r = run(ikeProfile(CryptoPreset::Strong), ikeAt("127.0.0.3"));
    CHECK(item(r, "ike").status == CheckStatus::Pass);
    CHECK(has(item(r, "ike").summary, "AES-GCM-256, PRF-HMAC-SHA2-384, DH group 20 (ECP-384)"));
    r = run(ikeProfile(CryptoPreset::AzureDefault), ikeAt("127.0.0.3"));
    CHECK(item(r, "ike").status == CheckStatus::Fail);
    CHECK(has(item(r, "ike").summary, "NO_PROPOSAL_CHOSEN"));
}

TEST_CASE("IKEv2: a DH-group-24-only gateway answers INVALID_KE_PAYLOAD with the group") {
    const auto r = run(ikeProfile(CryptoPreset::AzureDefault), ikeAt("127.0.0.4"));
    const CheckItem ike = item(r, "ike");
    CHECK(ike.status == CheckStatus::Fail);
    CHECK(has(ike.summary, "INVALID_KE_PAYLOAD"));
    CHECK(has(ike.summary, "asks for DH group 24"));
    CHECK(has(ike.detail, "Set DHGroup to Group24"));
}

TEST_CASE("IKEv2: a wrong key exchange value gets NO_PROPOSAL_CHOSEN (why the key is real)") {
    GatewayCheckOptions o = ikeAt("127.0.0.2");
    o.keFault = GatewayCheckOptions::KeFault::RandomBytes; // not a point on P-384
    auto r = run(ikeProfile(CryptoPreset::Strong), o);
    CHECK(has(item(r, "ike").summary, "NO_PROPOSAL_CHOSEN"));
    o.keFault = GatewayCheckOptions::KeFault::Zero; // outside the MODP range
    r = run(ikeProfile(CryptoPreset::AzureDefault), o);
    CHECK(has(item(r, "ike").summary, "NO_PROPOSAL_CHOSEN"));
    o.keFault = GatewayCheckOptions::KeFault::None; // the same, real: accepted
    CHECK(item(run(ikeProfile(CryptoPreset::Strong), o), "ike").status == CheckStatus::Pass);
    CHECK(item(run(ikeProfile(CryptoPreset::AzureDefault), o), "ike").status == CheckStatus::Pass);
}

TEST_CASE("IKEv2: without a suite Azure picks AES256/SHA256 with DH group 2 (a warning)") {
    const auto r = run(ikeProfile(CryptoPreset::WindowsDefault), ikeAt("127.0.0.2"));
    const CheckItem ike = item(r, "ike");
    CHECK(ike.status == CheckStatus::Warning);
    CHECK(has(ike.summary, "EncryptionMethod AES256, IntegrityCheckMethod SHA256, DHGroup Group2"));
    CHECK(checkExitCode(r) == kCheckExitOk);
    const auto refused = run(ikeProfile(CryptoPreset::WindowsDefault), ikeAt("127.0.0.4"));
    CHECK(has(item(refused, "ike").summary, "NO_PROPOSAL_CHOSEN"));
}

TEST_CASE("IKEv2: a closed port gives no answer (809 likely)") {
    GatewayCheckOptions o = ikeAt("127.0.0.2");
    o.ikePort = port("AOVPN_GW_CLOSED_PORT");
    o.timeout = std::chrono::milliseconds(900);
    const auto r = run(ikeProfile(CryptoPreset::AzureDefault), o);
    const CheckItem ike = item(r, "ike");
    CHECK(ike.status == CheckStatus::Fail);
    CHECK(has(ike.summary, "No answer from 127.0.0.2 UDP"));
    CHECK(has(ike.summary, "after 3 tries"));
    CHECK(has(ike.detail, "809 likely"));
}

TEST_CASE("IKEv2: a COOKIE is sent back once and the answer read") {
    GatewayCheckOptions o = ikeAt("127.0.0.5");
    o.ikePort = port("AOVPN_GW_BUSY_PORT");
    // The busy responder asks for cookies once this address has a half-open IKE SA.
    CHECK(item(run(ikeProfile(CryptoPreset::AzureDefault), o), "ike").status == CheckStatus::Pass);
    const CheckItem second = item(run(ikeProfile(CryptoPreset::AzureDefault), o), "ike");
    CHECK(second.status == CheckStatus::Pass);
    CHECK(has(second.summary, "after a COOKIE round trip"));
}

TEST_CASE("IKEv2: CERTREQ compared with the client certificate's chain") {
    GatewayCheckOptions o = ikeAt("127.0.0.2");
    o.chainFiles = {certFile("ca.pem")};
    auto r = run(ikeProfile(CryptoPreset::AzureDefault), o);
    CHECK(item(r, "ike-certreq").status == CheckStatus::Pass);
    CHECK(has(item(r, "ike-certreq").summary, "AOVPN Test Gateway Root"));
    o.chainFiles = {certFile("other-ca.pem")};
    r = run(ikeProfile(CryptoPreset::AzureDefault), o);
    CHECK(item(r, "ike-certreq").status == CheckStatus::Fail);
    CHECK(has(item(r, "ike-certreq").summary, "does not trust your certificate's CA"));
    CHECK(has(item(r, "ike-certreq").summary, "13801 likely"));
    o.chainFiles.clear();
    r = run(ikeProfile(CryptoPreset::AzureDefault), o);
    CHECK(item(r, "ike-certreq").status == CheckStatus::Skipped);
}

// Before any test trusts the root: Wine's chain engine keeps a root it has seen once.
TEST_CASE("SSTP: a root this machine does not trust (0x800B0109)") {
    distrustTestRoot();
    const auto r = run(sstpProfile(), sstpAt("AOVPN_GW_TLS_GOOD"));
    CHECK(item(r, "sstp-chain").status == CheckStatus::Fail);
    CHECK(has(item(r, "sstp-chain").summary, "0x800B0109"));
    trustTestRoot();
}

TEST_CASE("SSTP: good, expired, wrong-name and client-auth-only certificates; closed port") {
    trustTestRoot();
    auto r = run(sstpProfile(), sstpAt("AOVPN_GW_TLS_GOOD"));
    INFO(renderReportText(r));
    for (const std::string check :
         {"sstp-tls", "sstp-chain", "sstp-name", "sstp-expiry", "sstp-eku"}) {
        CAPTURE(check);
        CHECK(item(r, check).status == CheckStatus::Pass);
    }
    CHECK(checkExitCode(r) == kCheckExitOk);
    r = run(sstpProfile(), sstpAt("AOVPN_GW_TLS_EXPIRED"));
    CHECK(item(r, "sstp-expiry").status == CheckStatus::Fail);
    CHECK(has(item(r, "sstp-expiry").summary, "expired on 2021-01-01"));
    CHECK(has(item(r, "sstp-expiry").summary, "0x800B0101"));
    r = run(sstpProfile(), sstpAt("AOVPN_GW_TLS_WRONGNAME"));
    CHECK(item(r, "sstp-name").status == CheckStatus::Fail);
    CHECK(has(item(r, "sstp-name").summary, "other.aovpn.test, not sstp.aovpn.test"));
    CHECK(has(item(r, "sstp-name").summary, "0x800B010F"));
    CHECK(item(r, "sstp-expiry").status == CheckStatus::Pass);
    r = run(sstpProfile(), sstpAt("AOVPN_GW_TLS_CLIENTONLY"));
    CHECK(item(r, "sstp-eku").status == CheckStatus::Fail);
    CHECK(has(item(r, "sstp-eku").summary, "0x800B0110"));
    r = run(sstpProfile(), sstpAt("AOVPN_GW_CLOSED_PORT"));
    CHECK(item(r, "sstp-tls").status == CheckStatus::Fail);
    CHECK(has(item(r, "sstp-tls").summary, "No TCP connection"));
    CHECK(checkExitCode(r) == kCheckExitFailure);
}

TEST_CASE("DNS: a name resolves (localhost, no network), an IP literal needs none") {
    GatewayCheckOptions o = sstpAt("AOVPN_GW_TLS_GOOD");
    o.server = "localhost";
    const auto r = run(sstpProfile(), o);
    const CheckItem dns = item(r, "dns");
    CHECK(dns.status == CheckStatus::Pass);
    CHECK(has(dns.summary, "localhost resolves to "));
    REQUIRE_FALSE(r.servers.front().addresses.empty());
}

TEST_CASE("Automatic: both IKEv2 and SSTP are checked, once each") {
    Profile p = ikeProfile(CryptoPreset::AzureDefault);
    p.nativeProfile->nativeProtocolType = NativeProtocol::Automatic;
    GatewayCheckOptions o = ikeAt("127.0.0.1"); // charon A has no config here: it refuses
    o.sstpPort = port("AOVPN_GW_TLS_GOOD");
    const auto r = run(p, o);
    CHECK(r.servers.size() == 1);
    std::size_t ike = 0, tls = 0;
    for (const CheckItem& i : r.servers.front().items) {
        ike += i.check == "ike";
        tls += i.check == "sstp-tls";
    }
    CHECK(ike == 1);
    CHECK(tls == 1);
}

TEST_CASE("Cancel: a stop request ends the wait and marks the report") {
    GatewayCheckOptions o = ikeAt("127.0.0.2");
    o.ikePort = port("AOVPN_GW_CLOSED_PORT");
    o.timeout = std::chrono::seconds(60);
    std::stop_source stop;
    std::jthread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        stop.request_stop();
    });
    const GatewayReport r =
        platform::checkGateway(ikeProfile(CryptoPreset::AzureDefault), {}, o, stop.get_token());
    CHECK(r.cancelled);
    CHECK(checkExitCode(r) == kCheckExitCouldNotRun);
    CHECK(item(r, "ike").status == CheckStatus::Skipped);
}

// After the SSTP tests (they distrust the root first). The app's path: the picked certificate's CA
// thumbprints, looked up where that build keeps certificates (CurrentUser\Root under Wine; the
// certificate folder on Linux).
TEST_CASE("IKEv2: CERTREQ compared with the picked certificate's CAs from the store") {
    trustTestRoot();
#ifndef _WIN32
    const std::filesystem::path data = std::filesystem::path(env("AOVPN_GW_CERTS")) / "xdg";
    std::filesystem::create_directories(data / "aovpn-studio" / "certificates");
    std::filesystem::copy_file(certFile("ca.pem"),
                               data / "aovpn-studio" / "certificates" / "ca.pem",
                               std::filesystem::copy_options::overwrite_existing);
    setenv("XDG_DATA_HOME", data.c_str(), 1);
#endif
    GatewayCheckOptions o = ikeAt("127.0.0.2");
    o.chainThumbprints = {env("AOVPN_GW_CA_THUMB")};
    auto r = run(ikeProfile(CryptoPreset::AzureDefault), o);
    CHECK(item(r, "ike-certreq").status == CheckStatus::Pass);
    CHECK(has(item(r, "ike-certreq").summary, "AOVPN Test Gateway Root"));
    CHECK(has(item(r, "ike-certreq").summary, "the picked certificate's CAs"));
    // A CA this machine does not hold: nothing to compare, and the report says whose CAs.
    o.chainThumbprints = {env("AOVPN_GW_OTHER_CA_THUMB")};
    r = run(ikeProfile(CryptoPreset::AzureDefault), o);
    CHECK(item(r, "ike-certreq").status == CheckStatus::Skipped);
    CHECK(has(item(r, "ike-certreq").summary, "the picked certificate's CAs are not in"));
}
