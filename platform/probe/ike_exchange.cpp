// The IKE_SA_INIT exchange of Check gateway: one request (retransmitted at most twice, resent
// once with a COOKIE when asked), from an ephemeral port, bounded by the timeout.
#include "ike_exchange.hpp"

#include "model/ike_groups.hpp"

#include <fmt/format.h>

namespace aovpn::platform::probe {
namespace {

constexpr int kTries = 3;
constexpr std::array<std::uint8_t, 4> kNonEspMarker{0, 0, 0, 0};

using Clock = std::chrono::steady_clock;

// The request's KE value: real unless a test asks for a broken one.
bool keyExchange(std::uint16_t group, GatewayCheckOptions::KeFault fault,
                 std::vector<std::uint8_t>& out, std::string& error) {
    using F = GatewayCheckOptions::KeFault;
    if (fault == F::None) return makePublicValue(group, out, error);
    out.assign(ike::keDataLength(group), 0);
    return fault == F::Zero || randomBytes(out, error);
}

bool buildRequest(const ike::Offer& offer, const UdpSocket& socket, const Address& to,
                  std::uint16_t port, GatewayCheckOptions::KeFault fault, ike::SaInitRequest& r,
                  std::string& error) {
    r.proposals = offer.proposals;
    r.keGroup = offer.keGroup;
    r.nonce.assign(32, 0);
    if (!randomBytes(r.initiatorSpi, error) || !randomBytes(r.nonce, error) ||
        !keyExchange(offer.keGroup, fault, r.keData, error))
        return false;
    r.natSourceHash = sha1(
        ike::natDetectionInput(r.initiatorSpi, ike::Spi{}, socket.local().raw, socket.localPort()));
    r.natDestinationHash = sha1(ike::natDetectionInput(r.initiatorSpi, ike::Spi{}, to.raw, port));
    return true;
}

std::vector<std::uint8_t> datagram(const ike::SaInitRequest& r, bool marker) {
    std::vector<std::uint8_t> d = ike::buildSaInit(r);
    if (marker) d.insert(d.begin(), kNonEspMarker.begin(), kNonEspMarker.end());
    return d;
}

// A reply for this SPI, the marker taken off; nullopt for anything else (keep waiting).
std::optional<std::vector<std::uint8_t>> ours(std::vector<std::uint8_t> reply, bool marker,
                                              const ike::Spi& spi) {
    if (marker) {
        if (reply.size() < 4 ||
            !std::equal(kNonEspMarker.begin(), kNonEspMarker.end(), reply.begin()))
            return std::nullopt; // ESP or garbage
        reply.erase(reply.begin(), reply.begin() + 4);
    }
    if (reply.size() < 8 || !std::equal(spi.begin(), spi.end(), reply.begin())) return std::nullopt;
    return reply;
}

} // namespace

IkeObservation exchangeSaInit(const Address& to, std::uint16_t port, const ike::Offer& offer,
                              std::chrono::milliseconds timeout, const std::stop_token& stop,
                              GatewayCheckOptions::KeFault fault) {
    IkeObservation o;
    o.address = to.text;
    o.port = port;
    const bool marker = port != 500;
    auto socket = openUdp(to, port, o.error);
    ike::SaInitRequest request;
    if (!socket || !buildRequest(offer, *socket, to, port, fault, request, o.error)) return o;
    const auto start = Clock::now();
    const auto slice = timeout / kTries;
    std::vector<std::uint8_t> sent = datagram(request, marker);
    for (int tries = 0; tries < kTries && !stop.stop_requested();) {
        if (!socket->send(sent, o.error)) return o;
        ++o.attempts;
        ++tries;
        const auto until = Clock::now() + slice;
        while (Clock::now() < until && !stop.stop_requested()) {
            const auto wait =
                std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
            std::vector<std::uint8_t> got = socket->receive(wait, stop, o.error);
            if (!o.error.empty()) return o;
            if (got.empty()) break;
            auto reply = ours(std::move(got), marker, request.initiatorSpi);
            if (!reply) continue;
            auto parsed = ike::parseSaInitResponse(*reply, request.initiatorSpi);
            o.kind = IkeObservation::Kind::Answer;
            o.seconds = std::chrono::duration<double>(Clock::now() - start).count();
            if (!parsed.ok) {
                o.error = parsed.error;
                return o;
            }
            const ike::Notify* cookie = parsed.value.find(ike::notify::kCookie);
            if (cookie && !o.cookieResent && !cookie->data.empty()) {
                // RFC 7296 §2.6: the same request again, N(COOKIE) first. Not a new probe.
                request.cookie = cookie->data;
                sent = datagram(request, marker);
                o.cookieResent = true;
                tries = 0;
                break;
            }
            o.response = std::move(parsed.value);
            return o;
        }
    }
    o.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    o.kind =
        stop.stop_requested() ? IkeObservation::Kind::Cancelled : IkeObservation::Kind::NoAnswer;
    return o;
}

} // namespace aovpn::platform::probe
