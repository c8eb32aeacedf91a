// aovpn normalize FILE [--fix] [--no-comments] [-o OUT]: the canonical ProfileXML (schema
// order, two-space indent, comments kept). --fix applies the structural repairs of
// model/fixes.hpp, then adds each route no traffic filter lets through to a filter
// (model/route_filters.hpp): the route says where the author wants traffic to go.
#include "model/fixes.hpp"
#include "model/route_filters.hpp"

#include "cli.hpp"

#include <fmt/format.h>

namespace aovpn::cli {

int runNormalize(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"-o"});
    bool flagsOk = true;
    for (const std::string& f : args.flags)
        flagsOk = flagsOk && (f == "--fix" || f == "--no-comments");
    if (!args.error.empty() || args.positional.size() != 1 || !flagsOk) {
        return usageError(args, "usage: aovpn normalize FILE [--fix] [--no-comments] [-o OUT]\n");
    }
    const std::string& path = args.positional[0];
    auto loaded = loadProfile(path);
    if (!loaded) return kExitUsage;
    if (args.has("--fix")) {
        for (const std::string& change : applyFixes(loaded->read.profile))
            report(path, 0, 0, "fixed", change);
        for (const std::string& change : addRoutesToFilters(loaded->read.profile))
            report(path, 0, 0, "fixed", change);
    }
    const WriteResult written =
        writeProfileXmlChecked(loaded->read.profile, {!args.has("--no-comments")});
    for (const XmlDiagnostic& d : written.warnings)
        reportXml(path, d, "warning");
    return writeOutput(args.value("-o").value_or(""), written.xml) ? kExitOk : kExitUsage;
}

} // namespace aovpn::cli
