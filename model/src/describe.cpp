// The description tables (see model/describe.hpp): one line per child, in schema order. The
// access functions are generated from the member pointer, so the member is named once too.
#include "model/describe.hpp"

#include <array>
#include <iterator>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace aovpn::schema {
namespace {

template <typename M> struct MemberOf;
template <typename C, typename T> struct MemberOf<T C::*> {
    using Class = C;
    using Type = T;
};

// The container a member is: optional (0..1 values) or vector (0..n).
template <typename C> struct Container;
template <typename V> struct Container<std::optional<V>> {
    using Value = V;
    static constexpr bool list = false;
    static std::size_t count(const void* c) {
        return static_cast<const std::optional<V>*>(c)->has_value() ? 1 : 0;
    }
    static void* item(void* c, std::size_t) { return &**static_cast<std::optional<V>*>(c); }
    static const void* citem(const void* c, std::size_t) {
        return &**static_cast<const std::optional<V>*>(c);
    }
    static void* add(void* c) { return &static_cast<std::optional<V>*>(c)->emplace(); }
    static void erase(void* c, std::size_t) { static_cast<std::optional<V>*>(c)->reset(); }
    static bool take(void* c, void* from) {
        auto& to = *static_cast<std::optional<V>*>(c);
        auto& other = *static_cast<std::optional<V>*>(from);
        if (!other) return true;
        if (to) return false;
        to = std::move(other);
        return true;
    }
};
template <typename V> struct Container<std::vector<V>> {
    using Value = V;
    static constexpr bool list = true;
    static std::size_t count(const void* c) {
        return static_cast<const std::vector<V>*>(c)->size();
    }
    static void* item(void* c, std::size_t i) { return &(*static_cast<std::vector<V>*>(c))[i]; }
    static const void* citem(const void* c, std::size_t i) {
        return &(*static_cast<const std::vector<V>*>(c))[i];
    }
    static void* add(void* c) { return &static_cast<std::vector<V>*>(c)->emplace_back(); }
    static void erase(void* c, std::size_t i) {
        auto& v = *static_cast<std::vector<V>*>(c);
        v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
    }
    static void reserve(void* c, std::size_t n) { static_cast<std::vector<V>*>(c)->reserve(n); }
    static bool take(void* c, void* from) {
        auto& to = *static_cast<std::vector<V>*>(c);
        auto& other = *static_cast<std::vector<V>*>(from);
        if (to.empty()) {
            to = std::move(other);
        } else {
            to.reserve(to.size() + other.size());
            to.insert(to.end(), std::make_move_iterator(other.begin()),
                      std::make_move_iterator(other.end()));
        }
        return true;
    }
};

template <typename V> struct KnownOf : std::false_type {};
template <typename E> struct KnownOf<Known<E>> : std::true_type { using Enum = E; };

template <typename S> struct Describe; // specialised below, leaves first

template <typename V> constexpr Kind kindOf() {
    if constexpr (std::is_same_v<V, std::string>)
        return Kind::Text;
    else if constexpr (std::is_same_v<V, bool>)
        return Kind::Bool;
    else if constexpr (std::is_same_v<V, std::uint32_t>)
        return Kind::Number;
    else if constexpr (std::is_same_v<V, EapConfig>)
        return Kind::Eap;
    else if constexpr (KnownOf<V>::value)
        return Kind::Enum;
    else
        return Kind::Struct;
}

template <auto M> constexpr FieldAccess accessFor() {
    using Parent = typename MemberOf<decltype(M)>::Class;
    using C = typename MemberOf<decltype(M)>::Type;
    using K = Container<C>;
    using V = typename K::Value;
    FieldAccess a{};
    a.container = [](void* p) -> void* { return &(static_cast<Parent*>(p)->*M); };
    a.ccontainer = [](const void* p) -> const void* {
        return &(static_cast<const Parent*>(p)->*M);
    };
    a.count = &K::count;
    a.item = &K::item;
    a.citem = &K::citem;
    a.add = &K::add;
    a.erase = &K::erase;
    a.take = &K::take;
    if constexpr (K::list) a.reserve = &K::reserve;
    if constexpr (KnownOf<V>::value) {
        using E = typename KnownOf<V>::Enum;
        a.enumText = [](const void* k) { return toText(*static_cast<const Known<E>*>(k)); };
        a.setEnumText = [](void* k, std::string_view t) {
            *static_cast<Known<E>*>(k) = parseKnown<E>(t);
        };
    }
    return a;
}

template <auto M> constexpr Field field(std::string_view name, std::string_view inner = {}) {
    using C = typename MemberOf<decltype(M)>::Type;
    using V = typename Container<C>::Value;
    Field f{name, inner, kindOf<V>(), Container<C>::list, false, nullptr, {}, accessFor<M>()};
    if constexpr (kindOf<V>() == Kind::Struct) f.element = &Describe<V>::element;
    if constexpr (KnownOf<V>::value) f.enumNames = EnumNames<typename KnownOf<V>::Enum>::names;
    return f;
}
template <auto M> constexpr Field win11(std::string_view name, std::string_view inner = {}) {
    Field f = field<M>(name, inner);
    f.windows11 = true;
    return f;
}
// A std::optional<std::string> whose content is XML text, not a value.
template <auto M> constexpr Field xmlField(std::string_view name) {
    Field f = field<M>(name);
    f.kind = Kind::Xml;
    return f;
}

// Servers: the vector<VpnServer> is one value (the element's text).
struct ServersContainer {
    static std::size_t count(const void* c) {
        return static_cast<const std::vector<VpnServer>*>(c)->empty() ? 0 : 1;
    }
    static void* item(void* c, std::size_t) { return c; }
    static const void* citem(const void* c, std::size_t) { return c; }
    static void* add(void* c) { return c; }
    static void erase(void* c, std::size_t) { static_cast<std::vector<VpnServer>*>(c)->clear(); }
    static bool take(void* c, void* from) {
        auto& to = *static_cast<std::vector<VpnServer>*>(c);
        auto& other = *static_cast<std::vector<VpnServer>*>(from);
        if (other.empty()) return true;
        if (!to.empty()) return false;
        to = std::move(other);
        return true;
    }
};
constexpr Field serversField() {
    FieldAccess a{};
    a.container = [](void* p) -> void* { return &static_cast<NativeProfile*>(p)->servers; };
    a.ccontainer = [](const void* p) -> const void* {
        return &static_cast<const NativeProfile*>(p)->servers;
    };
    a.count = &ServersContainer::count;
    a.item = &ServersContainer::item;
    a.citem = &ServersContainer::citem;
    a.add = &ServersContainer::add;
    a.erase = &ServersContainer::erase;
    a.take = &ServersContainer::take;
    return {"Servers", {}, Kind::Servers, false, false, nullptr, {}, a};
}

template <typename S, std::size_t N>
constexpr Element element(std::string_view name, const std::array<Field, N>& fields) {
    return {name,
            fields,
            [](void* o) { return &static_cast<S*>(o)->extra; },
            [](const void* o) { return &static_cast<const S*>(o)->extra; },
            [](void* o) { return &static_cast<S*>(o)->comments; },
            [](const void* o) { return &static_cast<const S*>(o)->comments; }};
}

#define AOVPN_DESCRIBE(S, NAME, ...)                                                               \
    template <> struct Describe<S> {                                                               \
        static constexpr std::array fields{__VA_ARGS__};                                           \
        static constexpr Element element = schema::element<S>(NAME, fields);                       \
    }

AOVPN_DESCRIBE(Proxy, "Proxy", field<&Proxy::autoConfigUrl>("AutoConfigUrl"),
               field<&Proxy::manualServer>("Manual", "Server"));
AOVPN_DESCRIBE(ApnBinding, "APNBinding", field<&ApnBinding::providerId>("ProviderId"),
               field<&ApnBinding::accessPointName>("AccessPointName"),
               field<&ApnBinding::userName>("UserName"), field<&ApnBinding::password>("Password"),
               field<&ApnBinding::isCompressionEnabled>("IsCompressionEnabled"),
               field<&ApnBinding::authenticationType>("AuthenticationType"));
AOVPN_DESCRIBE(Sso, "Sso", field<&Sso::enabled>("Enabled"), field<&Sso::eku>("Eku"),
               field<&Sso::issuerHash>("IssuerHash"));
AOVPN_DESCRIBE(DeviceCompliance, "DeviceCompliance", field<&DeviceCompliance::enabled>("Enabled"),
               field<&DeviceCompliance::sso>("Sso"));
AOVPN_DESCRIBE(PluginProfile, "PluginProfile",
               field<&PluginProfile::serverUrlList>("ServerUrlList"),
               xmlField<&PluginProfile::customConfiguration>("CustomConfiguration"),
               field<&PluginProfile::pluginPackageFamilyName>("PluginPackageFamilyName"));
AOVPN_DESCRIBE(AppTrigger, "AppTrigger", field<&AppTrigger::appId>("App", "Id"));
AOVPN_DESCRIBE(DomainNameInformation, "DomainNameInformation",
               field<&DomainNameInformation::domainName>("DomainName"),
               field<&DomainNameInformation::dnsServers>("DnsServers"),
               field<&DomainNameInformation::webProxyServers>("WebProxyServers"),
               field<&DomainNameInformation::autoTrigger>("AutoTrigger"),
               field<&DomainNameInformation::persistent>("Persistent"));
AOVPN_DESCRIBE(TrafficFilter, "TrafficFilter", field<&TrafficFilter::appId>("App", "Id"),
               field<&TrafficFilter::claims>("Claims"), field<&TrafficFilter::protocol>("Protocol"),
               field<&TrafficFilter::localPortRanges>("LocalPortRanges"),
               field<&TrafficFilter::remotePortRanges>("RemotePortRanges"),
               field<&TrafficFilter::localAddressRanges>("LocalAddressRanges"),
               field<&TrafficFilter::remoteAddressRanges>("RemoteAddressRanges"),
               field<&TrafficFilter::routingPolicyType>("RoutingPolicyType"),
               field<&TrafficFilter::direction>("Direction"));
AOVPN_DESCRIBE(
    CryptographySuite, "CryptographySuite",
    field<&CryptographySuite::authenticationTransformConstants>("AuthenticationTransformConstants"),
    field<&CryptographySuite::cipherTransformConstants>("CipherTransformConstants"),
    field<&CryptographySuite::pfsGroup>("PfsGroup"), field<&CryptographySuite::dhGroup>("DHGroup"),
    field<&CryptographySuite::integrityCheckMethod>("IntegrityCheckMethod"),
    field<&CryptographySuite::encryptionMethod>("EncryptionMethod"));
AOVPN_DESCRIBE(Authentication, "Authentication", field<&Authentication::userMethod>("UserMethod"),
               field<&Authentication::machineMethod>("MachineMethod"),
               field<&Authentication::eap>("Eap", "Configuration"));
AOVPN_DESCRIBE(ProtocolList, "ProtocolList",
               field<&ProtocolList::protocols>("NativeProtocol", "Type"),
               field<&ProtocolList::retryTimeInHours>("RetryTimeInHours"));
AOVPN_DESCRIBE(
    NativeProfile, "NativeProfile", serversField(),
    field<&NativeProfile::routingPolicyType>("RoutingPolicyType"),
    field<&NativeProfile::nativeProtocolType>("NativeProtocolType"),
    field<&NativeProfile::l2tpPsk>("L2tpPsk"),
    field<&NativeProfile::disableClassBasedDefaultRoute>("DisableClassBasedDefaultRoute"),
    field<&NativeProfile::plumbIkev2TsAsRoutes>("PlumbIKEv2TSAsRoutes"),
    field<&NativeProfile::cryptographySuite>("CryptographySuite"),
    field<&NativeProfile::authentication>("Authentication"),
    win11<&NativeProfile::protocolList>("ProtocolList"));
AOVPN_DESCRIBE(Route, "Route", field<&Route::address>("Address"),
               field<&Route::prefixSize>("PrefixSize"),
               field<&Route::exclusionRoute>("ExclusionRoute"), field<&Route::metric>("Metric"));
AOVPN_DESCRIBE(
    Profile, "VPNProfile", field<&Profile::profileName>("ProfileName"),
    field<&Profile::edpModeId>("EdpModeId"),
    field<&Profile::rememberCredentials>("RememberCredentials"),
    field<&Profile::alwaysOn>("AlwaysOn"), field<&Profile::dnsSuffix>("DnsSuffix"),
    field<&Profile::trustedNetworkDetection>("TrustedNetworkDetection"),
    field<&Profile::disableAdvancedOptionsEditButton>("DisableAdvancedOptionsEditButton"),
    field<&Profile::disableDisconnectButton>("DisableDisconnectButton"),
    field<&Profile::lockDown>("LockDown"), field<&Profile::deviceTunnel>("DeviceTunnel"),
    field<&Profile::registerDns>("RegisterDNS"), field<&Profile::byPassForLocal>("ByPassForLocal"),
    field<&Profile::requireVpnClientAppUi>("RequireVpnClientAppUI"),
    field<&Profile::proxy>("Proxy"), field<&Profile::apnBinding>("APNBinding"),
    field<&Profile::deviceCompliance>("DeviceCompliance"),
    field<&Profile::pluginProfile>("PluginProfile"), field<&Profile::appTriggers>("AppTrigger"),
    field<&Profile::domainNameInformation>("DomainNameInformation"),
    field<&Profile::trafficFilters>("TrafficFilter"),
    field<&Profile::nativeProfile>("NativeProfile"), field<&Profile::routes>("Route"),
    win11<&Profile::networkOutageTime>("NetworkOutageTime"),
    win11<&Profile::ipv4InterfaceMetric>("IPv4InterfaceMetric"),
    win11<&Profile::ipv6InterfaceMetric>("IPv6InterfaceMetric"),
    win11<&Profile::useRasCredentials>("UseRasCredentials"),
    win11<&Profile::dataEncryption>("DataEncryption"),
    win11<&Profile::privateNetwork>("PrivateNetwork"),
    win11<&Profile::disableIkev2Fragmentation>("DisableIKEv2Fragmentation"),
    win11<&Profile::alwaysOnActive>("AlwaysOnActive"));

#undef AOVPN_DESCRIBE

constexpr std::array<const Element*, 14> kAll{&Describe<Profile>::element,
                                              &Describe<Proxy>::element,
                                              &Describe<ApnBinding>::element,
                                              &Describe<DeviceCompliance>::element,
                                              &Describe<Sso>::element,
                                              &Describe<PluginProfile>::element,
                                              &Describe<AppTrigger>::element,
                                              &Describe<DomainNameInformation>::element,
                                              &Describe<TrafficFilter>::element,
                                              &Describe<NativeProfile>::element,
                                              &Describe<CryptographySuite>::element,
                                              &Describe<Authentication>::element,
                                              &Describe<ProtocolList>::element,
                                              &Describe<Route>::element};

} // namespace

const Field* Element::field(std::string_view childName) const {
    for (const Field& f : fields)
        if (f.name == childName) return &f;
    return nullptr;
}

std::size_t Element::rank(std::string_view childName) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == childName) return i;
    return fields.size();
}

const Element& vpnProfile() {
    return Describe<Profile>::element;
}

std::span<const Element* const> allElements() {
    return kAll;
}

const Element* elementNamed(std::string_view name) {
    for (const Element* e : kAll)
        if (e->name == name) return e;
    return nullptr;
}

} // namespace aovpn::schema
