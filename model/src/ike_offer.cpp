// offerFor and friends: a Windows CryptographySuite as IKE transforms, and back.
#include "model/ike_offer.hpp"

#include "model/ike_groups.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace aovpn::ike {
namespace {

Transform encr(std::uint16_t id, std::optional<std::uint16_t> bits = std::nullopt) {
    return {TransformType::Encryption, id, bits};
}
Transform prf(std::uint16_t id) {
    return {TransformType::Prf, id, std::nullopt};
}
Transform integ(std::uint16_t id) {
    return {TransformType::Integrity, id, std::nullopt};
}
Transform dh(std::uint16_t group) {
    return {TransformType::KeyExchange, group, std::nullopt};
}

std::optional<Transform> encryptionFor(EncryptionMethod e) {
    switch (e) {
    case EncryptionMethod::DES:
        return encr(id::kEncrDes);
    case EncryptionMethod::DES3:
        return encr(id::kEncr3des);
    case EncryptionMethod::AES128:
        return encr(id::kEncrAesCbc, 128);
    case EncryptionMethod::AES192:
        return encr(id::kEncrAesCbc, 192);
    case EncryptionMethod::AES256:
        return encr(id::kEncrAesCbc, 256);
    case EncryptionMethod::AES_GCM_128:
        return encr(id::kEncrAesGcm16, 128);
    case EncryptionMethod::AES_GCM_256:
        return encr(id::kEncrAesGcm16, 256);
    case EncryptionMethod::Other:
        break;
    }
    return std::nullopt;
}

// {PRF, INTEG} ids for an IntegrityCheckMethod.
std::optional<std::pair<std::uint16_t, std::uint16_t>> hashFor(IntegrityCheck i) {
    switch (i) {
    case IntegrityCheck::MD5:
        return std::pair{id::kPrfMd5, id::kIntegMd5};
    case IntegrityCheck::SHA196:
        return std::pair{id::kPrfSha1, id::kIntegSha1};
    case IntegrityCheck::SHA256:
        return std::pair{id::kPrfSha256, id::kIntegSha256};
    case IntegrityCheck::SHA384:
        return std::pair{id::kPrfSha384, id::kIntegSha384};
    case IntegrityCheck::Other:
        break;
    }
    return std::nullopt;
}

Proposal proposalOf(const Transform& e, IntegrityCheck i, std::uint16_t group) {
    const auto [prfId, integId] = *hashFor(i);
    Proposal p;
    p.transforms.push_back(e);
    if (e.id != id::kEncrAesGcm16) p.transforms.push_back(integ(integId)); // AEAD: no INTEG
    p.transforms.push_back(prf(prfId));
    p.transforms.push_back(dh(group));
    return p;
}

Offer windowsDefaultOffer() {
    Offer o;
    o.windowsDefault = true;
    o.keGroup = 2;
    using E = EncryptionMethod;
    using I = IntegrityCheck;
    constexpr std::array hashes{I::SHA196, I::SHA256, I::SHA384};
    for (E e : {E::DES3, E::AES128, E::AES192, E::AES256, E::AES_GCM_128, E::AES_GCM_256})
        for (I i : hashes)
            o.proposals.push_back(proposalOf(*encryptionFor(e), i, 2));
    for (std::size_t n = 0; n < o.proposals.size(); ++n)
        o.proposals[n].number = static_cast<std::uint8_t>(n + 1);
    return o;
}

template <class E> std::optional<E> known(const std::optional<Known<E>>& k) {
    if (!k || !k->isKnown()) return std::nullopt;
    return k->value;
}

} // namespace

ParseResult<Offer> offerFor(const std::optional<CryptographySuite>& suite) {
    if (!suite) return ParseResult<Offer>::success(windowsDefaultOffer());
    const auto e = known(suite->encryptionMethod);
    const auto i = known(suite->integrityCheckMethod);
    const auto g = known(suite->dhGroup);
    const std::uint16_t group = g ? groupNumber(*g).value_or(0) : 0;
    if (!e || !i || group == 0)
        return ParseResult<Offer>::failure(
            "The CryptographySuite needs EncryptionMethod, IntegrityCheckMethod and DHGroup "
            "(not None) with values Windows knows before the gateway can be asked about them.");
    Offer o;
    o.keGroup = group;
    o.proposals.push_back(proposalOf(*encryptionFor(*e), *i, group));
    return ParseResult<Offer>::success(std::move(o));
}

ProbeOffer withGroupDiagnostics(const Offer& offer) {
    ProbeOffer probe{offer, offer.proposals.size()};
    // Not for Windows' own offer: a responder that prefers its configured order would match an
    // AES-GCM diagnostic before the DH group 2 proposal it accepts, and answer INVALID_KE for an
    // offer Windows gets through with.
    if (offer.windowsDefault) return probe;
    std::vector<Transform> groups;
    for (std::uint16_t g : {14, 19, 20, 24, 2, 1})
        if (g != offer.keGroup) groups.push_back(dh(g));
    // One diagnostic proposal per kind of cipher (AEAD and not may not share a proposal), with
    // every cipher and hash of the real proposals of that kind.
    for (bool aead : {false, true}) {
        Proposal diag;
        for (const Proposal& p : offer.proposals)
            for (const Transform& t : p.transforms) {
                const bool isAead = p.transforms.front().id == id::kEncrAesGcm16;
                if (isAead != aead || t.type == TransformType::KeyExchange) continue;
                if (std::find(diag.transforms.begin(), diag.transforms.end(), t) ==
                    diag.transforms.end())
                    diag.transforms.push_back(t);
            }
        if (diag.transforms.empty()) continue;
        diag.transforms.insert(diag.transforms.end(), groups.begin(), groups.end());
        diag.number = static_cast<std::uint8_t>(probe.offer.proposals.size() + 1);
        probe.offer.proposals.push_back(std::move(diag));
    }
    return probe;
}

std::string transformName(const Transform& t) {
    switch (t.type) {
    case TransformType::Encryption:
        if (t.id == id::kEncrAesCbc) return fmt::format("AES-CBC-{}", t.keyLength.value_or(0));
        if (t.id == id::kEncrAesGcm16) return fmt::format("AES-GCM-{}", t.keyLength.value_or(0));
        if (t.id == id::kEncr3des) return "3DES";
        if (t.id == id::kEncrDes) return "DES";
        return fmt::format("ENCR {}", t.id);
    case TransformType::Prf:
    case TransformType::Integrity: {
        const bool isPrf = t.type == TransformType::Prf;
        const char* prefix = isPrf ? "PRF-HMAC-" : "HMAC-";
        if (t.id == (isPrf ? id::kPrfSha1 : id::kIntegSha1))
            return fmt::format("{}SHA1{}", prefix, isPrf ? "" : "-96");
        if (t.id == (isPrf ? id::kPrfSha256 : id::kIntegSha256))
            return fmt::format("{}SHA2-256{}", prefix, isPrf ? "" : "-128");
        if (t.id == (isPrf ? id::kPrfSha384 : id::kIntegSha384))
            return fmt::format("{}SHA2-384{}", prefix, isPrf ? "" : "-192");
        if (t.id == id::kPrfMd5) return fmt::format("{}MD5{}", prefix, isPrf ? "" : "-96");
        return fmt::format("{} {}", isPrf ? "PRF" : "INTEG", t.id);
    }
    case TransformType::KeyExchange:
        return groupName(t.id);
    case TransformType::Esn:
        break;
    }
    return fmt::format("transform {}/{}", static_cast<int>(t.type), t.id);
}

std::string describeTransforms(const Proposal& p) {
    std::string out;
    for (const Transform& t : p.transforms)
        out += (out.empty() ? "" : ", ") + transformName(t);
    return out;
}

ChosenSuite chosenInSuiteTerms(const Proposal& p) {
    ChosenSuite c;
    std::optional<IntegrityCheck> fromPrf;
    for (const Transform& t : p.transforms) {
        if (t.type == TransformType::KeyExchange) c.dhGroup = dhGroupFor(t.id);
        for (EncryptionMethod e :
             {EncryptionMethod::DES, EncryptionMethod::DES3, EncryptionMethod::AES128,
              EncryptionMethod::AES192, EncryptionMethod::AES256, EncryptionMethod::AES_GCM_128,
              EncryptionMethod::AES_GCM_256})
            if (t == *encryptionFor(e)) c.encryption = e;
        for (IntegrityCheck i : {IntegrityCheck::MD5, IntegrityCheck::SHA196,
                                 IntegrityCheck::SHA256, IntegrityCheck::SHA384}) {
            const auto [prfId, integId] = *hashFor(i);
            if (t.type == TransformType::Integrity && t.id == integId) c.integrity = i;
            if (t.type == TransformType::Prf && t.id == prfId) fromPrf = i;
        }
    }
    // With AES-GCM Windows' IntegrityCheckMethod is the PRF.
    if (!c.integrity) c.integrity = fromPrf;
    return c;
}

std::string describeChosen(const ChosenSuite& c) {
    std::string out;
    auto add = [&](std::string_view element, std::string_view value) {
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", element, value);
    };
    if (c.encryption) add("EncryptionMethod", toText(*c.encryption));
    if (c.integrity) add("IntegrityCheckMethod", toText(*c.integrity));
    if (c.dhGroup) add("DHGroup", toText(*c.dhGroup));
    return out;
}

} // namespace aovpn::ike
