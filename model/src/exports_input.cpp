// Profile -> the inputs of the exports, through the one ProfileXML writer.
#include "model/exports.hpp"
#include "model/profile_xml.hpp"

namespace aovpn {

ExportInput exportInputFor(const Profile& profile) {
    return {profile.profileName.value_or(""), writeProfileXml(profile),
            profile.deviceTunnel.value_or(false)};
}

std::string profileXmlFileText(const Profile& profile) {
    return writeProfileXml(profile);
}

} // namespace aovpn
