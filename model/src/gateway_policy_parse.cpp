// parseAzureIpsecParameters: a custom policy as typed for Set-AzVpnClientIpsecParameter.
#include "model/gateway_policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

namespace aovpn {
namespace {

template <class E> struct Alias {
    std::string_view text;
    E value;
};

// Azure's spellings that differ from the CSP's; the CSP's own names are accepted as well.
constexpr std::array<Alias<EncryptionMethod>, 2> kIkeEncryption{
    {{"GCMAES128", EncryptionMethod::AES_GCM_128}, {"GCMAES256", EncryptionMethod::AES_GCM_256}}};
constexpr std::array<Alias<IntegrityCheck>, 1> kIkeIntegrity{{{"SHA1", IntegrityCheck::SHA196}}};
constexpr std::array<Alias<DhGroup>, 5> kDhGroup{{{"DHGroup1", DhGroup::Group1},
                                                  {"DHGroup2", DhGroup::Group2},
                                                  {"DHGroup14", DhGroup::Group14},
                                                  {"DHGroup2048", DhGroup::Group14},
                                                  {"DHGroup24", DhGroup::Group24}}};
constexpr std::array<Alias<AuthTransform>, 3> kIpsecIntegrity{
    {{"MD5", AuthTransform::MD596},
     {"SHA1", AuthTransform::SHA196},
     {"SHA256", AuthTransform::SHA256128}}};
constexpr std::array<Alias<PfsGroup>, 1> kPfsGroup{{{"PFS14", PfsGroup::PFS2048}}};
constexpr std::array<Alias<CipherTransform>, 0> kIpsecEncryption{};

template <class E, std::size_t N>
std::optional<E> lookup(std::string_view value, const std::array<Alias<E>, N>& aliases) {
    for (const Alias<E>& a : aliases)
        if (detail::equalsNoCase(value, a.text)) return a.value;
    const Known<E> k = parseKnown<E>(value);
    if (k.isKnown()) return k.value;
    return std::nullopt;
}

enum Key { IpsecEncryption, IpsecIntegrity, IkeEncryption, IkeIntegrity, DhGroupKey, PfsGroupKey };
constexpr std::array<std::string_view, 6> kKeys{
    "IpsecEncryption", "IpsecIntegrity", "IkeEncryption", "IkeIntegrity", "DhGroup", "PfsGroup"};

std::vector<std::string_view> tokens(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    auto separator = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '=' ||
               c == ';' || c == '`';
    };
    while (i < text.size()) {
        while (i < text.size() && separator(text[i]))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !separator(text[i]))
            ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

// A cmdlet name or a variable before the parameters ("$p = New-AzVpnClientIpsecPolicy ...").
bool ignorable(std::string_view token) {
    if (token.front() == '$') return true;
    for (std::size_t i = 0; i + 3 <= token.size(); ++i)
        if (detail::equalsNoCase(token.substr(i, 3), "-Az")) return true;
    return false;
}

struct Values {
    std::array<std::optional<std::string_view>, 6> byKey;
};

ParseResult<Values> collect(std::string_view text) {
    Values v;
    const std::vector<std::string_view> t = tokens(text);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (ignorable(t[i])) continue;
        std::string_view key = t[i];
        if (key.front() == '-') key.remove_prefix(1);
        if (i + 1 >= t.size())
            return ParseResult<Values>::failure(fmt::format("'{}' has no value.", t[i]));
        const std::string_view value = t[++i];
        if (detail::equalsNoCase(key, "SALifeTime") || detail::equalsNoCase(key, "SADataSize"))
            continue;
        const auto it = std::find_if(kKeys.begin(), kKeys.end(), [&](std::string_view k) {
            return detail::equalsNoCase(k, key);
        });
        if (it == kKeys.end())
            return ParseResult<Values>::failure(fmt::format(
                "'{}' is not an IPsec parameter (IpsecEncryption, IpsecIntegrity, IkeEncryption, "
                "IkeIntegrity, DhGroup, PfsGroup).",
                t[i - 1]));
        auto& slot = v.byKey[static_cast<std::size_t>(it - kKeys.begin())];
        if (slot) return ParseResult<Values>::failure(fmt::format("{} is given twice.", *it));
        slot = value;
    }
    for (std::size_t k = 0; k < kKeys.size(); ++k)
        if (!v.byKey[k])
            return ParseResult<Values>::failure(
                fmt::format("{} is missing: a custom policy sets all six parameters.", kKeys[k]));
    return ParseResult<Values>::success(v);
}

template <class E, std::size_t N>
bool convert(const Values& v, Key key, const std::array<Alias<E>, N>& aliases, E& out,
             std::string& error) {
    const std::string_view text = *v.byKey[key];
    const std::optional<E> e = lookup(text, aliases);
    if (!e) {
        error = fmt::format("{} {} is not a value Azure accepts for it.", kKeys[key], text);
        return false;
    }
    out = *e;
    return true;
}

bool isGcm(CipherTransform c) {
    return c == CipherTransform::GCMAES128 || c == CipherTransform::GCMAES192 ||
           c == CipherTransform::GCMAES256;
}

} // namespace

ParseResult<GatewayPolicy> parseAzureIpsecParameters(std::string_view text) {
    const ParseResult<Values> v = collect(text);
    if (!v.ok) return ParseResult<GatewayPolicy>::failure(v.error);
    IkeSaCombo ike{};
    CipherTransform cipher{};
    AuthTransform auth{};
    PfsGroup pfs{};
    std::string error;
    if (!convert(v.value, IkeEncryption, kIkeEncryption, ike.encryption, error) ||
        !convert(v.value, IkeIntegrity, kIkeIntegrity, ike.integrity, error) ||
        !convert(v.value, DhGroupKey, kDhGroup, ike.dhGroup, error) ||
        !convert(v.value, IpsecEncryption, kIpsecEncryption, cipher, error) ||
        !convert(v.value, IpsecIntegrity, kIpsecIntegrity, auth, error) ||
        !convert(v.value, PfsGroupKey, kPfsGroup, pfs, error))
        return ParseResult<GatewayPolicy>::failure(error);
    // Azure: "If GCM is used for IpsecEncryption, IpsecIntegrity must be the same GCM".
    if (isGcm(cipher) && toText(cipher) != toText(auth))
        return ParseResult<GatewayPolicy>::failure(
            fmt::format("IpsecEncryption {} needs IpsecIntegrity {} (Azure requires the same GCM "
                        "algorithm for both).",
                        toText(cipher), toText(cipher)));
    return ParseResult<GatewayPolicy>::success(customPolicy(ike, cipher, auth, pfs));
}

} // namespace aovpn
