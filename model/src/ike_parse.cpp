// parseSaInitResponse: reads a responder's IKE_SA_INIT answer with every length checked.
#include "model/ike_message.hpp"

#include <fmt/format.h>

namespace aovpn::ike {
namespace {

using Result = ParseResult<SaInitResponse>;

// A bounds-checked big-endian view.
class Reader {
  public:
    explicit Reader(std::span<const std::uint8_t> data) : data_(data) {}
    std::size_t left() const { return data_.size() - pos_; }
    bool u8(std::uint8_t& v) {
        if (left() < 1) return false;
        v = data_[pos_++];
        return true;
    }
    bool u16(std::uint16_t& v) {
        if (left() < 2) return false;
        v = static_cast<std::uint16_t>(data_[pos_] << 8 | data_[pos_ + 1]);
        pos_ += 2;
        return true;
    }
    bool take(std::size_t n, std::span<const std::uint8_t>& out) {
        if (left() < n) return false;
        out = data_.subspan(pos_, n);
        pos_ += n;
        return true;
    }

  private:
    std::span<const std::uint8_t> data_;
    std::size_t pos_ = 0;
};

std::uint32_t be32(std::span<const std::uint8_t> b) {
    return std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 |
           std::uint32_t{b[3]};
}

bool readTransform(Reader& r, Transform& t, std::uint8_t& more) {
    std::uint8_t reserved = 0, type = 0;
    std::uint16_t length = 0;
    std::span<const std::uint8_t> body;
    if (!r.u8(more) || !r.u8(reserved) || !r.u16(length) || length < 8 ||
        !r.take(length - 4u, body))
        return false;
    Reader b(body);
    if (!b.u8(type) || !b.u8(reserved) || !b.u16(t.id)) return false;
    t.type = static_cast<TransformType>(type);
    while (b.left() > 0) {
        std::uint16_t attrType = 0, value = 0;
        if (!b.u16(attrType) || !b.u16(value)) return false;
        if ((attrType & 0x8000) == 0) {
            // TLV form: `value` is the length of a value this code does not use.
            std::span<const std::uint8_t> skip;
            if (!b.take(value, skip)) return false;
        } else if ((attrType & 0x7fff) == kAttrKeyLength) {
            t.keyLength = value;
        }
    }
    return more == 0 || more == 3;
}

bool readProposal(std::span<const std::uint8_t> body, Proposal& p) {
    Reader r(body);
    std::uint8_t more = 0, reserved = 0, spiSize = 0, count = 0;
    std::uint16_t length = 0;
    std::span<const std::uint8_t> rest, spi;
    if (!r.u8(more) || !r.u8(reserved) || !r.u16(length) || length < 8 ||
        !r.take(length - 4u, rest) || more != 0 || r.left() != 0)
        return false; // a response carries exactly one proposal
    Reader pr(rest);
    if (!pr.u8(p.number) || !pr.u8(p.protocol) || !pr.u8(spiSize) || !pr.u8(count) ||
        !pr.take(spiSize, spi))
        return false;
    for (std::uint8_t i = 0; i < count; ++i) {
        Transform t;
        std::uint8_t tMore = 0;
        if (!readTransform(pr, t, tMore)) return false;
        p.transforms.push_back(t);
        if ((tMore == 0) != (i + 1 == count)) return false;
    }
    return pr.left() == 0;
}

bool readNotify(std::span<const std::uint8_t> body, Notify& n) {
    Reader r(body);
    std::uint8_t spiSize = 0;
    std::span<const std::uint8_t> spi, data;
    if (!r.u8(n.protocol) || !r.u8(spiSize) || !r.u16(n.type) || !r.take(spiSize, spi))
        return false;
    r.take(r.left(), data);
    n.data.assign(data.begin(), data.end());
    return true;
}

bool readCertReq(std::span<const std::uint8_t> body, CertRequest& c) {
    Reader r(body);
    if (!r.u8(c.encoding)) return false;
    if (c.encoding != kCertEncodingX509Signature) return true; // other encodings: kept as seen
    if (r.left() % 20 != 0) return false;
    std::span<const std::uint8_t> h;
    while (r.take(20, h)) {
        Sha1 hash{};
        std::copy(h.begin(), h.end(), hash.begin());
        c.caHashes.push_back(hash);
    }
    return true;
}

// One payload's body into the response; false when the body does not hold what its type says.
bool readPayload(Payload type, std::span<const std::uint8_t> body, SaInitResponse& out) {
    switch (type) {
    case Payload::SA: {
        if (out.chosen) return false;
        Proposal p;
        if (!readProposal(body, p)) return false;
        out.chosen = std::move(p);
        return true;
    }
    case Payload::KE: {
        Reader r(body);
        std::uint16_t group = 0, reserved = 0;
        if (!r.u16(group) || !r.u16(reserved)) return false;
        out.keGroup = group;
        out.keLength = r.left();
        return true;
    }
    case Payload::Nonce:
        out.nonceLength = body.size();
        return true;
    case Payload::Notify: {
        Notify n;
        if (!readNotify(body, n)) return false;
        out.notifies.push_back(std::move(n));
        return true;
    }
    case Payload::CertReq: {
        CertRequest c;
        if (!readCertReq(body, c)) return false;
        out.certRequests.push_back(std::move(c));
        return true;
    }
    case Payload::VendorId:
        ++out.vendorIds;
        return true;
    default:
        return true; // not needed for the verdict (critical ones are refused by the caller)
    }
}

bool knownPayload(Payload p) {
    switch (p) {
    case Payload::SA:
    case Payload::KE:
    case Payload::Cert:
    case Payload::CertReq:
    case Payload::Nonce:
    case Payload::Notify:
    case Payload::VendorId:
        return true;
    default:
        return false;
    }
}

std::optional<std::string> checkHeader(std::span<const std::uint8_t> d, const Spi& spi,
                                       std::uint32_t& length) {
    if (d.size() < kHeaderSize)
        return fmt::format("{} bytes: shorter than an IKE header", d.size());
    if (!std::equal(spi.begin(), spi.end(), d.begin()))
        return std::string("the initiator SPI is not the one sent");
    if ((d[17] >> 4) != 2) return fmt::format("IKE major version {}, not 2", d[17] >> 4);
    if (d[18] != kIkeSaInit) return fmt::format("exchange type {}, not IKE_SA_INIT (34)", d[18]);
    if ((d[19] & kFlagResponse) == 0) return std::string("not a response (R flag clear)");
    if (be32(d.subspan(20, 4)) != 0) return std::string("message ID is not 0");
    length = be32(d.subspan(24, 4));
    if (length < kHeaderSize || length > d.size())
        return fmt::format("header length {} does not fit the {} bytes received", length, d.size());
    return std::nullopt;
}

} // namespace

ParseResult<SaInitResponse> parseSaInitResponse(std::span<const std::uint8_t> datagram,
                                                const Spi& initiatorSpi) {
    std::uint32_t length = 0;
    if (auto bad = checkHeader(datagram, initiatorSpi, length))
        return Result::failure("Not an IKE_SA_INIT response: " + *bad + ".");
    SaInitResponse out;
    std::copy(datagram.begin() + 8, datagram.begin() + 16, out.responderSpi.begin());
    Reader r(datagram.subspan(kHeaderSize, length - kHeaderSize));
    auto next = static_cast<Payload>(datagram[16]);
    for (int count = 0; next != Payload::None; ++count) {
        std::uint8_t following = 0, flags = 0;
        std::uint16_t plen = 0;
        std::span<const std::uint8_t> body;
        if (count >= 64 || !r.u8(following) || !r.u8(flags) || !r.u16(plen) || plen < 4 ||
            !r.take(plen - 4u, body))
            return Result::failure(fmt::format(
                "Malformed IKE_SA_INIT response: payload {} overruns the message.", count + 1));
        if ((flags & 0x80) != 0 && !knownPayload(next))
            return Result::failure(
                fmt::format("The IKE_SA_INIT response has a critical payload of unknown type {}.",
                            static_cast<int>(next)));
        if (!readPayload(next, body, out))
            return Result::failure(fmt::format(
                "Malformed IKE_SA_INIT response: payload {} (type {}) is not well formed.",
                count + 1, static_cast<int>(next)));
        next = static_cast<Payload>(following);
    }
    if (r.left() != 0)
        return Result::failure("Malformed IKE_SA_INIT response: bytes after the last payload.");
    return Result::success(std::move(out));
}

const Notify* SaInitResponse::find(std::uint16_t type) const {
    for (const Notify& n : notifies)
        if (n.type == type) return &n;
    return nullptr;
}

const Notify* SaInitResponse::error() const {
    for (const Notify& n : notifies)
        if (notify::isError(n.type)) return &n;
    return nullptr;
}

std::string_view notify::name(std::uint16_t type) {
    switch (type) {
    case kInvalidSyntax:
        return "INVALID_SYNTAX";
    case kNoProposalChosen:
        return "NO_PROPOSAL_CHOSEN";
    case kInvalidKePayload:
        return "INVALID_KE_PAYLOAD";
    case kAuthenticationFailed:
        return "AUTHENTICATION_FAILED";
    case kTemporaryFailure:
        return "TEMPORARY_FAILURE";
    case kNatDetectionSourceIp:
        return "NAT_DETECTION_SOURCE_IP";
    case kNatDetectionDestinationIp:
        return "NAT_DETECTION_DESTINATION_IP";
    case kCookie:
        return "COOKIE";
    case kRedirect:
        return "REDIRECT";
    case kFragmentationSupported:
        return "IKEV2_FRAGMENTATION_SUPPORTED";
    default:
        return {};
    }
}

} // namespace aovpn::ike
