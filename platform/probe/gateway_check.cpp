// checkGateway: DNS, IKEv2 and SSTP for each server of a profile, as a report.
#include "platform/gateway_check.hpp"

#include "ike_exchange.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace aovpn::platform {
namespace {

bool listHas(const NativeProfile& np, NativeProtocol p) {
    if (!np.protocolList) return false;
    const auto& l = np.protocolList->protocols;
    return std::any_of(l.begin(), l.end(),
                       [&](const Known<NativeProtocol>& k) { return k.value == p; });
}

bool protocolIs(const Profile& profile, NativeProtocol p) {
    if (!profile.nativeProfile) return false;
    const NativeProfile& np = *profile.nativeProfile;
    const auto& t = np.nativeProtocolType;
    return (t && (t->value == p || t->value == NativeProtocol::Automatic)) || listHas(np, p);
}

std::vector<std::string> serversOf(const Profile& profile, const GatewayCheckOptions& o) {
    if (o.server) return {*o.server};
    std::vector<std::string> out;
    if (!profile.nativeProfile) return out;
    for (const VpnServer& s : profile.nativeProfile->servers) {
        std::string fqdn(trimSpaces(s.fqdn));
        if (!fqdn.empty() && std::find(out.begin(), out.end(), fqdn) == out.end())
            out.push_back(std::move(fqdn));
    }
    return out;
}

// The name Windows checks the SSTP certificate against: the profile's, even when --server
// points the check at another address.
std::string certificateName(const Profile& profile, const std::string& asked) {
    const auto servers = serversOf(profile, {});
    return servers.empty() ? asked : servers.front();
}

ChainKeys chainFor(const Profile& profile, const GatewayCheckOptions& o) {
    if (!o.chainFiles.empty()) return probe::chainKeysFromFiles(o.chainFiles);
    if (!o.chainThumbprints.empty()) return probe::chainKeysFromStore(o.chainThumbprints);
    std::vector<std::string> issuers;
    const NativeProfile* np = profile.nativeProfile ? &*profile.nativeProfile : nullptr;
    const Authentication* auth = np && np->authentication ? &*np->authentication : nullptr;
    if (auth && auth->eap && auth->eap->tls.certFilter && auth->eap->tls.certFilter->caHashList)
        issuers = auth->eap->tls.certFilter->caHashList->issuerHashes;
    if (issuers.empty())
        return {{},
                {},
                "no certificate was picked and the profile's certificate filter names no "
                "issuing CA (IssuerHash)"};
    return probe::chainKeysFromStore(issuers);
}

struct Plan {
    bool ike = false;
    bool sstp = false;
    std::optional<ike::ProbeOffer> offer;
    const GatewayPolicy* expected = nullptr;
    ChainKeys chain;
};

void checkIke(const Profile& profile, const Plan& plan, const probe::Address& to,
              const GatewayCheckOptions& o, const std::stop_token& stop, ServerCheck& out) {
    const IkeObservation seen =
        probe::exchangeSaInit(to, o.ikePort, plan.offer->offer, o.timeout, stop, o.keFault);
    const auto& suite = profile.nativeProfile->cryptographySuite;
    out.items.push_back(judgeIke({suite, *plan.offer, plan.expected}, seen));
    if (seen.response && !seen.response->error() && seen.response->chosen)
        out.items.push_back(judgeCertRequests(*seen.response, plan.chain));
}

ServerCheck checkServer(const Profile& profile, const Plan& plan, const std::string& host,
                        const GatewayCheckOptions& o, const std::stop_token& stop,
                        const GatewayProgress& progress) {
    ServerCheck out;
    out.server = host;
    if (progress) progress(fmt::format("Resolving {}", host));
    const probe::Resolution dns = probe::resolve(host);
    out.addresses = dns.observation.addresses;
    out.items.push_back(judgeDns(dns.observation));
    if (dns.addresses.empty()) return out;
    const probe::Address& to = dns.addresses.front(); // one address: one probe per protocol
    if (plan.ike && !stop.stop_requested()) {
        if (progress) progress(fmt::format("IKEv2 IKE_SA_INIT to {} UDP {}", to.text, o.ikePort));
        checkIke(profile, plan, to, o, stop, out);
    }
    if (plan.sstp && !stop.stop_requested()) {
        if (progress) progress(fmt::format("TLS handshake with {} TCP {}", to.text, o.sstpPort));
        const std::string name = certificateName(profile, host);
        const TlsObservation tls = probe::observeTls(to, o.sstpPort, name, o.timeout, stop);
        for (CheckItem& i : judgeSstp(name, tls))
            out.items.push_back(std::move(i));
    }
    return out;
}

} // namespace

bool usesIkev2(const Profile& profile) {
    return protocolIs(profile, NativeProtocol::IKEv2);
}

bool usesSstp(const Profile& profile) {
    return protocolIs(profile, NativeProtocol::SSTP);
}

std::string checkGatewayInput(const Profile& profile, const GatewayCheckOptions& o) {
    if (!profile.nativeProfile)
        return "The profile has no NativeProfile (a plug-in profile): there is no gateway to ask.";
    if (serversOf(profile, o).empty())
        return "The profile names no server (NativeProfile/Servers).";
    if (!usesIkev2(profile) && !usesSstp(profile))
        return "The profile uses neither IKEv2 nor SSTP (NativeProtocolType): nothing to check.";
    if (o.ikePort == 0 || o.sstpPort == 0) return "A port must be 1-65535.";
    if (o.timeout.count() < 100 || o.timeout > std::chrono::minutes(2))
        return "The timeout must be between 0.1 and 120 seconds.";
    if (usesIkev2(profile)) {
        const auto offer = ike::offerFor(profile.nativeProfile->cryptographySuite);
        if (!offer.ok) return offer.error;
    }
    return {};
}

GatewayReport checkGateway(const Profile& profile, const GatewayInfo& gateway,
                           const GatewayCheckOptions& o, std::stop_token stop,
                           const GatewayProgress& progress) {
    GatewayReport report;
    report.profileName = profile.profileName.value_or("");
    report.notes = standardNotes();
    if (!checkGatewayInput(profile, o).empty()) return report;
    Plan plan;
    plan.ike = usesIkev2(profile);
    plan.sstp = usesSstp(profile);
    if (plan.ike) {
        plan.offer = ike::withGroupDiagnostics(
            ike::offerFor(profile.nativeProfile->cryptographySuite).value);
        plan.expected = applicablePolicy(profile, gateway);
        plan.chain = chainFor(profile, o);
    }
    for (const std::string& host : serversOf(profile, o)) {
        if (stop.stop_requested()) break;
        report.servers.push_back(checkServer(profile, plan, host, o, stop, progress));
    }
    report.cancelled = stop.stop_requested();
    return report;
}

} // namespace aovpn::platform
