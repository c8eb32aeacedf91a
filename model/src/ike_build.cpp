// buildSaInit: an IKE_SA_INIT request laid out as RFC 7296 §3 draws it.
#include "model/ike_message.hpp"

namespace aovpn::ike {
namespace {

class Writer {
  public:
    void u8(std::uint8_t v) { out_.push_back(v); }
    void u16(std::uint16_t v) {
        u8(static_cast<std::uint8_t>(v >> 8));
        u8(static_cast<std::uint8_t>(v));
    }
    void u32(std::uint32_t v) {
        u16(static_cast<std::uint16_t>(v >> 16));
        u16(static_cast<std::uint16_t>(v));
    }
    void bytes(std::span<const std::uint8_t> b) { out_.insert(out_.end(), b.begin(), b.end()); }
    std::size_t size() const { return out_.size(); }
    // Writes a 16-bit length at `at` (big-endian): the bytes from `from` to the end.
    void patch16(std::size_t at, std::size_t from) {
        const auto len = static_cast<std::uint16_t>(out_.size() - from);
        out_[at] = static_cast<std::uint8_t>(len >> 8);
        out_[at + 1] = static_cast<std::uint8_t>(len);
    }
    void patch32(std::size_t at) {
        const auto len = static_cast<std::uint32_t>(out_.size());
        for (int i = 0; i < 4; ++i)
            out_[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(len >> (24 - 8 * i));
    }
    Bytes take() { return std::move(out_); }

  private:
    Bytes out_;
};

// Generic payload header (§3.2) with its length patched by the returned closer.
struct PayloadScope {
    Writer& w;
    std::size_t start;
    PayloadScope(Writer& writer, Payload next) : w(writer), start(writer.size()) {
        w.u8(static_cast<std::uint8_t>(next));
        w.u8(0); // critical bit clear, reserved
        w.u16(0);
    }
    ~PayloadScope() { w.patch16(start + 2, start); }
    PayloadScope(const PayloadScope&) = delete;
    PayloadScope& operator=(const PayloadScope&) = delete;
};

void transform(Writer& w, const Transform& t, bool last) {
    const std::size_t start = w.size();
    w.u8(last ? 0 : 3);
    w.u8(0);
    w.u16(0);
    w.u8(static_cast<std::uint8_t>(t.type));
    w.u8(0);
    w.u16(t.id);
    if (t.keyLength) {
        w.u16(0x8000 | kAttrKeyLength); // AF=1: type/value form
        w.u16(*t.keyLength);
    }
    w.patch16(start + 2, start);
}

void proposal(Writer& w, const Proposal& p, bool last) {
    const std::size_t start = w.size();
    w.u8(last ? 0 : 2);
    w.u8(0);
    w.u16(0);
    w.u8(p.number);
    w.u8(p.protocol);
    w.u8(0); // SPI size: none for the first IKE SA
    w.u8(static_cast<std::uint8_t>(p.transforms.size()));
    for (std::size_t i = 0; i < p.transforms.size(); ++i)
        transform(w, p.transforms[i], i + 1 == p.transforms.size());
    w.patch16(start + 2, start);
}

void notifyPayload(Writer& w, Payload next, std::uint16_t type,
                   std::span<const std::uint8_t> data) {
    PayloadScope scope(w, next);
    w.u8(0); // protocol: none
    w.u8(0); // SPI size
    w.u16(type);
    w.bytes(data);
}

} // namespace

Bytes buildSaInit(const SaInitRequest& r) {
    Writer w;
    w.bytes(r.initiatorSpi);
    w.bytes(Spi{});
    w.u8(static_cast<std::uint8_t>(r.cookie.empty() ? Payload::SA : Payload::Notify));
    w.u8(kVersion2);
    w.u8(kIkeSaInit);
    w.u8(kFlagInitiator);
    w.u32(0); // message ID
    w.u32(0); // length, patched below
    if (!r.cookie.empty()) notifyPayload(w, Payload::SA, notify::kCookie, r.cookie);
    {
        PayloadScope sa(w, Payload::KE);
        for (std::size_t i = 0; i < r.proposals.size(); ++i)
            proposal(w, r.proposals[i], i + 1 == r.proposals.size());
    }
    {
        PayloadScope ke(w, Payload::Nonce);
        w.u16(r.keGroup);
        w.u16(0);
        w.bytes(r.keData);
    }
    {
        PayloadScope nonce(w, Payload::Notify);
        w.bytes(r.nonce);
    }
    notifyPayload(w, Payload::Notify, notify::kNatDetectionSourceIp, r.natSourceHash);
    notifyPayload(w, Payload::None, notify::kNatDetectionDestinationIp, r.natDestinationHash);
    w.patch32(24);
    return w.take();
}

Bytes natDetectionInput(const Spi& spiI, const Spi& spiR, std::span<const std::uint8_t> address,
                        std::uint16_t port) {
    Bytes out(spiI.begin(), spiI.end());
    out.insert(out.end(), spiR.begin(), spiR.end());
    out.insert(out.end(), address.begin(), address.end());
    out.push_back(static_cast<std::uint8_t>(port >> 8));
    out.push_back(static_cast<std::uint8_t>(port));
    return out;
}

} // namespace aovpn::ike
