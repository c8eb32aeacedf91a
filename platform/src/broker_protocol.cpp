#include "platform/broker.hpp"

#include "record_format.hpp"

namespace aovpn::platform {

namespace {
constexpr std::string_view kRequestMagic = "aovpn-broker-request 1\n";
constexpr std::string_view kReplyMagic = "aovpn-broker-reply 1\n";

void putList(record::Writer& w, std::string_view key, const std::vector<std::string>& items) {
    w.number(key, items.size());
    for (const auto& s : items)
        w.put("item", s);
}

std::vector<std::string> takeList(record::Reader& r, std::string_view key) {
    std::vector<std::string> out;
    const auto n = r.number(key);
    for (std::uint64_t i = 0; i < n && r.ok() && i < 100000; ++i)
        out.emplace_back(r.take("item").value_or(""));
    return out;
}

void putApply(record::Writer& w, const ApplyResult& a) {
    w.flag("ok", a.ok).flag("replaced", a.replaced).flag("restored", a.restoredPrevious);
    w.flag("from-read-back", a.restoredFromReadBack).put("previous-xml", a.previousXml);
    putList(w, "steps", a.steps);
    w.error("error", a.error).error("restore-error", a.restoreError);
}

ApplyResult takeApply(record::Reader& r) {
    ApplyResult a;
    a.ok = r.flag("ok");
    a.replaced = r.flag("replaced");
    a.restoredPrevious = r.flag("restored");
    a.restoredFromReadBack = r.flag("from-read-back");
    a.previousXml = std::string(r.take("previous-xml").value_or(""));
    a.steps = takeList(r, "steps");
    a.error = r.error("error");
    a.restoreError = r.error("restore-error");
    return a;
}

void putRemove(record::Writer& w, const RemoveResult& x) {
    w.flag("ok", x.ok).flag("existed", x.existed);
    putList(w, "steps", x.steps);
    putList(w, "removed", x.leftovers.removed);
    putList(w, "kept", x.leftovers.kept);
    w.number("failures", x.leftovers.failures.size());
    for (const auto& e : x.leftovers.failures)
        w.error("failure", e);
    w.error("error", x.error);
}

RemoveResult takeRemove(record::Reader& r) {
    RemoveResult x;
    x.ok = r.flag("ok");
    x.existed = r.flag("existed");
    x.steps = takeList(r, "steps");
    x.leftovers.removed = takeList(r, "removed");
    x.leftovers.kept = takeList(r, "kept");
    const auto n = r.number("failures");
    for (std::uint64_t i = 0; i < n && r.ok() && i < 1000; ++i)
        if (auto e = r.error("failure")) x.leftovers.failures.push_back(*e);
    x.error = r.error("error");
    return x;
}
} // namespace

std::string serializeBrokerRequest(const BrokerRequest& r) {
    return record::Writer(kRequestMagic)
        .number("op", static_cast<std::uint64_t>(r.op))
        .put("kind", r.target.kind == TunnelKind::Device ? "device" : "user")
        .put("sid", r.target.user.sid)
        .put("account", r.target.user.name)
        .put("name", r.name)
        .put("xml", r.xml)
        .done();
}

std::optional<BrokerRequest> parseBrokerRequest(std::string_view bytes) {
    record::Reader r(bytes, kRequestMagic);
    BrokerRequest q;
    const auto op = r.number("op");
    const auto kind = r.take("kind");
    q.target.user.sid = std::string(r.take("sid").value_or(""));
    q.target.user.name = std::string(r.take("account").value_or(""));
    q.name = std::string(r.take("name").value_or(""));
    q.xml = std::string(r.take("xml").value_or(""));
    if (!r.finish() || op > static_cast<std::uint64_t>(BrokerOp::Recover) ||
        (kind != "user" && kind != "device"))
        return std::nullopt;
    q.op = static_cast<BrokerOp>(op);
    q.target.kind = kind == "device" ? TunnelKind::Device : TunnelKind::User;
    return q;
}

std::string serializeBrokerReply(BrokerOp op, const BrokerReply& r) {
    record::Writer w(kReplyMagic);
    w.error("failed", r.error).number("profiles", r.profiles.size());
    for (const auto& p : r.profiles)
        w.put("profile-name", p.name).put("instance-id", p.instanceId).put("profile-xml", p.xml);
    if (op == BrokerOp::Apply) putApply(w, r.apply);
    if (op == BrokerOp::Remove) putRemove(w, r.remove);
    putList(w, "notes", r.notes);
    return w.done();
}

std::optional<BrokerReply> parseBrokerReply(BrokerOp op, std::string_view bytes) {
    record::Reader r(bytes, kReplyMagic);
    BrokerReply x;
    x.error = r.error("failed");
    const auto n = r.number("profiles");
    for (std::uint64_t i = 0; i < n && r.ok() && i < 100000; ++i) {
        InstalledProfile p;
        p.name = std::string(r.take("profile-name").value_or(""));
        p.instanceId = std::string(r.take("instance-id").value_or(""));
        p.xml = std::string(r.take("profile-xml").value_or(""));
        x.profiles.push_back(std::move(p));
    }
    if (op == BrokerOp::Apply) x.apply = takeApply(r);
    if (op == BrokerOp::Remove) x.remove = takeRemove(r);
    x.notes = takeList(r, "notes");
    if (!r.finish()) return std::nullopt;
    return x;
}

BrokerReply handleBrokerRequest(const BrokerRequest& q, ProfileService& service) {
    BrokerReply x;
    switch (q.op) {
    case BrokerOp::List: { // the recovery notes travel with the listing: one request
        ProfileListing l = service.listing(q.target);
        x.profiles = std::move(l.profiles);
        x.notes = std::move(l.recovered);
        x.error = std::move(l.error);
        break;
    }
    case BrokerOp::Find: {
        auto found = service.find(q.target, q.name);
        if (!found)
            x.error = found.error();
        else if (found.value())
            x.profiles.push_back(std::move(*found.value()));
        break;
    }
    case BrokerOp::Apply:
        x.apply = service.apply(q.target, q.name, q.xml);
        break;
    case BrokerOp::Remove:
        x.remove = service.remove(q.target, q.name);
        break;
    case BrokerOp::Recover:
        x.notes = service.recover(q.target);
        break;
    }
    return x;
}

} // namespace aovpn::platform
