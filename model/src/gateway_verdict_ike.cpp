// judgeIke / judgeCertRequests: a responder's IKE_SA_INIT answer in the profile's terms.
#include "model/crypto_presets.hpp"
#include "model/gateway_verdicts.hpp"
#include "model/ike_groups.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace aovpn {
namespace {

std::string where(const IkeObservation& o) {
    return fmt::format("{} UDP {}", o.address, o.port);
}

std::string suiteIke(const std::optional<CryptographySuite>& s) {
    if (!s) return "Windows' own offer (no CryptographySuite)";
    return fmt::format("EncryptionMethod {}, IntegrityCheckMethod {}, DHGroup {}",
                       s->encryptionMethod ? toText(*s->encryptionMethod) : "(none)",
                       s->integrityCheckMethod ? toText(*s->integrityCheckMethod) : "(none)",
                       s->dhGroup ? toText(*s->dhGroup) : "(none)");
}

std::string orList(const std::vector<std::string>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i)
        out += (i == 0 ? "" : i + 1 == v.size() ? " or " : ", ") + v[i];
    return out;
}

// Which phase-1 field to change, when a known policy tells.
std::string phaseOneFix(const IkeContext& c) {
    const std::string preset =
        fmt::format("\"{}\"", cryptoPresetInfo(CryptoPreset::AzureDefault).title);
    if (!c.suite)
        return fmt::format("Add a CryptographySuite the gateway accepts (for Azure the {} "
                           "preset).",
                           preset);
    if (c.expected) {
        for (const SuiteMismatch& m : compareSuite(*c.suite, *c.expected))
            if (m.phase == SuitePhase::IkeSa)
                return fmt::format("For {}: set {} to {} (or apply the {} preset).",
                                   c.expected->name, m.element, orList(m.accepted), preset);
        if (c.expected->kind == GatewayPolicyKind::AzureDefault)
            return "The suite is inside Azure's default policy, so this gateway runs a custom "
                   "policy (Set-AzVpnClientIpsecParameter): match EncryptionMethod and "
                   "IntegrityCheckMethod to it, and declare it.";
    }
    return "Change EncryptionMethod or IntegrityCheckMethod to what the gateway's policy "
           "accepts (every other DH group was offered too, so DHGroup alone is not the cause).";
}

CheckItem accepted(const IkeContext& c, const IkeObservation& o, const ike::Proposal& chosen) {
    const ike::ChosenSuite terms = ike::chosenInSuiteTerms(chosen);
    const std::string picked =
        fmt::format("{} ({})", ike::describeTransforms(chosen), ike::describeChosen(terms));
    if (chosen.number > c.offer.realProposals) // the responder broke the KE rule: say so
        return {"ike", CheckStatus::Fail,
                fmt::format("The gateway picked {} from the probe's extra groups, not the "
                            "profile's {}.",
                            picked, ike::groupName(c.offer.offer.keGroup)),
                "Windows offers only its own group and would fail with 13868: set DHGroup to "
                "the group picked."};
    const std::string cookie = o.cookieResent ? " (after a COOKIE round trip: the gateway is "
                                                "under load or always asks for one)"
                                              : "";
    if (c.offer.offer.windowsDefault)
        return {
            "ike", CheckStatus::Warning,
            fmt::format("The gateway accepted Windows' own offer and picked {}{}.", picked, cookie),
            "It connects, but with DH group 2 (MODP-1024, weak): add a CryptographySuite "
            "the gateway accepts, e.g. the Azure preset for an Azure gateway."};
    return {
        "ike",
        CheckStatus::Pass,
        fmt::format("The gateway accepted the profile's IKE SA proposal: {}{}.", picked, cookie),
        {}};
}

CheckItem invalidKe(const IkeContext& c, const ike::Notify& n) {
    if (n.data.size() < 2)
        return {"ike",
                CheckStatus::Inconclusive,
                "The gateway answered INVALID_KE_PAYLOAD without naming a group.",
                {}};
    const auto wanted = static_cast<std::uint16_t>(n.data[0] << 8 | n.data[1]);
    const std::optional<DhGroup> g = ike::dhGroupFor(wanted);
    const std::string suite = g ? fmt::format("DHGroup to {}", toText(*g)) : std::string();
    if (!g)
        return {"ike", CheckStatus::Fail,
                fmt::format("The gateway asks for {}, which a Windows profile cannot name: "
                            "Windows would fail with 13868.",
                            ike::groupName(wanted)),
                "The gateway's policy must allow DH group 1, 2, 14, 19 (ECP256), 20 (ECP384) or "
                "24."};
    const std::string have =
        c.suite ? fmt::format("DHGroup {}", c.suite->dhGroup ? toText(*c.suite->dhGroup) : "")
                : "Windows' own offer (DH group 2 only)";
    return {"ike", CheckStatus::Fail,
            fmt::format("The gateway does not take {} with this cipher and hash; it asks for {} "
                        "(INVALID_KE_PAYLOAD): Windows would fail with 13868.",
                        have, ike::groupName(wanted)),
            c.suite ? fmt::format("Set {} in the CryptographySuite.", suite)
                    : fmt::format("Add a CryptographySuite and set {} (Windows' own offer has "
                                  "only DH group 2).",
                                  suite)};
}

CheckItem refused(const IkeContext& c, const ike::Notify& n) {
    if (n.type == ike::notify::kNoProposalChosen)
        return {"ike", CheckStatus::Fail,
                fmt::format("The gateway refused the IKE SA proposal ({}): NO_PROPOSAL_CHOSEN, "
                            "Windows would fail with 13868.",
                            suiteIke(c.suite)),
                phaseOneFix(c)};
    if (n.type == ike::notify::kInvalidKePayload) return invalidKe(c, n);
    const std::string_view name = ike::notify::name(n.type);
    return {"ike", CheckStatus::Inconclusive,
            fmt::format("The gateway answered with the error notify {}{}.",
                        name.empty() ? fmt::format("type {}", n.type) : std::string(name),
                        name.empty() ? "" : fmt::format(" ({})", n.type)),
            "Not a proposal problem this check can name; see the gateway's log."};
}

} // namespace

CheckItem judgeIke(const IkeContext& c, const IkeObservation& o) {
    using K = IkeObservation::Kind;
    switch (o.kind) {
    case K::Cancelled:
        return {"ike", CheckStatus::Skipped, "Cancelled.", {}};
    case K::CouldNotRun:
        return {"ike",
                CheckStatus::CouldNotRun,
                fmt::format("The IKEv2 check could not run: {}", o.error),
                {}};
    case K::NoAnswer:
        return {"ike", CheckStatus::Fail,
                fmt::format("No answer from {} after {} tries in {:.1f} s.", where(o), o.attempts,
                            o.seconds),
                fmt::format("UDP {} is blocked on the way, or the gateway ignores this source "
                            "port (the probe cannot send from 500, which Windows' IKEEXT owns): "
                            "809 likely. Check firewalls for UDP 500 and 4500.",
                            o.port)};
    case K::Answer:
        break;
    }
    if (!o.response)
        return {"ike",
                CheckStatus::Inconclusive,
                fmt::format("{} answered with something that is not an IKE_SA_INIT response: {}",
                            where(o), o.error),
                {}};
    const ike::SaInitResponse& r = *o.response;
    if (const ike::Notify* e = r.error()) return refused(c, *e);
    if (r.find(ike::notify::kCookie))
        return {"ike", CheckStatus::Inconclusive,
                "The gateway asked for a COOKIE again after the probe sent it back.",
                "It is under load or limits half-open IKE SAs from this address; try later."};
    if (!r.chosen || !r.keGroup)
        return {"ike",
                CheckStatus::Inconclusive,
                "The gateway's answer has no SA or KE payload and no error.",
                {}};
    return accepted(c, o, *r.chosen);
}

CheckItem judgeCertRequests(const ike::SaInitResponse& r, const ChainKeys& chain) {
    std::vector<ike::Sha1> listed;
    for (const ike::CertRequest& c : r.certRequests)
        listed.insert(listed.end(), c.caHashes.begin(), c.caHashes.end());
    if (listed.empty())
        return {"ike-certreq",
                CheckStatus::Skipped,
                "The gateway listed no CA (no CERTREQ), so its trust cannot be compared.",
                {}};
    if (chain.cas.empty())
        return {"ike-certreq", CheckStatus::Skipped,
                fmt::format("The gateway lists {} CA(s), but there is no client certificate chain "
                            "to compare: {}",
                            listed.size(), chain.whyUnknown),
                "Pick the client certificate (or give --cert FILE)."};
    for (const ChainKeys::Ca& ca : chain.cas)
        if (std::find(listed.begin(), listed.end(), ca.keyHash) != listed.end())
            return {"ike-certreq",
                    CheckStatus::Pass,
                    fmt::format("The gateway asks for certificates from \"{}\", which is in the "
                                "client certificate's chain ({}).",
                                ca.name, chain.source),
                    {}};
    std::string names;
    for (const ChainKeys::Ca& ca : chain.cas)
        names += (names.empty() ? "\"" : ", \"") + ca.name + "\"";
    return {"ike-certreq", CheckStatus::Fail,
            fmt::format("The gateway does not trust your certificate's CA: none of {} is among the "
                        "{} CA(s) it asks for: 13801 likely.",
                        names, listed.size()),
            "Upload the client certificate's root to the gateway (Azure: Point-to-site "
            "configuration > Root certificates), or pick a certificate the gateway trusts."};
}

} // namespace aovpn
