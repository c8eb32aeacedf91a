// checkGateway: DNS, IKEv2 and SSTP for each server of a profile, as a report.
#include "platform/gateway_check.hpp"

#include "ike_exchange.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace aovpn::platform {
namespace {

// The name Windows checks the SSTP certificate against: the profile's, even when --server
// points the check at another address.
std::string certificateName(const Profile& profile, const std::string& asked) {
    const auto servers = gatewayServers(profile, {});
    return servers.empty() ? asked : servers.front();
}

ChainKeys chainFor(const Profile& profile, const GatewayCheckOptions& o) {
    if (!o.chainFiles.empty()) return probe::chainKeysFromFiles(o.chainFiles);
    if (!o.chainThumbprints.empty())
        return probe::chainKeysFromStore(o.chainThumbprints, "the picked certificate's CAs");
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
    return probe::chainKeysFromStore(issuers, "the CAs of the certificate filter (IssuerHash)");
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
    for (const std::string& host : gatewayServers(profile, o)) {
        if (stop.stop_requested()) break;
        report.servers.push_back(checkServer(profile, plan, host, o, stop, progress));
    }
    report.cancelled = stop.stop_requested();
    return report;
}

} // namespace aovpn::platform
