#include "wmi_session.hpp"

#include <mutex>

namespace aovpn::platform::win {

Bstr::Bstr(std::wstring_view s) : b_(SysAllocStringLen(s.data(), static_cast<UINT>(s.size()))) {}
Bstr::~Bstr() {
    SysFreeString(b_);
}

namespace {
// Process-wide COM security, once; RPC_E_TOO_LATE means the host already chose, which is fine.
void initSecurityOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        CoInitializeSecurity(nullptr, -1, nullptr, nullptr, RPC_C_AUTHN_LEVEL_DEFAULT,
                             RPC_C_IMP_LEVEL_IMPERSONATE, nullptr, EOAC_NONE, nullptr);
    });
}

HRESULT setContextValue(IWbemContext* ctx, const wchar_t* name, std::wstring_view value) {
    VARIANT v;
    VariantInit(&v);
    v.vt = VT_BSTR;
    v.bstrVal = SysAllocStringLen(value.data(), static_cast<UINT>(value.size()));
    const HRESULT hr = ctx->SetValue(name, 0, &v);
    VariantClear(&v);
    return hr;
}

// The MDM bridge acts for the user named by this context (user tunnels); without it, it acts for
// the machine. It must accompany every enumerate, delete and create.
HRESULT makeUserContext(const ProfileTarget& target, ComPtr<IWbemContext>& out) {
    HRESULT hr = CoCreateInstance(CLSID_WbemContext, nullptr, CLSCTX_INPROC_SERVER,
                                  IID_IWbemContext, out.putVoid());
    if (FAILED(hr)) return hr;
    hr = setContextValue(out.get(), L"PolicyPlatformContext_PrincipalContext_Type",
                         L"PolicyPlatform_UserContext");
    if (FAILED(hr)) return hr;
    return setContextValue(out.get(), L"PolicyPlatformContext_PrincipalContext_Id",
                           widen(target.user.sid));
}

// The provider's own words (__ExtendedStatus.Description), when it left any.
std::string extendedDescription() {
    ComPtr<IErrorInfo> info;
    if (GetErrorInfo(0, info.put()) != S_OK || !info) return {};
    ComPtr<IWbemClassObject> status;
    if (FAILED(info->QueryInterface(IID_IWbemClassObject, status.putVoid()))) return {};
    return narrow(stringProperty(status.get(), L"Description"));
}
} // namespace

Error wmiError(const std::string& action, HRESULT hr) {
    Error e = hresultError(action, hr);
    if (const auto extra = extendedDescription(); !extra.empty())
        e.systemMessage += (e.systemMessage.empty() ? "" : " — ") + extra;
    return e;
}

Result<WmiSession> connectMdmBridge(const ProfileTarget& target, const std::string& action) {
    HRESULT hr = ensureComOnThisThread();
    if (FAILED(hr)) return hresultError(action + " (initialise COM)", hr);
    initSecurityOnce();
    ComPtr<IWbemLocator> locator;
    hr = CoCreateInstance(CLSID_WbemLocator, nullptr, CLSCTX_INPROC_SERVER, IID_IWbemLocator,
                          locator.putVoid());
    if (FAILED(hr)) return hresultError(action + " (start WMI)", hr);
    WmiSession s;
    Bstr ns(kMdmNamespace);
    hr = locator->ConnectServer(ns.get(), nullptr, nullptr, nullptr, 0, nullptr, nullptr,
                                s.services.put());
    if (FAILED(hr)) return wmiError(action + " (connect to root\\cimv2\\mdm\\dmmap)", hr);
    hr = CoSetProxyBlanket(s.services.get(), RPC_C_AUTHN_WINNT, RPC_C_AUTHZ_NONE, nullptr,
                           RPC_C_AUTHN_LEVEL_CALL, RPC_C_IMP_LEVEL_IMPERSONATE, nullptr, EOAC_NONE);
    if (FAILED(hr)) return hresultError(action + " (set WMI security)", hr);
    if (target.kind == TunnelKind::User) {
        hr = makeUserContext(target, s.context);
        if (FAILED(hr)) return hresultError(action + " (prepare the user context)", hr);
    }
    return s;
}

std::wstring vpnObjectPath(std::wstring_view instanceId) {
    std::wstring quotedId;
    for (wchar_t c : instanceId) {
        if (c == L'\\' || c == L'"') quotedId += L'\\';
        quotedId += c;
    }
    return std::wstring(kVpnClass) + L".InstanceID=\"" + quotedId + L"\",ParentID=\"" + kParentId +
           L"\"";
}

std::wstring stringProperty(IWbemClassObject* obj, const wchar_t* name) {
    VARIANT v;
    VariantInit(&v);
    std::wstring out;
    if (SUCCEEDED(obj->Get(name, 0, &v, nullptr, nullptr)) && v.vt == VT_BSTR && v.bstrVal)
        out.assign(v.bstrVal, SysStringLen(v.bstrVal));
    VariantClear(&v);
    return out;
}

HRESULT putStringProperty(IWbemClassObject* obj, const wchar_t* name, std::wstring_view value) {
    VARIANT v;
    VariantInit(&v);
    v.vt = VT_BSTR;
    v.bstrVal = SysAllocStringLen(value.data(), static_cast<UINT>(value.size()));
    const HRESULT hr = obj->Put(name, 0, &v, 0);
    VariantClear(&v);
    return hr;
}

} // namespace aovpn::platform::win
