#include "model/profile.hpp"

namespace aovpn {

std::vector<VpnServer> parseServers(std::string_view text) {
    std::vector<VpnServer> out;
    if (text.empty()) return out;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string_view part = text.substr(
            start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        VpnServer server;
        const std::size_t semi = part.find(';');
        server.fqdn = std::string(part.substr(0, semi));
        if (semi != std::string_view::npos)
            server.friendlyName = std::string(part.substr(semi + 1));
        out.push_back(std::move(server));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

std::string formatServers(const std::vector<VpnServer>& servers) {
    std::string out;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        if (i) out += ',';
        out += servers[i].fqdn;
        if (servers[i].friendlyName) out += ';' + *servers[i].friendlyName;
    }
    return out;
}

} // namespace aovpn
