#pragma once
// A connection to the MDM bridge namespace (root\cimv2\mdm\dmmap) with the user context that
// makes the bridge act for a given SID. One per call, on the calling (worker) thread.
#include "platform/platform.hpp"

#include "win_util.hpp"

#include <wbemidl.h>

namespace aovpn::platform::win {

inline constexpr wchar_t kMdmNamespace[] = L"root\\cimv2\\mdm\\dmmap";
inline constexpr wchar_t kVpnClass[] = L"MDM_VPNv2_01";
inline constexpr wchar_t kParentId[] = L"./Vendor/MSFT/VPNv2";

struct WmiSession {
    ComPtr<IWbemServices> services;
    ComPtr<IWbemContext> context; // empty for device (machine) tunnels
};

// Connects and prepares the context; `action` names what the caller is doing, for the error.
Result<WmiSession> connectMdmBridge(const ProfileTarget& target, const std::string& action);

// An Error for a failed WMI call, with the provider's extended description when it gave one.
Error wmiError(const std::string& action, HRESULT hr);

// Owns a BSTR.
class Bstr {
  public:
    explicit Bstr(std::wstring_view s);
    Bstr(const Bstr&) = delete;
    Bstr& operator=(const Bstr&) = delete;
    ~Bstr();
    BSTR get() const { return b_; }

  private:
    BSTR b_;
};

// MDM_VPNv2_01.InstanceID="<id>",ParentID="./Vendor/MSFT/VPNv2" with '\\' and '"' escaped, so an
// InstanceID another tool wrote with raw characters still names exactly that instance.
std::wstring vpnObjectPath(std::wstring_view instanceId);

// Reads a string property of a WMI object ("" when absent or not a string).
std::wstring stringProperty(IWbemClassObject* obj, const wchar_t* name);
HRESULT putStringProperty(IWbemClassObject* obj, const wchar_t* name, std::wstring_view value);

} // namespace aovpn::platform::win
