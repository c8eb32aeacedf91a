#include "wmi_profile_store.hpp"

#include "model/escape.hpp"

#include <wbemidl.h>

namespace aovpn::platform::win {

namespace {
std::string inQuotes(std::string_view name) {
    return "\"" + std::string(name) + "\"";
}

Result<std::string> instanceIdFor(std::string_view name, const std::string& action) {
    auto id = aovpn::encodeInstanceId(name);
    if (id.ok) return id.value;
    Error e;
    e.action = action;
    e.meaning = id.error;
    e.nextStep = "Change the profile name.";
    return e;
}

// What the bridge returns is the profile as Windows regenerated it; if it still comes back
// CIM-escaped, undo that once.
std::string readBackXml(const std::wstring& raw) {
    std::string xml = narrow(raw);
    if (xml.rfind("&lt;", 0) == 0) xml = aovpn::unescapeCimString(xml);
    return xml;
}
} // namespace

std::wstring vpnObjectPath(std::wstring_view instanceId) {
    std::wstring quotedId;
    for (wchar_t c : instanceId) {
        if (c == L'\\' || c == L'"') quotedId += L'\\';
        quotedId += c;
    }
    return std::wstring(kVpnClassName) + L".InstanceID=\"" + quotedId + L"\",ParentID=\"" +
           kVpnParentId + L"\"";
}

WmiProfileStore::WmiProfileStore(WmiBridge& bridge, bool runningAsSystem)
    : bridge_(bridge), system_(runningAsSystem) {}

WmiContext WmiProfileStore::contextFor(const ProfileTarget& t) const {
    if (t.kind == TunnelKind::User) return {kUserContext, widen(t.user.sid)};
    if (system_) return {};
    return {kMachineContext, L"SYSTEM"};
}

Result<std::vector<InstalledProfile>> WmiProfileStore::list(const ProfileTarget& target) {
    std::vector<WmiInstance> raw;
    const WmiCall call = bridge_.enumerate(contextFor(target), raw);
    if (!call.ok()) return wmiCallError("List the installed VPN profiles through WMI", call);
    std::vector<InstalledProfile> out;
    for (const auto& i : raw) {
        if (i.parentId != kVpnParentId) continue;
        InstalledProfile p;
        p.instanceId = narrow(i.instanceId);
        p.name = aovpn::decodeInstanceId(p.instanceId);
        p.xml = readBackXml(i.profileXml);
        out.push_back(std::move(p));
    }
    return out;
}

// By the DECODED name: Microsoft's, Hicks's and DPC's scripts encode only spaces, so
// "Contoso (Test)" may be stored as "Contoso%20(Test)" and must still be found.
Result<std::optional<InstalledProfile>> WmiProfileStore::find(const ProfileTarget& target,
                                                              std::string_view name) {
    auto id = instanceIdFor(name, "Read the VPN profile " + inQuotes(name));
    if (!id) return id.error();
    auto all = list(target);
    if (!all) return all.error();
    for (auto& p : all.value())
        if (p.name == name) return std::optional<InstalledProfile>{std::move(p)};
    return std::optional<InstalledProfile>{};
}

Status WmiProfileStore::create(const ProfileTarget& target, std::string_view name,
                               std::string_view xml) {
    const std::string action = "Create the VPN profile " + inQuotes(name) + " through WMI";
    auto id = instanceIdFor(name, action);
    if (!id) return Status::failure(id.error());
    // The one escaping rule (& first) lives in the model; never escape here.
    const WmiInstance inst{kVpnParentId, widen(id.value()), widen(aovpn::escapeCimString(xml))};
    const WmiCall call = bridge_.putInstance(contextFor(target), inst, WBEM_FLAG_CREATE_ONLY);
    if (!call.ok()) return Status::failure(wmiCallError(action, call));
    return Status::success();
}

Status WmiProfileStore::remove(const ProfileTarget& target, const InstalledProfile& installed) {
    const std::string action =
        "Delete the VPN profile " + inQuotes(installed.name) + " through WMI";
    // The InstanceID exactly as enumerated (another tool's may hold raw characters).
    const WmiCall call =
        bridge_.deleteInstance(contextFor(target), vpnObjectPath(widen(installed.instanceId)));
    if (!call.ok()) return Status::failure(wmiCallError(action, call));
    return Status::success();
}

LeftoverReport WmiProfileStore::cleanLeftovers(const ProfileTarget& target, std::string_view name) {
    return cleanRegistryLeftovers(target, name);
}

} // namespace aovpn::platform::win
