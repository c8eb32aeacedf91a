// aovpn import-azure ZIP|DIR [--name NAME] [--nrpt NAMESPACE] [-o OUT]
#include "model/azure_package.hpp"
#include "model/profile_xml.hpp"
#include "model/utf8_path.hpp"
#include "model/validate.hpp"
#include "platform/package_reader.hpp"

#include "cli.hpp"

#include <fmt/format.h>

namespace aovpn::cli {
namespace {

constexpr const char* kUsage =
    "usage: aovpn import-azure ZIP|DIR [--name NAME] [--nrpt NAMESPACE] [-o OUT]\n";

void printSummary(const AzureImport& in) {
    for (const std::string& s : in.summary)
        fmt::print(stderr, "imported: {}\n", s);
    for (const std::string& t : in.todo)
        fmt::print(stderr, "to do: {}\n", t);
    // What the validator says with the package's client pool known (a route into the pool).
    for (const Issue& i : validateProfile(in.profile, in.gateway))
        fmt::print(stderr, "{}: {} [{}] {}\n", severityName(i.severity), i.field, i.rule,
                   i.message);
    if (!in.gateway.clientAddressPools.empty())
        fmt::print(stderr,
                   "note: validate with --client-pool {} to check routes against the "
                   "client pool\n",
                   formatClientPools(in.gateway.clientAddressPools));
}

} // namespace

int runImportAzure(int argc, char** argv) {
    const Args args = parseArgs(argc, argv, 2, {"--name", "--nrpt", "-o"});
    if (!args.error.empty() || args.positional.size() != 1 || !args.flags.empty())
        return usageError(args, kUsage);
    const std::string& source = args.positional.front();
    auto entries = platform::readPackage(pathFromUtf8(source), azurePackageWants);
    if (!entries) {
        fmt::print(stderr, "{}: error: {}\n", source, entries.error().describe());
        return kExitUsage;
    }
    const AzureImportOptions options{args.value("--name"), args.value("--nrpt")};
    const ParseResult<AzureImport> imported = importAzurePackage(entries.value(), options);
    if (!imported.ok) {
        fmt::print(stderr, "{}: error: {}\n", source, imported.error);
        return kExitUsage;
    }
    const std::string xml = writeProfileXml(imported.value.profile);
    if (!writeOutput(args.value("-o").value_or(""), xml)) return kExitUsage;
    printSummary(imported.value);
    return kExitOk;
}

} // namespace aovpn::cli
