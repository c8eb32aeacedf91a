// The real MDM bridge behind the WmiBridge seam: COM/WMI, one connection per call on the calling
// (worker) thread, the PolicyPlatformContext pair in an IWbemContext passed to every call.
#include "seams.hpp"

#include <mutex>
#include <wbemidl.h>

namespace aovpn::platform::win {

namespace {
constexpr wchar_t kMdmNamespace[] = L"root\\cimv2\\mdm\\dmmap";
constexpr wchar_t kVpnClass[] = L"MDM_VPNv2_01";

class Bstr {
  public:
    explicit Bstr(std::wstring_view s)
        : b_(SysAllocStringLen(s.data(), static_cast<UINT>(s.size()))) {}
    Bstr(const Bstr&) = delete;
    Bstr& operator=(const Bstr&) = delete;
    ~Bstr() { SysFreeString(b_); }
    BSTR get() const { return b_; }

  private:
    BSTR b_;
};

// Process-wide COM security, once; RPC_E_TOO_LATE means the host already chose, which is fine.
void initSecurityOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        CoInitializeSecurity(nullptr, -1, nullptr, nullptr, RPC_C_AUTHN_LEVEL_DEFAULT,
                             RPC_C_IMP_LEVEL_IMPERSONATE, nullptr, EOAC_NONE, nullptr);
    });
}

HRESULT putString(IWbemClassObject* obj, const wchar_t* name, std::wstring_view value) {
    VARIANT v;
    VariantInit(&v);
    v.vt = VT_BSTR;
    v.bstrVal = SysAllocStringLen(value.data(), static_cast<UINT>(value.size()));
    const HRESULT hr = obj->Put(name, 0, &v, 0);
    VariantClear(&v);
    return hr;
}

std::wstring getString(IWbemClassObject* obj, const wchar_t* name) {
    VARIANT v;
    VariantInit(&v);
    std::wstring out;
    if (SUCCEEDED(obj->Get(name, 0, &v, nullptr, nullptr)) && v.vt == VT_BSTR && v.bstrVal)
        out.assign(v.bstrVal, SysStringLen(v.bstrVal));
    VariantClear(&v);
    return out;
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

// The provider's own words (__ExtendedStatus.Description), when it left any.
std::string extendedDescription() {
    ComPtr<IErrorInfo> info;
    if (GetErrorInfo(0, info.put()) != S_OK || !info) return {};
    ComPtr<IWbemClassObject> status;
    if (FAILED(info->QueryInterface(IID_IWbemClassObject, status.putVoid()))) return {};
    return narrow(getString(status.get(), L"Description"));
}

WmiCall failed(HRESULT hr, std::string stage) {
    return {hr, std::move(stage), extendedDescription()};
}

struct Connection {
    ComPtr<IWbemServices> services;
    ComPtr<IWbemContext> context; // null when the call goes without a context
};

WmiCall connect(const WmiContext& ctx, Connection& c) {
    HRESULT hr = ensureComOnThisThread();
    if (FAILED(hr)) return failed(hr, "initialise COM");
    initSecurityOnce();
    ComPtr<IWbemLocator> locator;
    hr = CoCreateInstance(CLSID_WbemLocator, nullptr, CLSCTX_INPROC_SERVER, IID_IWbemLocator,
                          locator.putVoid());
    if (FAILED(hr)) return failed(hr, "start WMI");
    Bstr ns(kMdmNamespace);
    hr = locator->ConnectServer(ns.get(), nullptr, nullptr, nullptr, 0, nullptr, nullptr,
                                c.services.put());
    if (FAILED(hr)) return failed(hr, "connect to root\\cimv2\\mdm\\dmmap");
    hr = CoSetProxyBlanket(c.services.get(), RPC_C_AUTHN_WINNT, RPC_C_AUTHZ_NONE, nullptr,
                           RPC_C_AUTHN_LEVEL_CALL, RPC_C_IMP_LEVEL_IMPERSONATE, nullptr, EOAC_NONE);
    if (FAILED(hr)) return failed(hr, "set WMI security");
    if (ctx.type.empty()) return {};
    hr = CoCreateInstance(CLSID_WbemContext, nullptr, CLSCTX_INPROC_SERVER, IID_IWbemContext,
                          c.context.putVoid());
    if (SUCCEEDED(hr))
        hr = setContextValue(c.context.get(), L"PolicyPlatformContext_PrincipalContext_Type",
                             ctx.type);
    if (SUCCEEDED(hr))
        hr = setContextValue(c.context.get(), L"PolicyPlatformContext_PrincipalContext_Id", ctx.id);
    if (FAILED(hr)) return failed(hr, "prepare the context");
    return {};
}

class ComWmiBridge final : public WmiBridge {
  public:
    WmiCall enumerate(const WmiContext& ctx, std::vector<WmiInstance>& out) override {
        Connection c;
        if (auto r = connect(ctx, c); !r.ok()) return r;
        ComPtr<IEnumWbemClassObject> items;
        Bstr cls(kVpnClass);
        HRESULT hr = c.services->CreateInstanceEnum(
            cls.get(), WBEM_FLAG_FORWARD_ONLY | WBEM_FLAG_RETURN_IMMEDIATELY, c.context.get(),
            items.put());
        if (FAILED(hr)) return failed(hr, "enumerate MDM_VPNv2_01");
        for (;;) {
            ComPtr<IWbemClassObject> obj;
            ULONG got = 0;
            hr = items->Next(static_cast<long>(WBEM_INFINITE), 1, obj.put(), &got);
            if (FAILED(hr)) return failed(hr, "enumerate MDM_VPNv2_01");
            if (got == 0) break;
            out.push_back({getString(obj.get(), L"ParentID"), getString(obj.get(), L"InstanceID"),
                           getString(obj.get(), L"ProfileXML")});
        }
        return {};
    }

    WmiCall putInstance(const WmiContext& ctx, const WmiInstance& inst, long flags) override {
        Connection c;
        if (auto r = connect(ctx, c); !r.ok()) return r;
        ComPtr<IWbemClassObject> cls, obj;
        Bstr clsName(kVpnClass);
        HRESULT hr = c.services->GetObject(clsName.get(), 0, c.context.get(), cls.put(), nullptr);
        if (FAILED(hr)) return failed(hr, "read the class MDM_VPNv2_01");
        hr = cls->SpawnInstance(0, obj.put());
        if (SUCCEEDED(hr)) hr = putString(obj.get(), L"ParentID", inst.parentId);
        if (SUCCEEDED(hr)) hr = putString(obj.get(), L"InstanceID", inst.instanceId);
        if (SUCCEEDED(hr)) hr = putString(obj.get(), L"ProfileXML", inst.profileXml);
        if (FAILED(hr)) return failed(hr, "prepare the instance");
        hr = c.services->PutInstance(obj.get(), flags, c.context.get(), nullptr);
        if (FAILED(hr)) return failed(hr, "");
        return {};
    }

    WmiCall deleteInstance(const WmiContext& ctx, const std::wstring& objectPath) override {
        Connection c;
        if (auto r = connect(ctx, c); !r.ok()) return r;
        Bstr path(objectPath);
        const HRESULT hr = c.services->DeleteInstance(path.get(), 0, c.context.get(), nullptr);
        if (FAILED(hr)) return failed(hr, "");
        return {};
    }
};

} // namespace

std::unique_ptr<WmiBridge> makeComWmiBridge() {
    return std::make_unique<ComWmiBridge>();
}

Error wmiCallError(const std::string& action, const WmiCall& call) {
    Error e = hresultError(action + (call.stage.empty() ? "" : " (" + call.stage + ")"), call.hr);
    if (!call.detail.empty())
        e.systemMessage += (e.systemMessage.empty() ? "" : " — ") + call.detail;
    return e;
}

} // namespace aovpn::platform::win
