// aovpn render FILE [--escaped | --ps1 [--sid SID] | --intune | --graph-json | --syncml
//                   [--replace]] [--quirk-server-twice] [--quirk-machine-eap] [--no-comments]
//                   [--name NAME] [-o OUT]
#include "model/escape.hpp"
#include "model/exports.hpp"
#include "model/exports_mdm.hpp"

#include "cli.hpp"

#include <fmt/format.h>

namespace aovpn::cli {
namespace {

constexpr const char* kRenderUsage =
    "usage: aovpn render FILE [--escaped | --ps1 [--sid SID] | --intune | --graph-json |\n"
    "                          --syncml [--replace]] [--quirk-server-twice] [--quirk-machine-eap]\n"
    "                          [--no-comments] [--name NAME] [-o OUT]\n";

enum class Form { Xml, Escaped, Ps1, Intune, GraphJson, SyncMl };

struct RenderChoice {
    Form form = Form::Xml;
    IntuneQuirks quirks;
    bool replace = false;
    bool comments = true;
};

// Reads the flags; false on an unknown one, two forms, or an option its form does not take.
bool pickForm(const Args& args, RenderChoice& c) {
    int chosen = 0;
    for (const std::string& f : args.flags) {
        if (f == "--escaped" || f == "--ps1" || f == "--intune" || f == "--graph-json" ||
            f == "--syncml") {
            c.form = f == "--escaped"      ? Form::Escaped
                     : f == "--ps1"        ? Form::Ps1
                     : f == "--intune"     ? Form::Intune
                     : f == "--graph-json" ? Form::GraphJson
                                           : Form::SyncMl;
            ++chosen;
        } else if (f == "--quirk-server-twice") {
            c.quirks.serverListedTwice = true;
        } else if (f == "--quirk-machine-eap") {
            c.quirks.machineMethodEap = true;
        } else if (f == "--replace") {
            c.replace = true;
        } else if (f == "--no-comments") {
            c.comments = false;
        } else {
            return false;
        }
    }
    const bool mdm = c.form == Form::Intune || c.form == Form::GraphJson || c.form == Form::SyncMl;
    if (chosen > 1 || (c.replace && c.form != Form::SyncMl)) return false;
    if (c.quirks != IntuneQuirks{} && !mdm) return false;
    return c.form == Form::Ps1 || !args.value("--sid");
}

std::optional<std::string> exported(const TextExport& r, const std::string& path) {
    if (r.ok) return r.text;
    report(path, 0, 0, "error", r.error);
    return std::nullopt;
}

// The text to write, or nothing (after reporting) when the export refuses the profile.
std::optional<std::string> renderForm(const RenderChoice& c, const ExportInput& in,
                                      const Args& args, const std::string& path) {
    switch (c.form) {
    case Form::Xml:
        return in.xml;
    case Form::Escaped:
        return escapeCimString(in.xml);
    case Form::Ps1: {
        const auto r = renderDeployScript(in, {args.value("--sid").value_or("")});
        if (r.ok) return r.script; // ASCII: no BOM needed (exports.hpp)
        report(path, 0, 0, "error", r.error);
        return std::nullopt;
    }
    case Form::Intune: {
        const auto r = intuneOmaUri(in);
        if (r.ok) return renderIntuneText(r.setting);
        report(path, 0, 0, "error", r.error);
        return std::nullopt;
    }
    case Form::GraphJson:
        return exported(graphCustomConfigurationJson(in), path);
    case Form::SyncMl:
        return exported(syncMlCommand(in, c.replace ? SyncMlCommand::Replace : SyncMlCommand::Add),
                        path);
    }
    return std::nullopt;
}

} // namespace

int runRender(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--sid", "--name", "-o"});
    RenderChoice choice;
    if (!args.error.empty() || args.positional.size() != 1 || !pickForm(args, choice)) {
        return usageError(args, kRenderUsage);
    }
    const std::string& path = args.positional[0];
    auto loaded = loadProfile(path);
    if (!loaded) return kExitUsage;
    Profile& profile = loaded->read.profile;
    if (auto name = args.value("--name")) profile.profileName = *name;
    // Render anyway (the user may want to look), but say what is wrong and exit 1.
    const std::size_t errors = reportIssues(*loaded, validateProfile(profile), true) +
                               countReadFindings(loaded->read, Severity::Error);
    const ExportInput in =
        exportInputFor(profile, writeProfileXml(profile, {choice.comments}), choice.quirks);
    const auto text = renderForm(choice, in, args, path);
    if (!text) return kExitInvalid;
    if (!writeOutput(args.value("-o").value_or(""), *text)) return kExitUsage;
    return errors > 0 ? kExitInvalid : kExitOk;
}

} // namespace aovpn::cli
