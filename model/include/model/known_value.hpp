#pragma once
// A value from a closed set (protocol, routing policy, crypto constant...) that still carries
// text outside the set, so a profile written by a newer Windows or a typo is never lost.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace aovpn {

// Specialise for each enum: `static constexpr std::array<std::string_view, N> names;` indexed by
// the enumerator's value. The enum's last enumerator must be `Other` (== N).
template <typename E> struct EnumNames;

template <typename E> struct Known {
    E value = E{};
    std::string other; // the text as read, only when value == E::Other (never a known spelling)

    Known() = default;
    Known(E v) : value(v) {} // NOLINT: implicit so `x = NativeProtocol::IKEv2` reads naturally
    bool operator==(const Known&) const = default;
    bool isKnown() const { return value != E::Other; }
};

namespace detail {
constexpr char asciiLower(char c) {
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}
constexpr bool equalsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (asciiLower(a[i]) != asciiLower(b[i])) return false;
    return true;
}
constexpr std::string_view trimBlank(std::string_view s) {
    while (!s.empty() &&
           (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}
} // namespace detail

// The canonical spelling (or the kept text for Other).
template <typename E> std::string_view toText(const Known<E>& k) {
    if (k.value == E::Other) return k.other;
    return EnumNames<E>::names[static_cast<std::size_t>(k.value)];
}
template <typename E> std::string_view toText(E e) {
    return EnumNames<E>::names[static_cast<std::size_t>(e)];
}

// Windows compares these case-insensitively, so "EAP" and "Eap" both map to Eap (written back
// in the canonical spelling). Anything else becomes Other with the text kept verbatim.
template <typename E> Known<E> parseKnown(std::string_view text) {
    const std::string_view t = detail::trimBlank(text);
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (detail::equalsNoCase(t, names[i])) return Known<E>(static_cast<E>(i));
    Known<E> k(E::Other);
    k.other = std::string(text);
    return k;
}

} // namespace aovpn
