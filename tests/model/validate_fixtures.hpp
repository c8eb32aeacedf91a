#pragma once
// Clean profiles for the validator tests: each rule's test applies ONE mutation to one of these
// and expects exactly that rule's finding.
#include "model/field_path.hpp"
#include "model/validate.hpp"

#include <doctest/doctest.h>

#include <string>

namespace aovpn::test {

inline constexpr const char* kRootHash = "3f07a1b2c3d4e5f60718293a4b5c6d7e8f901234";
inline constexpr const char* kIssuerHash =
    "27 ac 93 69 fa f2 52 07 bb 26 27 ce fa ce f9 58 6c 42 1a 4c";

inline Route route(std::string address, std::uint32_t prefix, bool exclusion = false) {
    Route r;
    r.address = std::move(address);
    r.prefixSize = prefix;
    r.metric = 1;
    if (exclusion) r.exclusionRoute = true;
    return r;
}

// Strong and inside Azure's default P2S policy, so a clean profile stays clean on any server.
inline CryptographySuite strongCrypto() {
    CryptographySuite c;
    c.authenticationTransformConstants = AuthTransform::GCMAES256;
    c.cipherTransformConstants = CipherTransform::GCMAES256;
    c.pfsGroup = PfsGroup::PFS2048;
    c.dhGroup = DhGroup::Group14;
    c.integrityCheckMethod = IntegrityCheck::SHA256;
    c.encryptionMethod = EncryptionMethod::AES256;
    return c;
}

inline EapConfig strictEapTls() {
    EapConfig eap;
    eap.kind = EapKind::Tls;
    eap.tls.simpleCertSelection = true;
    ServerValidation sv;
    sv.disableUserPromptForServerValidation = true;
    sv.serverNames = "nps.corp.example.net";
    sv.trustedRootCAs = {kRootHash};
    eap.tls.serverValidation = sv;
    eap.tls.performServerValidation = true;
    eap.tls.acceptServerName = true;
    CertFilter filter;
    filter.caHashList = CaHashList{true, {kIssuerHash}};
    eap.tls.certFilter = filter;
    return eap;
}

inline TrafficFilter rdpFilter() {
    TrafficFilter f;
    f.appId = "C:\\Windows\\System32\\mstsc.exe";
    f.protocol = 6;
    f.remotePortRanges = "3389";
    f.remoteAddressRanges = "172.16.0.0/24, 172.16.1.5";
    return f;
}

inline Profile userTunnel() {
    Profile p;
    p.profileName = "Contoso AOVPN";
    p.alwaysOn = true;
    p.dnsSuffix = "corp.example.net,example.local";
    p.trustedNetworkDetection = "corp.example.net";
    NativeProfile np;
    np.servers = {{"vpn.example.com", std::nullopt}};
    np.routingPolicyType = RoutingPolicy::SplitTunnel;
    np.nativeProtocolType = NativeProtocol::IKEv2;
    np.disableClassBasedDefaultRoute = true;
    np.cryptographySuite = strongCrypto();
    Authentication auth;
    auth.userMethod = UserMethod::Eap;
    auth.eap = strictEapTls();
    np.authentication = auth;
    p.nativeProfile = np;
    p.routes = {route("10.0.0.0", 8), route("172.16.0.0", 12), route("192.168.10.0", 24),
                route("203.0.113.83", 32, true)};
    DomainNameInformation nrpt;
    nrpt.domainName = ".corp.example.net";
    nrpt.dnsServers = "10.0.0.10,10.0.0.11";
    p.domainNameInformation = {nrpt};
    return p;
}

inline Profile deviceTunnel() {
    Profile p;
    p.profileName = "Contoso Device Tunnel";
    p.alwaysOn = true;
    p.deviceTunnel = true;
    p.trustedNetworkDetection = "corp.example.net";
    NativeProfile np;
    np.servers = {{"vpn.example.com", std::nullopt}};
    np.routingPolicyType = RoutingPolicy::SplitTunnel;
    np.nativeProtocolType = NativeProtocol::IKEv2;
    np.disableClassBasedDefaultRoute = true;
    np.cryptographySuite = strongCrypto();
    Authentication auth;
    auth.machineMethod = MachineMethod::Certificate;
    np.authentication = auth;
    p.nativeProfile = np;
    p.routes = {route("10.21.12.100", 32), route("10.21.12.101", 32)};
    return p;
}

inline std::string describe(const std::vector<Issue>& issues) {
    std::string out;
    for (const Issue& i : issues)
        out += std::string(severityName(i.severity)) + " " + i.rule + " @" + i.field + ": " +
               i.message + "\n";
    return out;
}

inline Severity catalogueSeverity(std::string_view rule) {
    for (const RuleInfo& r : validationRules())
        if (r.id == rule) return r.severity;
    FAIL("rule not in the catalogue: " << rule);
    return Severity::Error;
}

// Exactly one finding, of `rule`, with the catalogue's severity; returns it for further checks.
inline Issue expectOnly(const Profile& p, std::string_view rule) {
    const std::vector<Issue> issues = validateProfile(p);
    INFO(describe(issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].rule == rule);
    CHECK(issues[0].severity == catalogueSeverity(rule));
    CHECK_FALSE(issues[0].message.empty());
    CHECK_FALSE(issues[0].field.empty());
    // The path is one the description knows (FieldPath, model/field_path.hpp).
    const auto path = FieldPath::parse(issues[0].field);
    REQUIRE(path);
    CHECK(path->resolve().field != nullptr);
    return issues[0];
}

inline bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace aovpn::test
