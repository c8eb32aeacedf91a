// Device tunnel rules: IKEv2 only, machine certificate only, split tunnel only, always on.
#include "model/net.hpp"

#include "validate_internal.hpp"

namespace aovpn::validation {
namespace {

void checkDeviceAuth(const NativeProfile& np, Sink& sink) {
    if (!np.authentication) return; // auth.missing reports it
    const Authentication& a = *np.authentication;
    if (!a.userMethod && !a.machineMethod) return;
    if (a.userMethod || a.eap || !is(a.machineMethod, MachineMethod::Certificate))
        sink.add("device.user-auth", "NativeProfile/Authentication",
                 "A device tunnel authenticates with the computer's certificate only; user "
                 "and EAP authentication are not supported.",
                 "Set MachineMethod to Certificate and remove UserMethod and Eap.");
}

void checkDeviceRouting(const Profile& p, const NativeProfile& np, Sink& sink) {
    if (!is(np.nativeProtocolType, NativeProtocol::IKEv2))
        sink.add("device.protocol", "NativeProfile/NativeProtocolType",
                 np.nativeProtocolType
                     ? fmt::format("A device tunnel supports IKEv2 only, not {}.",
                                   toText(*np.nativeProtocolType))
                     : std::string("A device tunnel needs NativeProtocolType IKEv2."),
                 "Set NativeProtocolType to IKEv2.");
    if (isForceTunnel(p))
        sink.add("device.force-tunnel", "NativeProfile/RoutingPolicyType",
                 "A device tunnel supports split tunnel only.",
                 "Set RoutingPolicyType to SplitTunnel and add host routes.");
}

void checkHostRoutes(const Profile& p, Sink& sink) {
    for (std::size_t i = 0; i < p.routes.size(); ++i) {
        const Route& r = p.routes[i];
        auto ip = parseIp(trimSpaces(textOf(r.address)));
        if (!ip.ok || !r.prefixSize || isTrue(r.exclusionRoute)) continue;
        if (*r.prefixSize == static_cast<std::uint32_t>(ip.value.bitCount())) continue;
        sink.add("device.host-routes", indexed("Route", i, "PrefixSize"),
                 "Device tunnel routes are usually host routes (/32 or /128) to domain "
                 "controllers and management servers.",
                 "Limit the device tunnel to the hosts it needs before sign-in.");
        return; // once: the advice is the same for every route
    }
}

} // namespace

void checkDeviceTunnel(const Profile& profile, Sink& sink) {
    if (!isDeviceTunnel(profile)) return;
    if (profile.pluginProfile)
        sink.add("device.plugin", "PluginProfile",
                 "A device tunnel works with the built-in IKEv2 client only, not with a plugin.",
                 "Remove the PluginProfile and use a NativeProfile.");
    if (!isTrue(profile.alwaysOn))
        sink.add("device.not-always-on", "AlwaysOn",
                 "A device tunnel only connects on its own when AlwaysOn is set.",
                 "Set AlwaysOn to true.");
    if (!profile.trafficFilters.empty())
        sink.add("device.traffic-filters", "TrafficFilter[0]",
                 "Traffic filters on a device tunnel block inbound management traffic such as "
                 "remote GPUpdate and WinRM.",
                 "Use host routes to limit the device tunnel instead.");
    if (!profile.domainNameInformation.empty())
        sink.add("device.nrpt", "DomainNameInformation[0]",
                 "NRPT rules (DomainNameInformation) are not supported on a device tunnel; "
                 "Windows ignores them there.",
                 "Put the NRPT rules in the user tunnel, or rely on the DNS servers the device "
                 "tunnel's interface gets.");
    if (profile.nativeProfile) {
        checkDeviceAuth(*profile.nativeProfile, sink);
        checkDeviceRouting(profile, *profile.nativeProfile, sink);
    }
    checkHostRoutes(profile, sink);
}

} // namespace aovpn::validation
