#pragma once
// The Azure portal's "Download VPN client" package (IKEv2/SSTP, certificate auth) turned into a
// complete user-tunnel profile: Generic/VpnSettings.xml gives the server, the protocol, the
// routes, the client address pool and custom DNS servers; Generic/VpnServerRoot.cer and any
// CaCerts/string give the roots that validate the gateway. Pure: the entries come in memory
// (platform/package_reader.hpp reads the zip or folder).
#include "model/gateway_info.hpp"
#include "model/net.hpp"
#include "model/profile.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn {

struct PackageEntry {
    std::string name;     // path inside the package, '/'-separated
    std::string data;     // the bytes, when hasData
    bool hasData = false; // only the entries azurePackageWants() names are read
};

// The entries whose bytes the import needs (by path, case-insensitive, at any folder depth).
bool azurePackageWants(std::string_view name);

// Why a name may not be used ("" when fine): empty, '..' as a component, an absolute path
// ("/x", "\\x", "C:x"), a NUL.
std::string unsafeEntryName(std::string_view name);
// The key names are compared by (case-insensitive, '\\' as '/'): two entries with one key are
// duplicates.
std::string entryKey(std::string_view name);

struct AzureImportOptions {
    std::optional<std::string> name;          // ProfileName (default: the VNet's, or "Azure VPN")
    std::optional<std::string> nrptNamespace; // with CustomDnsServers: an NRPT rule for it
};

struct AzureImport {
    Profile profile;
    GatewayInfo gateway;                // the VPN client address pool
    std::vector<std::string> customDns; // CustomDnsServers, offered for NRPT
    std::vector<std::string> summary;   // what was imported
    std::vector<std::string> todo;      // what the user still must do
};

ParseResult<AzureImport> importAzurePackage(const std::vector<PackageEntry>& entries,
                                            const AzureImportOptions& options = {});

// The Azure user tunnel every Azure profile starts from: IKEv2 split tunnel without the class
// route, the Azure preset, EAP-TLS user certificate; ui's Azure template adds its sample routes.
Profile azureUserTunnel(std::string server);

} // namespace aovpn
