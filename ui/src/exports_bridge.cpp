#include "exports_bridge.hpp"

#include "model/exports.hpp"

namespace aovpn::ui {

void buildExports(const Profile& profile, DerivedState& derived) {
    // The XML is already written for this revision; the exports start from that same text.
    ExportInput input;
    input.profileName = profile.profileName.value_or(std::string());
    input.xml = derived.xml;
    input.deviceTunnel = profile.deviceTunnel.value_or(false);
    const DeployScriptResult ps = renderDeployScript(input);
    derived.powershell = ps.ok ? ps.script : "# " + ps.error;
    const IntuneResult intune = intuneOmaUri(input);
    derived.intune = intune.ok ? renderIntuneText(intune.setting) : intune.error;
    derived.exportsAvailable = ps.ok && intune.ok;
}

} // namespace aovpn::ui
