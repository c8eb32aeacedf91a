// Profile calls of the Windows app: here, or through the SYSTEM broker, as the route says.
#include "broker_win32.hpp"

namespace aovpn::platform::win {

BrokeredProfileService::BrokeredProfileService(SessionInfo session, ProfileService& local,
                                               BrokerClient& broker)
    : session_(std::move(session)), local_(local), broker_(broker) {}

bool BrokeredProfileService::brokered(const ProfileTarget& t) const {
    return routeFor(session_, t).route == ProfileRoute::Broker;
}

// Without elevation nothing can be written or read: say so (NoUser is the local service's).
std::optional<Error> BrokeredProfileService::refusal(const ProfileTarget& t,
                                                     const std::string& action) const {
    if (routeFor(session_, t).route != ProfileRoute::NeedsElevation) return std::nullopt;
    Error e = *wrongAccountWarning(session_, t);
    e.action = action;
    return e;
}

Result<BrokerReply> BrokeredProfileService::viaBroker(BrokerRequest request) {
    auto reply = broker_.run(request);
    if (!reply) return reply.error();
    if (reply.value().error) return *reply.value().error;
    return reply;
}

// One broker run: the reply carries the recovery notes too, also beside a failed listing.
ProfileListing BrokeredProfileService::listing(const ProfileTarget& t) {
    ProfileListing out;
    if (auto e = refusal(t, "List the installed VPN profiles")) {
        out.error = std::move(e);
        return out;
    }
    if (!brokered(t)) return local_.listing(t);
    auto r = broker_.run({BrokerOp::List, t, {}, {}});
    if (!r) {
        out.error = r.error();
        return out;
    }
    out.recovered = std::move(r.value().notes);
    out.profiles = std::move(r.value().profiles);
    out.error = std::move(r.value().error);
    return out;
}

Result<std::optional<InstalledProfile>> BrokeredProfileService::find(const ProfileTarget& t,
                                                                     std::string_view name) {
    if (auto e = refusal(t, "Look for the VPN profile \"" + std::string(name) + "\"")) return *e;
    if (!brokered(t)) return local_.find(t, name);
    auto r = viaBroker({BrokerOp::Find, t, std::string(name), {}});
    if (!r) return r.error();
    if (r.value().profiles.empty()) return std::optional<InstalledProfile>{};
    return std::optional<InstalledProfile>{std::move(r.value().profiles.front())};
}

ApplyResult BrokeredProfileService::apply(const ProfileTarget& t, std::string_view name,
                                          std::string_view xml) {
    ApplyResult out;
    if (auto e = refusal(t, "Apply the VPN profile \"" + std::string(name) + "\"")) {
        out.error = e;
        out.steps.push_back("Nothing was changed.");
        return out;
    }
    if (!brokered(t)) return local_.apply(t, name, xml);
    auto r = viaBroker({BrokerOp::Apply, t, std::string(name), std::string(xml)});
    if (!r) {
        out.error = r.error();
        out.steps.push_back("The SYSTEM broker did not carry out the apply.");
        return out;
    }
    out = std::move(r.value().apply);
    out.steps.insert(out.steps.begin(),
                     "Through the one-shot SYSTEM broker (" + routeFor(session_, t).why + ")");
    return out;
}

RemoveResult BrokeredProfileService::remove(const ProfileTarget& t, std::string_view name) {
    RemoveResult out;
    if (auto e = refusal(t, "Remove the VPN profile \"" + std::string(name) + "\"")) {
        out.error = e;
        return out;
    }
    if (!brokered(t)) return local_.remove(t, name);
    auto r = viaBroker({BrokerOp::Remove, t, std::string(name), {}});
    if (!r) {
        out.error = r.error();
        return out;
    }
    out = std::move(r.value().remove);
    out.steps.insert(out.steps.begin(), "Through the one-shot SYSTEM broker.");
    return out;
}

InstallStatus BrokeredProfileService::installState(const ProfileTarget& t, std::string_view name) {
    if (auto e = refusal(t, "Look for the VPN profile")) {
        InstallStatus s{InstallState::NeedsElevation,
                        installStateText(InstallState::NeedsElevation, t), e};
        return s;
    }
    return ProfileService::installState(t, name);
}

std::vector<std::string> BrokeredProfileService::recover(const ProfileTarget& t) {
    if (refusal(t, "")) return {};
    if (!brokered(t)) return local_.recover(t);
    auto r = viaBroker({BrokerOp::Recover, t, {}, {}});
    if (!r)
        return {"Could not ask the broker to finish interrupted replaces: " + r.error().describe()};
    return std::move(r.value().notes);
}

} // namespace aovpn::platform::win
