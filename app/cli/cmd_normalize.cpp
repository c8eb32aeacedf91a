// aovpn normalize FILE [-o OUT]: the canonical ProfileXML (schema order, two-space indent).
#include "cli.hpp"

#include <fmt/format.h>

namespace aovpn::cli {

int runNormalize(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"-o"});
    if (!args.error.empty() || args.positional.size() != 1 || !args.flags.empty()) {
        return usageError(args, "usage: aovpn normalize FILE [-o OUT]\n");
    }
    const std::string& path = args.positional[0];
    const auto loaded = loadProfile(path);
    if (!loaded) return kExitUsage;
    const WriteResult written = writeProfileXmlChecked(loaded->read.profile);
    for (const XmlDiagnostic& d : written.warnings)
        reportXml(path, d, "warning");
    return writeOutput(args.value("-o").value_or(""), written.xml) ? kExitOk : kExitUsage;
}

} // namespace aovpn::cli
