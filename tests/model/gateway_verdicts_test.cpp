// What the Check gateway observations mean, without a network: the verdicts on answers the
// loopback peers cannot be made to give, the exit code's precedence, and the JSON.
#include "model/crypto_presets.hpp"
#include "model/gateway_verdicts.hpp"

#include <doctest/doctest.h>

using namespace aovpn;

namespace {

bool has(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

IkeObservation answer(std::vector<ike::Notify> notifies) {
    IkeObservation o;
    o.kind = IkeObservation::Kind::Answer;
    o.address = "192.0.2.1";
    ike::SaInitResponse r;
    r.notifies = std::move(notifies);
    o.response = r;
    return o;
}

struct Fixture {
    std::optional<CryptographySuite> suite = makeCryptoSuite(CryptoPreset::AzureDefault);
    ike::ProbeOffer offer = ike::withGroupDiagnostics(ike::offerFor(suite).value);
    CheckItem judge(const IkeObservation& o, const GatewayPolicy* policy = nullptr) const {
        return judgeIke({suite, offer, policy}, o);
    }
};

} // namespace

TEST_CASE("IKE verdicts: a group no profile can name, other errors, a second COOKIE") {
    const Fixture f;
    auto i = f.judge(answer({{ike::notify::kInvalidKePayload, 0, {0, 31}}}));
    CHECK(i.status == CheckStatus::Fail);
    CHECK(has(i.summary, "DH group 31, which a Windows profile cannot name"));
    i = f.judge(answer({{ike::notify::kTemporaryFailure, 0, {}}}));
    CHECK(i.status == CheckStatus::Inconclusive);
    CHECK(has(i.summary, "TEMPORARY_FAILURE (43)"));
    i = f.judge(answer({{ike::notify::kCookie, 0, {1, 2, 3}}}));
    CHECK(i.status == CheckStatus::Inconclusive);
    CHECK(has(i.summary, "COOKIE again"));
    IkeObservation bad = answer({});
    bad.response.reset();
    bad.error = "Malformed IKE_SA_INIT response: payload 1 overruns the message.";
    CHECK(f.judge(bad).status == CheckStatus::Inconclusive);
    IkeObservation failed;
    failed.kind = IkeObservation::Kind::CouldNotRun;
    failed.error = "no UDP socket";
    CHECK(f.judge(failed).status == CheckStatus::CouldNotRun);
}

TEST_CASE("IKE verdicts: NO_PROPOSAL_CHOSEN names the field from the known policy") {
    Fixture f;
    f.suite = makeCryptoSuite(CryptoPreset::RrasBaseline);
    f.offer = ike::withGroupDiagnostics(ike::offerFor(f.suite).value);
    const auto npc = answer({{ike::notify::kNoProposalChosen, 0, {}}});
    CHECK(has(f.judge(npc, &azureDefaultPolicy()).detail,
              "set EncryptionMethod to AES_GCM_256 or AES256"));
    // Unknown gateway: the cipher or the hash, not the group (every group was offered).
    CHECK(has(f.judge(npc).detail, "DHGroup alone is not the cause"));
    // A suite inside Azure's default refused by an Azure gateway: it runs a custom policy.
    Fixture azure;
    CHECK(has(azure.judge(npc, &azureDefaultPolicy()).detail, "custom policy"));
}

TEST_CASE("IKE verdicts: a responder that picks a diagnostic proposal is reported") {
    const Fixture f;
    IkeObservation o = answer({});
    ike::Proposal picked = f.offer.offer.proposals.back();
    picked.transforms.back() = {ike::TransformType::KeyExchange, 24, std::nullopt};
    o.response->chosen = picked;
    o.response->keGroup = 24;
    const CheckItem i = f.judge(o);
    CHECK(i.status == CheckStatus::Fail);
    CHECK(has(i.summary, "from the probe's extra groups"));
}

TEST_CASE("DNS and SSTP verdicts: no address, a certificate not yet valid") {
    const CheckItem dns = judgeDns({"vpn.example.com", false, {}, "Name or service not known"});
    CHECK(dns.status == CheckStatus::Fail);
    CHECK(has(dns.detail, "868"));
    TlsObservation t;
    t.kind = TlsObservation::Kind::Handshake;
    t.trusted = t.nameMatches = t.serverAuth = true;
    t.now = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1};
    t.notBefore = std::chrono::sys_days{std::chrono::year{2026} / 6 / 1};
    t.notAfter = std::chrono::sys_days{std::chrono::year{2027} / 6 / 1};
    const auto items = judgeSstp("vpn.example.com", t);
    REQUIRE(items.size() == 5);
    CHECK(items[3].check == "sstp-expiry");
    CHECK(items[3].status == CheckStatus::Fail);
    CHECK(has(items[3].summary, "valid only from 2026-06-01"));
}

TEST_CASE("report: exit code precedence and JSON") {
    GatewayReport r;
    r.profileName = "Say \"hi\"\n";
    r.servers.push_back({"vpn.example.com", {"192.0.2.1"}, {{"dns", CheckStatus::Pass, "ok", ""}}});
    CHECK(checkExitCode(r) == kCheckExitOk);
    r.servers[0].items.push_back({"sstp-tls", CheckStatus::CouldNotRun, "no provider", ""});
    CHECK(checkExitCode(r) == kCheckExitCouldNotRun);
    r.servers[0].items.push_back({"ike", CheckStatus::Fail, "refused", ""});
    CHECK(checkExitCode(r) == kCheckExitFailure); // a predicted failure wins
    const std::string json = renderReportJson(r);
    CHECK(has(json, R"("profile": "Say \"hi\"\n")"));
    CHECK(has(json, R"("exitCode": 1)"));
    CHECK(has(json, R"({"check": "ike", "status": "fail", "summary": "refused", "detail": ""})"));
    CHECK(has(json, R"("addresses": ["192.0.2.1"])"));
    GatewayReport cancelled;
    cancelled.cancelled = true;
    CHECK(checkExitCode(cancelled) == kCheckExitCouldNotRun);
    CHECK(has(renderReportText(cancelled), "Cancelled"));
}
