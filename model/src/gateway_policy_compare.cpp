// compareSuite: which CryptographySuite element keeps a phase outside a gateway policy.
#include "model/gateway_policy.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace aovpn {
namespace {

// One phase seen generically: three elements, the suite's values (nullopt matches anything) and
// the policy's combinations, all as enum ordinals.
using Triple = std::array<int, 3>;
struct Phase {
    SuitePhase phase;
    std::array<std::string_view, 3> elements;
    std::array<std::optional<int>, 3> values;
    std::vector<Triple> combos;
    std::string (*text)(std::size_t element, int value);
};

template <class E> std::optional<int> ordinal(const std::optional<Known<E>>& k) {
    if (!k || !k->isKnown()) return std::nullopt;
    return static_cast<int>(k->value);
}

std::string ikeText(std::size_t element, int v) {
    if (element == 0) return std::string(toText(static_cast<EncryptionMethod>(v)));
    if (element == 1) return std::string(toText(static_cast<IntegrityCheck>(v)));
    return std::string(toText(static_cast<DhGroup>(v)));
}

std::string espText(std::size_t element, int v) {
    if (element == 0) return std::string(toText(static_cast<CipherTransform>(v)));
    if (element == 1) return std::string(toText(static_cast<AuthTransform>(v)));
    return std::string(toText(static_cast<PfsGroup>(v)));
}

Phase ikePhase(const CryptographySuite& s, const GatewayPolicy& policy) {
    Phase p{SuitePhase::IkeSa,
            {"EncryptionMethod", "IntegrityCheckMethod", "DHGroup"},
            {ordinal(s.encryptionMethod), ordinal(s.integrityCheckMethod), ordinal(s.dhGroup)},
            {},
            ikeText};
    for (const IkeSaCombo& c : policy.ikeSa)
        p.combos.push_back({static_cast<int>(c.encryption), static_cast<int>(c.integrity),
                            static_cast<int>(c.dhGroup)});
    return p;
}

Phase espPhase(const CryptographySuite& s, const GatewayPolicy& policy) {
    std::optional<int> pfs = ordinal(s.pfsGroup);
    // PFSMM renews child keys with the IKE SA's group: compare as that group.
    if (pfs && *pfs == static_cast<int>(PfsGroup::PFSMM))
        pfs = s.dhGroup && s.dhGroup->isKnown()
                  ? std::optional<int>(static_cast<int>(pfsGroupFor(s.dhGroup->value)))
                  : std::nullopt;
    Phase p{SuitePhase::ChildSa,
            {"CipherTransformConstants", "AuthenticationTransformConstants", "PfsGroup"},
            {ordinal(s.cipherTransformConstants), ordinal(s.authenticationTransformConstants), pfs},
            {},
            espText};
    for (const ChildSaCombo& c : policy.childSa)
        p.combos.push_back(
            {static_cast<int>(c.cipher), static_cast<int>(c.auth), static_cast<int>(c.pfs)});
    return p;
}

bool fits(const Triple& combo, const Phase& p, std::size_t skip) {
    for (std::size_t f = 0; f < 3; ++f)
        if (f != skip && p.values[f] && *p.values[f] != combo[f]) return false;
    return true;
}

// Distinct values of `element`, in policy order, among the combinations that fit the other two
// elements (among all combinations when `anyOther`).
std::vector<std::string> acceptedValues(const Phase& p, std::size_t element, bool anyOther) {
    std::vector<int> seen;
    std::vector<std::string> out;
    for (const Triple& c : p.combos) {
        if (!anyOther && !fits(c, p, element)) continue;
        if (std::find(seen.begin(), seen.end(), c[element]) != seen.end()) continue;
        seen.push_back(c[element]);
        out.push_back(p.text(element, c[element]));
    }
    return out;
}

SuiteMismatch mismatch(const Phase& p, std::size_t element, std::vector<std::string> accepted) {
    return {p.phase,
            p.elements[element],
            p.values[element] ? p.text(element, *p.values[element]) : std::string(),
            std::move(accepted),
            {}};
}

void comparePhase(const Phase& p, std::vector<SuiteMismatch>& out) {
    if (p.combos.empty()) return;
    if (std::any_of(p.combos.begin(), p.combos.end(),
                    [&](const Triple& c) { return fits(c, p, 3); }))
        return;
    // One element whose change alone fits: report it, the other such elements as alternatives.
    std::optional<SuiteMismatch> single;
    for (std::size_t f = 0; f < 3; ++f) {
        if (!p.values[f]) continue;
        std::vector<std::string> accepted = acceptedValues(p, f, false);
        if (accepted.empty()) continue;
        if (!single)
            single = mismatch(p, f, std::move(accepted));
        else
            single->alternatives.push_back(p.elements[f]);
    }
    if (single) {
        out.push_back(std::move(*single));
        return;
    }
    // Otherwise every element whose value the policy never takes (two or more must change).
    const std::size_t before = out.size();
    for (std::size_t f = 0; f < 3; ++f) {
        if (!p.values[f]) continue;
        const bool taken = std::any_of(p.combos.begin(), p.combos.end(),
                                       [&](const Triple& c) { return c[f] == *p.values[f]; });
        if (!taken) out.push_back(mismatch(p, f, acceptedValues(p, f, true)));
    }
    if (out.size() != before) return;
    for (std::size_t f = 0; f < 3; ++f)
        if (p.values[f]) {
            out.push_back(mismatch(p, f, acceptedValues(p, f, true)));
            return;
        }
}

} // namespace

PfsGroup pfsGroupFor(DhGroup dh) {
    switch (dh) {
    case DhGroup::Group1:
        return PfsGroup::PFS1;
    case DhGroup::Group2:
        return PfsGroup::PFS2;
    case DhGroup::Group14:
        return PfsGroup::PFS2048;
    case DhGroup::ECP256:
        return PfsGroup::ECP256;
    case DhGroup::ECP384:
        return PfsGroup::ECP384;
    case DhGroup::Group24:
        return PfsGroup::PFS24;
    case DhGroup::None:
    case DhGroup::Other:
        break;
    }
    return PfsGroup::None;
}

std::vector<SuiteMismatch> compareSuite(const CryptographySuite& suite,
                                        const GatewayPolicy& policy) {
    std::vector<SuiteMismatch> out;
    comparePhase(ikePhase(suite, policy), out);
    comparePhase(espPhase(suite, policy), out);
    return out;
}

} // namespace aovpn
