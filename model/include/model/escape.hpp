#pragma once
// The ONE place that escapes text for Windows: the ProfileXML string as written into the
// MDM_VPNv2_01 CIM instance, and the profile name as a WMI InstanceID. Everything that writes or
// shows these (platform, exports, preview) calls these functions.
#include <string>
#include <string_view>

namespace aovpn {

// ProfileXML as a CIM string property: '&' first, then '<', '>', '"'.
std::string escapeCimString(std::string_view xml);
// The inverse; unknown entities are left as they are.
std::string unescapeCimString(std::string_view escaped);

struct InstanceIdResult {
    bool ok = false;
    std::string value; // the encoded InstanceID when ok
    std::string error; // a sentence for the user when not ok
};
// Profile name -> InstanceID: space -> %20, other reserved characters percent-encoded (UTF-8
// bytes), '/' rejected, empty rejected.
InstanceIdResult encodeInstanceId(std::string_view profileName);
// InstanceID -> profile name (percent-decoding); malformed escapes are kept literally.
std::string decodeInstanceId(std::string_view instanceId);

} // namespace aovpn
