// aovpn render FILE [--escaped | --ps1 [--sid SID] | --intune] [--name NAME] [-o OUT]
#include "model/escape.hpp"
#include "model/exports.hpp"

#include "cli.hpp"

#include <fmt/format.h>

namespace aovpn::cli {
namespace {

constexpr const char* kRenderUsage =
    "usage: aovpn render FILE [--escaped | --ps1 [--sid SID] | --intune] [--name NAME] [-o OUT]\n";

enum class Form { Xml, Escaped, Ps1, Intune };

bool pickForm(const Args& args, Form& form) {
    int chosen = 0;
    for (const std::string& f : args.flags) {
        if (f == "--escaped")
            form = Form::Escaped;
        else if (f == "--ps1")
            form = Form::Ps1;
        else if (f == "--intune")
            form = Form::Intune;
        else
            return false;
        ++chosen;
    }
    if (chosen > 1) return false;
    return form == Form::Ps1 || !args.value("--sid");
}

// The text to write, or nothing (after reporting) when the export refuses the profile.
std::optional<std::string> renderForm(Form form, const ExportInput& in, const Args& args,
                                      const std::string& path) {
    switch (form) {
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
    }
    return std::nullopt;
}

} // namespace

int runRender(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--sid", "--name", "-o"});
    Form form = Form::Xml;
    if (!args.error.empty() || args.positional.size() != 1 || !pickForm(args, form)) {
        return usageError(args, kRenderUsage);
    }
    const std::string& path = args.positional[0];
    auto loaded = loadProfile(path);
    if (!loaded) return kExitUsage;
    if (auto name = args.value("--name")) loaded->read.profile.profileName = *name;
    // Render anyway (the user may want to look), but say what is wrong and exit 1.
    const std::size_t errors = reportIssues(*loaded, validateProfile(loaded->read.profile), true) +
                               countReadFindings(loaded->read, Severity::Error);
    const auto text = renderForm(form, exportInputFor(loaded->read.profile), args, path);
    if (!text) return kExitInvalid;
    if (!writeOutput(args.value("-o").value_or(""), *text)) return kExitUsage;
    return errors > 0 ? kExitInvalid : kExitOk;
}

} // namespace aovpn::cli
