// General rules: name, connection type, protocol choice, unknown values, AlwaysOn, proxy.
#include "model/escape.hpp"
#include "model/net.hpp"

#include "quote.hpp"
#include "validate_internal.hpp"

namespace aovpn::validation {
namespace {

// RAS_MaxEntryName: the phonebook entry Windows makes from the profile holds 256 UTF-16 units.
constexpr std::size_t kMaxEntryName = 256;

std::size_t utf16Length(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8) {
        const auto b = static_cast<unsigned char>(c);
        if ((b & 0xC0) != 0x80) ++n; // a lead byte: one code point
        if (b >= 0xF0) ++n;          // beyond the BMP: a surrogate pair
    }
    return n;
}

void checkNameLength(std::string_view name, Sink& sink) {
    const std::size_t units = utf16Length(name);
    if (units <= kMaxEntryName) return;
    const auto id = encodeInstanceId(name);
    sink.add(
        "general.name-length", "ProfileName",
        fmt::format("The name has {} characters; Windows' VPN entry names hold at most {}, "
                    "so creating the profile fails{}.",
                    units, kMaxEntryName,
                    id.ok ? fmt::format(" (its InstanceID would be {} characters)", id.value.size())
                          : std::string()),
        fmt::format("Shorten the name to {} characters or fewer.", kMaxEntryName));
}

void checkName(const Profile& p, Sink& sink) {
    const std::string_view name = textOf(p.profileName);
    if (trimSpaces(name).empty()) {
        sink.add("general.name-missing", "ProfileName", "The profile has no name.",
                 "Enter the name users see in the VPN list; deployment uses it as the "
                 "InstanceID.");
        return;
    }
    if (name.find('/') != std::string::npos)
        sink.add("general.name-slash", "ProfileName",
                 fmt::format("The name {} contains '/', which Windows cannot store.",
                             detail::quoted(name)),
                 "Remove the '/' or use '-' instead.");
    if (trimSpaces(name).size() != name.size())
        sink.add("general.name-whitespace", "ProfileName",
                 "The name starts or ends with a space, so it looks like another profile's name.",
                 "Remove the leading and trailing spaces.");
    checkNameLength(name, sink);
}

void checkConnectionType(const Profile& p, Sink& sink) {
    if (!p.nativeProfile && !p.pluginProfile)
        sink.add("general.no-connection", "NativeProfile",
                 "The profile has neither a NativeProfile nor a PluginProfile, so there is "
                 "nothing to connect to.",
                 "Add a NativeProfile with the gateway's name.");
    if (p.nativeProfile && p.pluginProfile)
        sink.add("general.native-and-plugin", "PluginProfile",
                 "The profile has both a NativeProfile and a PluginProfile; Windows uses one.",
                 "Keep the NativeProfile for the built-in client, or the PluginProfile for a "
                 "third-party VPN app.");
}

template <typename E>
void unknownValue(Sink& sink, const std::optional<Known<E>>& k, std::string field) {
    if (!k || k->isKnown()) return;
    std::string allowed;
    for (std::string_view n : EnumNames<E>::names)
        allowed += (allowed.empty() ? "" : ", ") + std::string(n);
    sink.add("general.unknown-value", std::move(field),
             fmt::format("{} is not a value Windows knows here.", detail::quoted(k->other)),
             fmt::format("Use one of: {}.", allowed));
}

void checkUnknownValues(const Profile& p, Sink& sink) {
    if (const auto& np = p.nativeProfile) {
        unknownValue(sink, np->routingPolicyType, "NativeProfile/RoutingPolicyType");
        unknownValue(sink, np->nativeProtocolType, "NativeProfile/NativeProtocolType");
        if (const auto& a = np->authentication) {
            unknownValue(sink, a->userMethod, "NativeProfile/Authentication/UserMethod");
            unknownValue(sink, a->machineMethod, "NativeProfile/Authentication/MachineMethod");
        }
        if (const auto& c = np->cryptographySuite) {
            const std::string base = "NativeProfile/CryptographySuite/";
            unknownValue(sink, c->authenticationTransformConstants,
                         base + "AuthenticationTransformConstants");
            unknownValue(sink, c->cipherTransformConstants, base + "CipherTransformConstants");
            unknownValue(sink, c->pfsGroup, base + "PfsGroup");
            unknownValue(sink, c->dhGroup, base + "DHGroup");
            unknownValue(sink, c->integrityCheckMethod, base + "IntegrityCheckMethod");
            unknownValue(sink, c->encryptionMethod, base + "EncryptionMethod");
        }
    }
    for (std::size_t i = 0; i < p.trafficFilters.size(); ++i) {
        const TrafficFilter& f = p.trafficFilters[i];
        // Guarded so the field path is only formatted for a finding (filters can be many).
        if (f.routingPolicyType && !f.routingPolicyType->isKnown())
            unknownValue(sink, f.routingPolicyType,
                         indexed("TrafficFilter", i, "RoutingPolicyType"));
        if (f.direction && !f.direction->isKnown())
            unknownValue(sink, f.direction, indexed("TrafficFilter", i, "Direction"));
    }
    unknownValue(sink, p.dataEncryption, "DataEncryption");
}

void checkProtocol(const Profile& p, Sink& sink) {
    if (!p.nativeProfile) return;
    const NativeProfile& np = *p.nativeProfile;
    const std::string field = "NativeProfile/NativeProtocolType";
    if (is(np.nativeProtocolType, NativeProtocol::PPTP) ||
        is(np.nativeProtocolType, NativeProtocol::L2TP))
        sink.add("general.weak-protocol", field,
                 fmt::format("{} is an old protocol with weak security.",
                             toText(*np.nativeProtocolType)),
                 "Use IKEv2 (with a CryptographySuite) or SSTP.");
    if (is(np.nativeProtocolType, NativeProtocol::Automatic) && !isDeviceTunnel(p))
        sink.add("general.automatic-protocol", field,
                 "Automatic tries SSTP first, then IKEv2; errors then come from the last "
                 "protocol tried.",
                 "Pin IKEv2 or SSTP to get clearer errors (800 means all protocols failed).");
    if (np.l2tpPsk && !np.l2tpPsk->empty())
        sink.add("general.l2tp-psk", "NativeProfile/L2tpPsk",
                 "The L2TP pre-shared key is stored in the profile in clear text.",
                 "Prefer certificate authentication with IKEv2.");
}

void checkAlwaysOnAndProxy(const Profile& p, Sink& sink) {
    if (isTrue(p.alwaysOn) && trimSpaces(textOf(p.trustedNetworkDetection)).empty())
        sink.add("general.always-on-no-tnd", "TrustedNetworkDetection",
                 "AlwaysOn is set without TrustedNetworkDetection, so the tunnel also comes up "
                 "inside the corporate network.",
                 "Enter the internal DNS suffix (e.g. corp.example.net).");
    if (p.proxy && p.nativeProfile && !isForceTunnel(p))
        sink.add("general.proxy-split-tunnel", "Proxy",
                 "Proxy settings only take effect with ForceTunnel; in split tunnel Windows "
                 "ignores them.",
                 "Remove the proxy, or use ForceTunnel.");
}

} // namespace

void checkGeneral(const Profile& profile, Sink& sink) {
    checkName(profile, sink);
    checkConnectionType(profile, sink);
    checkUnknownValues(profile, sink);
    checkProtocol(profile, sink);
    checkAlwaysOnAndProxy(profile, sink);
}

} // namespace aovpn::validation
