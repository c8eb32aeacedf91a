#include "wmi_profile_store.hpp"

#include "model/escape.hpp"

#include "wmi_session.hpp"

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

// The bridge returns ProfileXML as stored; if it comes back still CIM-escaped, undo that once.
std::string readBackXml(IWbemClassObject* obj) {
    std::string xml = narrow(stringProperty(obj, L"ProfileXML"));
    if (xml.rfind("&lt;", 0) == 0) xml = aovpn::unescapeCimString(xml);
    return xml;
}

InstalledProfile toProfile(IWbemClassObject* obj) {
    InstalledProfile p;
    p.instanceId = narrow(stringProperty(obj, L"InstanceID"));
    p.name = aovpn::decodeInstanceId(p.instanceId);
    p.xml = readBackXml(obj);
    return p;
}
} // namespace

Result<std::vector<InstalledProfile>> WmiProfileStore::list(const ProfileTarget& target) {
    const std::string action = "List the installed VPN profiles through WMI";
    auto s = connectMdmBridge(target, action);
    if (!s) return s.error();
    ComPtr<IEnumWbemClassObject> items;
    Bstr cls(kVpnClass);
    HRESULT hr = s.value().services->CreateInstanceEnum(
        cls.get(), WBEM_FLAG_FORWARD_ONLY | WBEM_FLAG_RETURN_IMMEDIATELY, s.value().context.get(),
        items.put());
    if (FAILED(hr)) return wmiError(action, hr);
    std::vector<InstalledProfile> out;
    for (;;) {
        ComPtr<IWbemClassObject> obj;
        ULONG got = 0;
        hr = items->Next(static_cast<long>(WBEM_INFINITE), 1, obj.put(), &got);
        if (FAILED(hr)) return wmiError(action, hr);
        if (got == 0) break;
        if (stringProperty(obj.get(), L"ParentID") != kParentId) continue;
        out.push_back(toProfile(obj.get()));
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
    auto s = connectMdmBridge(target, action);
    if (!s) return Status::failure(s.error());
    IWbemServices* svc = s.value().services.get();
    IWbemContext* ctx = s.value().context.get();
    ComPtr<IWbemClassObject> cls, inst;
    Bstr clsName(kVpnClass);
    HRESULT hr = svc->GetObject(clsName.get(), 0, ctx, cls.put(), nullptr);
    if (SUCCEEDED(hr)) hr = cls->SpawnInstance(0, inst.put());
    if (SUCCEEDED(hr)) hr = putStringProperty(inst.get(), L"ParentID", kParentId);
    if (SUCCEEDED(hr)) hr = putStringProperty(inst.get(), L"InstanceID", widen(id.value()));
    // The one escaping rule (& first) lives in the model; never escape here.
    if (SUCCEEDED(hr))
        hr = putStringProperty(inst.get(), L"ProfileXML", widen(aovpn::escapeCimString(xml)));
    if (SUCCEEDED(hr)) hr = svc->PutInstance(inst.get(), WBEM_FLAG_CREATE_ONLY, ctx, nullptr);
    if (FAILED(hr)) return Status::failure(wmiError(action, hr));
    return Status::success();
}

Status WmiProfileStore::remove(const ProfileTarget& target, const InstalledProfile& installed) {
    const std::string action =
        "Delete the VPN profile " + inQuotes(installed.name) + " through WMI";
    auto s = connectMdmBridge(target, action);
    if (!s) return Status::failure(s.error());
    // The InstanceID exactly as enumerated (another tool's may hold raw characters).
    Bstr objectPath(vpnObjectPath(widen(installed.instanceId)));
    const HRESULT hr =
        s.value().services->DeleteInstance(objectPath.get(), 0, s.value().context.get(), nullptr);
    if (FAILED(hr)) return Status::failure(wmiError(action, hr));
    return Status::success();
}

LeftoverReport WmiProfileStore::cleanLeftovers(const ProfileTarget& target, std::string_view name) {
    return cleanRegistryLeftovers(target, name);
}

} // namespace aovpn::platform::win
