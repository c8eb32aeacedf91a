// IKE_SA_INIT bytes against RFC 7296 §3: the header (§3.1), generic payload header (§3.2), SA
// with proposal and transform substructures and the key length attribute (§3.3), KE (§3.4),
// Nonce (§3.9), Notify (§3.10), CERTREQ (§3.7).
#include "model/ike_message.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace aovpn;
using namespace aovpn::ike;

namespace {

Bytes hex(std::string_view text) {
    Bytes out;
    int nibble = -1;
    for (char c : text) {
        int v = -1;
        if (c >= '0' && c <= '9') v = c - '0';
        if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        if (v < 0) continue; // spaces and separators
        if (nibble < 0) {
            nibble = v;
        } else {
            out.push_back(static_cast<std::uint8_t>(nibble << 4 | v));
            nibble = -1;
        }
    }
    return out;
}

Bytes slice(const Bytes& b, std::size_t from, std::size_t n) {
    return Bytes(b.begin() + static_cast<std::ptrdiff_t>(from),
                 b.begin() + static_cast<std::ptrdiff_t>(from + n));
}

const Spi kSpi{1, 2, 3, 4, 5, 6, 7, 8};

SaInitRequest request() {
    SaInitRequest r;
    r.initiatorSpi = kSpi;
    Proposal p;
    p.transforms = {{TransformType::Encryption, 12, 256},
                    {TransformType::Integrity, 12, std::nullopt},
                    {TransformType::Prf, 5, std::nullopt},
                    {TransformType::KeyExchange, 14, std::nullopt}};
    r.proposals = {p};
    r.keGroup = 14;
    r.keData = Bytes(256, 0xab);
    r.nonce = Bytes(32, 0xcd);
    r.natSourceHash.fill(0x11);
    r.natDestinationHash.fill(0x22);
    return r;
}

// A responder's answer, assembled payload by payload: (type, body) in order.
Bytes response(const std::vector<std::pair<std::uint8_t, Bytes>>& payloads,
               std::uint8_t flags = 0x20, std::uint8_t exchange = 34) {
    Bytes out(kSpi.begin(), kSpi.end());
    const Bytes responderSpi = hex("a1a2a3a4a5a6a7a8");
    out.insert(out.end(), responderSpi.begin(), responderSpi.end());
    out.push_back(payloads.empty() ? 0 : payloads.front().first);
    for (std::uint8_t b :
         {std::uint8_t{0x20}, exchange, flags, std::uint8_t{0}, std::uint8_t{0}, std::uint8_t{0},
          std::uint8_t{0}, std::uint8_t{0}, std::uint8_t{0}, std::uint8_t{0}, std::uint8_t{0}})
        out.push_back(b);
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        const std::size_t len = payloads[i].second.size() + 4;
        out.push_back(i + 1 < payloads.size() ? payloads[i + 1].first : 0);
        out.push_back(0);
        out.push_back(static_cast<std::uint8_t>(len >> 8));
        out.push_back(static_cast<std::uint8_t>(len));
        out.insert(out.end(), payloads[i].second.begin(), payloads[i].second.end());
    }
    out[27] = static_cast<std::uint8_t>(out.size());
    out[26] = static_cast<std::uint8_t>(out.size() >> 8);
    return out;
}

// The SA body of a one-proposal answer: AES-CBC-256, HMAC-SHA2-256-128, PRF-SHA2-256, DH 14.
const Bytes kChosenSa = hex("00 00 00 2c 01 01 00 04"
                            "03 00 00 0c 01 00 00 0c 80 0e 01 00"
                            "03 00 00 08 03 00 00 0c"
                            "03 00 00 08 02 00 00 05"
                            "00 00 00 08 04 00 00 0e");

Bytes notifyBody(std::uint16_t type, const Bytes& data = {}) {
    Bytes b{0, 0, static_cast<std::uint8_t>(type >> 8), static_cast<std::uint8_t>(type)};
    b.insert(b.end(), data.begin(), data.end());
    return b;
}

} // namespace

TEST_CASE("IKE_SA_INIT request: header, SA/proposal/transforms, KE, Ni, NAT detection") {
    const Bytes b = buildSaInit(request());
    const std::size_t sa = 28 + 4 + 8 + 12 + 8 + 8 + 8; // 76
    const std::size_t total = sa + (4 + 4 + 256) + (4 + 32) + 2 * (4 + 4 + 20);
    REQUIRE(b.size() == total);
    // §3.1: SPIi, SPIr = 0, next payload SA (33), version 2.0, IKE_SA_INIT (34), I flag,
    // message ID 0, length.
    CHECK(slice(b, 0, 28) == hex("0102030405060708 0000000000000000 21 20 22 08 00000000"
                                 "000001b0"));
    CHECK(total == 0x1b0);
    // §3.2/§3.3: SA payload (next KE), one proposal (last: 0, #1, IKE, no SPI, 4 transforms),
    // transforms (more: 3, last: 0) with the key length as a TV attribute (0x800e).
    CHECK(slice(b, 28, sa - 28) == hex("22 00 00 30"
                                       "00 00 00 2c 01 01 00 04"
                                       "03 00 00 0c 01 00 00 0c 80 0e 01 00"
                                       "03 00 00 08 03 00 00 0c"
                                       "03 00 00 08 02 00 00 05"
                                       "00 00 00 08 04 00 00 0e"));
    // §3.4: KE (next Nonce 40), group 14, reserved, the public value.
    CHECK(slice(b, sa, 8) == hex("28 00 01 08 00 0e 00 00"));
    CHECK(slice(b, sa + 8, 256) == Bytes(256, 0xab));
    // §3.9: Nonce (next Notify 41).
    const std::size_t ni = sa + 264;
    CHECK(slice(b, ni, 4) == hex("29 00 00 24"));
    // §3.10: N(NAT_DETECTION_SOURCE_IP 16388), then N(NAT_DETECTION_DESTINATION_IP 16389), last.
    const std::size_t n1 = ni + 36;
    CHECK(slice(b, n1, 8) == hex("29 00 00 1c 00 00 40 04"));
    CHECK(slice(b, n1 + 8, 20) == Bytes(20, 0x11));
    CHECK(slice(b, n1 + 28, 8) == hex("00 00 00 1c 00 00 40 05"));
    CHECK(slice(b, n1 + 36, 20) == Bytes(20, 0x22));
}

TEST_CASE("IKE_SA_INIT request: a cookie goes first (§2.6), proposals chain with 2 then 0") {
    SaInitRequest r = request();
    r.cookie = hex("c0 0c 1e 5e c0 0c 1e 5e");
    Proposal second = r.proposals.front();
    second.number = 2;
    r.proposals.push_back(second);
    const Bytes b = buildSaInit(r);
    CHECK(b[16] == 41); // first payload: Notify
    CHECK(slice(b, 28, 16) == hex("21 00 00 10 00 00 40 06 c0 0c 1e 5e c0 0c 1e 5e"));
    CHECK(slice(b, 44, 4) == hex("22 00 00 5c")); // SA: 4 + 2 * 44
    CHECK(b[48] == 2);                            // first proposal: more follow
    CHECK(b[48 + 44] == 0);                       // second: last
    CHECK(b[48 + 44 + 4] == 2);                   // proposal number 2
}

TEST_CASE("IKE_SA_INIT response: an accepted SA with KE, nonce, CERTREQ and notifies") {
    const Bytes certreq = hex("04" + std::string(40, '1') + std::string(40, '2'));
    const Bytes d = response({{33, kChosenSa},
                              {34,
                               [] {
                                   Bytes ke = hex("000e 0000");
                                   ke.resize(4 + 256, 0x5a);
                                   return ke;
                               }()},
                              {40, Bytes(32, 0x77)},
                              {41, notifyBody(16388, Bytes(20, 1))},
                              {41, notifyBody(16389, Bytes(20, 2))},
                              {38, certreq},
                              {41, notifyBody(16430)},
                              {43, hex("882fe56d6fd20dbc2251613b2ebe5beb")}});
    const auto r = parseSaInitResponse(d, kSpi);
    REQUIRE_MESSAGE(r.ok, r.error);
    const SaInitResponse& s = r.value;
    CHECK(s.responderSpi == Spi{0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8});
    REQUIRE(s.chosen.has_value());
    CHECK(s.chosen->transforms == request().proposals.front().transforms);
    CHECK(s.keGroup == std::uint16_t{14});
    CHECK(s.keLength == 256);
    CHECK(s.nonceLength == 32);
    CHECK(s.notifies.size() == 3);
    CHECK(s.find(16430) != nullptr);
    CHECK(s.error() == nullptr);
    REQUIRE(s.certRequests.size() == 1);
    CHECK(s.certRequests[0].encoding == 4);
    REQUIRE(s.certRequests[0].caHashes.size() == 2);
    CHECK(s.certRequests[0].caHashes[1][19] == 0x22);
    CHECK(s.vendorIds == 1);
}

TEST_CASE("IKE_SA_INIT response: NO_PROPOSAL_CHOSEN, INVALID_KE_PAYLOAD, COOKIE") {
    auto r = parseSaInitResponse(response({{41, notifyBody(14)}}), kSpi);
    REQUIRE(r.ok);
    REQUIRE(r.value.error() != nullptr);
    CHECK(r.value.error()->type == notify::kNoProposalChosen);
    CHECK(notify::name(r.value.error()->type) == "NO_PROPOSAL_CHOSEN");
    CHECK_FALSE(r.value.chosen.has_value());

    r = parseSaInitResponse(response({{41, notifyBody(17, hex("0018"))}}), kSpi);
    REQUIRE(r.ok);
    CHECK(r.value.error()->data == hex("0018"));

    r = parseSaInitResponse(response({{41, notifyBody(16390, hex("0102030405060708"))}}), kSpi);
    REQUIRE(r.ok);
    CHECK(r.value.error() == nullptr);
    REQUIRE(r.value.find(notify::kCookie) != nullptr);
    CHECK(r.value.find(notify::kCookie)->data.size() == 8);
}

TEST_CASE("IKE_SA_INIT response: every malformed shape is refused with a sentence") {
    const Bytes good = response({{33, kChosenSa}, {40, Bytes(16, 1)}});
    REQUIRE(parseSaInitResponse(good, kSpi).ok);
    // Every truncation fails (the header length no longer fits, or a payload overruns).
    for (std::size_t n = 0; n < good.size(); ++n) {
        CAPTURE(n);
        const auto r = parseSaInitResponse(std::span(good).first(n), kSpi);
        CHECK_FALSE(r.ok);
        CHECK_FALSE(r.error.empty());
    }
    auto fails = [](const Bytes& d, std::string_view why) {
        const auto r = parseSaInitResponse(d, kSpi);
        CHECK_FALSE(r.ok);
        CHECK_MESSAGE(r.error.find(why) != std::string::npos, r.error);
    };
    fails(response({{41, notifyBody(14)}}, 0x08), "not a response");
    fails(response({{41, notifyBody(14)}}, 0x20, 35), "exchange type 35");
    Bytes other = good;
    other[0] ^= 1;
    fails(other, "SPI");
    Bytes v1 = good;
    v1[17] = 0x10;
    fails(v1, "major version 1");
    Bytes trailing = good;
    trailing.push_back(0);
    trailing[27] = static_cast<std::uint8_t>(trailing.size());
    fails(trailing, "bytes after the last payload");
    fails(response({{33, kChosenSa}, {33, kChosenSa}}), "payload 2 (type 33)");
    Bytes twoProposals = kChosenSa;
    twoProposals[0] = 2;
    twoProposals.insert(twoProposals.end(), kChosenSa.begin(), kChosenSa.end());
    fails(response({{33, twoProposals}}), "not well formed");
    fails(response({{38, hex("04 0102")}}), "not well formed"); // hashes are 20 bytes each
    Bytes badTransform = kChosenSa;
    badTransform[11] = 0x04; // transform length 4 < 8
    fails(response({{33, badTransform}}), "not well formed");
    Bytes critical = response({{99, hex("00")}});
    critical[29] = 0x80;
    fails(critical, "critical payload of unknown type 99");
    // A non-critical unknown payload is skipped.
    CHECK(parseSaInitResponse(response({{99, hex("00")}, {41, notifyBody(14)}}), kSpi).ok);
}

TEST_CASE("NAT detection input: SPIi | SPIr | address | port") {
    const Bytes in = natDetectionInput(kSpi, Spi{}, hex("7f000001"), 20500);
    CHECK(in == hex("0102030405060708 0000000000000000 7f000001 5014"));
}
