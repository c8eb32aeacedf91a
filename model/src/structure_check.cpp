#include "structure_check.hpp"

#include "model/known_value.hpp"
#include "model/schema_order.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>

namespace aovpn::xml {
namespace {

struct ParentTable {
    std::string_view parent;
    std::span<const std::string_view> children;
};

// Wrappers hold one child each.
constexpr std::array<std::string_view, 1> kApp{"Id"};
constexpr std::array<std::string_view, 1> kManual{"Server"};
constexpr std::array<std::string_view, 1> kNativeProtocol{"Type"};
constexpr std::array<std::string_view, 1> kEap{"Configuration"};

const std::array<ParentTable, 17> kParents{{
    {"VPNProfile", schema::kVpnProfile},
    {"Proxy", schema::kProxy},
    {"Manual", kManual},
    {"APNBinding", schema::kApnBinding},
    {"DeviceCompliance", schema::kDeviceCompliance},
    {"Sso", schema::kSso},
    {"PluginProfile", schema::kPluginProfile},
    {"AppTrigger", schema::kAppTrigger},
    {"DomainNameInformation", schema::kDomainNameInformation},
    {"TrafficFilter", schema::kTrafficFilter},
    {"App", kApp},
    {"NativeProfile", schema::kNativeProfile},
    {"CryptographySuite", schema::kCryptographySuite},
    {"Authentication", schema::kAuthentication},
    {"Eap", kEap},
    {"ProtocolList", schema::kProtocolList},
    {"NativeProtocol", kNativeProtocol},
}};
// Route last: it is looked up often and has its own table.
const ParentTable kRouteTable{"Route", schema::kRoute};

template <typename F> void forEachParent(F f) {
    for (const ParentTable& t : kParents)
        f(t);
    f(kRouteTable);
}

std::string quotedList(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out +=
            fmt::format("{}<{}>", i == 0 ? "" : (i + 1 == names.size() ? " or " : ", "), names[i]);
    return out;
}

} // namespace

std::vector<std::string_view> parentsKnowing(std::string_view name) {
    std::vector<std::string_view> out;
    forEachParent([&](const ParentTable& t) {
        if (std::find(t.children.begin(), t.children.end(), name) != t.children.end())
            out.push_back(t.parent);
    });
    return out;
}

std::string_view caseVariantIn(std::string_view parent, std::string_view name) {
    std::string_view found;
    forEachParent([&](const ParentTable& t) {
        if (t.parent != parent) return;
        for (std::string_view child : t.children)
            if (detail::equalsNoCase(child, name)) found = child;
    });
    return found;
}

KeptReason classifyUnknown(std::string_view parent, std::string_view name) {
    if (name == "DomainNameInformationList")
        return {"structure.csp-node",
                fmt::format("<{}> is the VPNv2 CSP's node name, not a ProfileXML element; each "
                            "NRPT rule is a <DomainNameInformation> element, and Windows rejects "
                            "the profile.",
                            name),
                "Rename it <DomainNameInformation> (and <DNSServers> inside it <DnsServers>); "
                "saving or aovpn normalize does both."};
    if (const std::string_view right = caseVariantIn(parent, name); !right.empty())
        return {"structure.name-case",
                fmt::format("<{}> is spelled <{}>: element names are case-sensitive, so Windows "
                            "does not recognise it.",
                            name, right),
                fmt::format("Rename it <{}> (saving or aovpn normalize does).", right)};
    const std::vector<std::string_view> parents = parentsKnowing(name);
    if (!parents.empty())
        return {"structure.misplaced",
                fmt::format("<{}> belongs inside {}, not <{}>; Windows and Intune (0x87d101f4) "
                            "reject it here.",
                            name, quotedList(parents), parent),
                fmt::format("Move it into {} (aovpn normalize --fix moves it when the place is "
                            "clear).",
                            quotedList(parents))};
    return {"structure.unknown",
            fmt::format("<{}> is not an element this tool knows. It is kept as it is, at the end "
                        "of <{}>.",
                        name, parent),
            {}};
}

} // namespace aovpn::xml
