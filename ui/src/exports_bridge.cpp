#include "exports_bridge.hpp"

#include "model/exports.hpp"

namespace aovpn::ui {

void buildExports(const Profile& profile, DerivedState& derived) {
    // The XML is already written for this revision; the exports start from that same text
    // (the Intune value leaves comments out: exportInputFor).
    const ExportInput input = exportInputFor(profile, derived.xml);
    const DeployScriptResult ps = renderDeployScript(input);
    derived.powershell = ps.ok ? ps.script : "# " + ps.error;
    const IntuneResult intune = intuneOmaUri(input);
    derived.intune = intune.ok ? renderIntuneText(intune.setting) : intune.error;
    derived.intuneSetting.reset();
    if (intune.ok) derived.intuneSetting = intune.setting;
    derived.exportsAvailable = ps.ok && intune.ok;
    derived.exportsWhy = ps.ok ? (intune.ok ? std::string() : intune.error) : ps.error;
}

} // namespace aovpn::ui
