// Profile -> the inputs of the exports, through the one ProfileXML writer.
#include "model/describe.hpp"
#include "model/exports.hpp"
#include "model/exports_mdm.hpp"
#include "model/profile_xml.hpp"

namespace aovpn {
namespace {

bool hasComments(const schema::Element& el, const void* object) {
    if (!el.ccomments(object)->empty()) return true;
    for (const schema::Field& f : el.fields)
        if (f.kind == schema::Kind::Struct)
            for (std::size_t k = 0; k < f.count(object); ++k)
                if (hasComments(*f.element, f.at(object, k))) return true;
    return false;
}

} // namespace

ExportInput exportInputFor(const Profile& profile, std::string xml, const IntuneQuirks& quirks) {
    ExportInput in{
        profile.profileName.value_or(""), std::move(xml), profile.deviceTunnel.value_or(false), {}};
    if (quirks != IntuneQuirks{})
        in.mdmXml = writeProfileXml(withIntuneQuirks(profile, quirks), {false});
    else if (hasComments(schema::vpnProfile(), &profile))
        in.mdmXml = writeProfileXml(profile, {false});
    return in;
}

ExportInput exportInputFor(const Profile& profile, const IntuneQuirks& quirks) {
    return exportInputFor(profile, writeProfileXml(profile), quirks);
}

std::string profileXmlFileText(const Profile& profile) {
    return writeProfileXml(profile);
}

} // namespace aovpn
