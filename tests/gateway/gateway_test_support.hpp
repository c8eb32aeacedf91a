#pragma once
// Helpers of the Check gateway tests: the services' ports from the environment (set by
// tests/gateway/services.sh), profiles built from the presets, and the report's items.
#include "model/crypto_presets.hpp"
#include "platform/gateway_check.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

namespace aovpn::test {

inline std::string env(const char* name) {
    const char* v = std::getenv(name);
    REQUIRE_MESSAGE(v != nullptr, name << " is not set: run through tests/gateway/services.sh");
    return v;
}

inline std::uint16_t port(const char* name) {
    return static_cast<std::uint16_t>(std::stoi(env(name)));
}

inline std::filesystem::path certFile(const char* name) {
#ifdef _WIN32
    std::string dir = env("AOVPN_GW_CA_WINDOWS"); // Z:\...\ca.pem
    dir.resize(dir.rfind('\\') + 1);
    return std::filesystem::path(dir + name);
#else
    return std::filesystem::path(env("AOVPN_GW_CERTS")) / name;
#endif
}

inline Profile ikeProfile(CryptoPreset preset) {
    Profile p;
    p.profileName = "Gateway test";
    NativeProfile np;
    np.servers = {{"azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.com",
                   std::nullopt}};
    np.nativeProtocolType = NativeProtocol::IKEv2;
    np.cryptographySuite = makeCryptoSuite(preset);
    p.nativeProfile = np;
    return p;
}

inline Profile sstpProfile() {
    Profile p;
    p.profileName = "SSTP test";
    NativeProfile np;
    np.servers = {{"sstp.aovpn.test", std::nullopt}};
    np.nativeProtocolType = NativeProtocol::SSTP;
    p.nativeProfile = np;
    return p;
}

inline platform::GatewayCheckOptions ikeAt(const char* address) {
    platform::GatewayCheckOptions o;
    o.server = address;
    o.ikePort = port("AOVPN_GW_IKE_PORT");
    o.timeout = std::chrono::milliseconds(3000);
    return o;
}

inline platform::GatewayCheckOptions sstpAt(const char* portVariable) {
    platform::GatewayCheckOptions o;
    o.server = "127.0.0.1";
    o.sstpPort = port(portVariable);
    o.timeout = std::chrono::milliseconds(3000);
    return o;
}

inline GatewayReport run(const Profile& p, const platform::GatewayCheckOptions& o) {
    REQUIRE(platform::checkGatewayInput(p, o).empty());
    GatewayReport r = platform::checkGateway(p, {}, o);
    INFO(renderReportText(r));
    REQUIRE(r.servers.size() == 1);
    return r;
}

// The one item with this id (fails the test when there is none).
inline CheckItem item(const GatewayReport& r, std::string_view check) {
    for (const ServerCheck& s : r.servers)
        for (const CheckItem& i : s.items)
            if (i.check == check) return i;
    FAIL("no item " << check << " in\n" << renderReportText(r));
    return {};
}

inline bool has(const std::string& text, std::string_view part) {
    const bool found = text.find(part) != std::string::npos;
    if (!found) MESSAGE("'" << part << "' not in: " << text);
    return found;
}

// The test root as a trusted root of this machine, and not: SSL_CERT_FILE on Linux (set by
// services.sh), the test prefix's CurrentUser\Root under Wine (gateway_test_win32.cpp).
void trustTestRoot();
void distrustTestRoot();

} // namespace aovpn::test
