// Intune custom OMA-URI setting for the VPNv2 CSP.
#include "model/escape.hpp"
#include "model/exports.hpp"

#include <fmt/format.h>

namespace aovpn {

IntuneResult intuneOmaUri(const ExportInput& input) {
    const InstanceIdResult id = encodeInstanceId(input.profileName);
    if (!id.ok) return {false, {}, id.error};
    IntuneOmaUriSetting s;
    s.name = input.profileName;
    s.description =
        fmt::format("Always On VPN {} tunnel profile", input.deviceTunnel ? "device" : "user");
    // The scope decides whose profile it is: ./User for the signed-in user, ./Device for the
    // machine (a device tunnel is machine-wide).
    s.omaUri = fmt::format("./{}/Vendor/MSFT/VPNv2/{}/ProfileXML",
                           input.deviceTunnel ? "Device" : "User", id.value);
    s.dataType = "String (XML file)";
    s.value = input.forMdm(); // raw XML, no CIM escaping; comments left out, quirks applied
    return {true, std::move(s), {}};
}

std::string_view intunePortalPath() {
    // Microsoft Learn, "Create a profile with custom settings in Intune" (2023-09 revision).
    return "Devices > Manage devices > Configuration > Create > New policy; Platform: Windows 10 "
           "and later; Profile type: Templates > Custom";
}

std::string renderIntuneText(const IntuneOmaUriSetting& s) {
    return fmt::format("Intune admin center: {}\n"
                       "OMA-URI setting:\n"
                       "  Name:        {}\n"
                       "  Description: {}\n"
                       "  OMA-URI:     {}\n"
                       "  Data type:   {}\n"
                       "  Value:       the ProfileXML below (save it as a .xml file to upload, "
                       "or paste it)\n"
                       "\n{}",
                       intunePortalPath(), s.name, s.description, s.omaUri, s.dataType, s.value);
}

} // namespace aovpn
