#pragma once
// A sample Azure "Download VPN client" package for the import tests: the package's layout with a
// VpnSettings.xml of the shape Azure writes and two test roots (made for these tests with
// openssl; thumbprints from `openssl x509 -fingerprint -sha1`).
#include <string>
#include <string_view>

namespace aovpn::test {

// base64 DER of "CN=AOVPN Test Azure Root" (the VpnServerRoot.cer) and "...Root 2" (CaCerts).
inline constexpr std::string_view kRootB64 =
    "MIIBlDCCATugAwIBAgIUR78Z8gYF+rVsX9PlI9lwYR7dy5AwCgYIKoZIzj0EAwIwIDEeMBwGA1UE"
    "AwwVQU9WUE4gVGVzdCBBenVyZSBSb290MB4XDTI2MTIwMTE5MzA0MloXDTM2MTEyODE5MzA0Mlow"
    "IDEeMBwGA1UEAwwVQU9WUE4gVGVzdCBBenVyZSBSb290MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcD"
    "QgAESF8hxgpESQ3hSY4HOZz/7toECs554vpVo2rUdgnTwrKoU8QYxgX2sB6E/8B/jJC/zy50PIIQ"
    "6fWj/wf6V1eClaNTMFEwHQYDVR0OBBYEFMSAIBPSwSKhKk9xISTnrhe1TYPvMB8GA1UdIwQYMBaA"
    "FMSAIBPSwSKhKk9xISTnrhe1TYPvMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIg"
    "cKCrRrPPbtVUX4TKZgWw0w4AZf0GYL6hN9FiRXxzbb0CIH1E5UJmtl8V67hmWkNtZOJCwiR27qI8"
    "RZoolEC/xAKp";
inline constexpr std::string_view kRoot2B64 =
    "MIIBmTCCAT+gAwIBAgIUDGk4AhCWoL66nNI/TJKRLMwojrYwCgYIKoZIzj0EAwIwIjEgMB4GA1UE"
    "AwwXQU9WUE4gVGVzdCBBenVyZSBSb290IDIwHhcNMjYxMjAxMTkzMDQzWhcNMzYxMTI4MTkzMDQz"
    "WjAiMSAwHgYDVQQDDBdBT1ZQTiBUZXN0IEF6dXJlIFJvb3QgMjBZMBMGByqGSM49AgEGCCqGSM49"
    "AwEHA0IABNDjq8/r2kQdFY26g8BGYp96ZZ89g+O/9GlFMDc8p/A3LWfQaRD9Q+Woo4YLFyc9Ap0O"
    "z3GCOobvYmehmVGKmDCjUzBRMB0GA1UdDgQWBBTtZOoRrv2CVZeyOvXkP1xagawVqjAfBgNVHSME"
    "GDAWgBTtZOoRrv2CVZeyOvXkP1xagawVqjAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gA"
    "MEUCIBQuA9QynStrQ6ckFTLxAMcvFGougyTBAPacvv3fjvnpAiEAtKO5MNdCYHCLnUiDCbyU3/4p"
    "BhACKJJimScw+KHJS70=";
inline constexpr std::string_view kRootThumb = "227CD991CC7914A423BC66E1577795D4BF0C1A2B";
inline constexpr std::string_view kRoot2Thumb = "3FA6AE406A292C773F8939658FAEFA5FF151D82F";

// The DER bytes of a base64 text (the samples above).
inline std::string derOf(std::string_view b64) {
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned acc = 0;
    int bits = 0;
    for (char c : b64) {
        if (c == '=') break;
        acc = acc << 6 | static_cast<unsigned>(kAlphabet.find(c));
        if ((bits += 6) >= 8) out += static_cast<char>((acc >> (bits -= 8)) & 0xff);
    }
    return out;
}

inline std::string vpnSettings(std::string_view vpnType = "IkeV2") {
    return std::string(R"(<?xml version="1.0"?>
<VpnProfile xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <VpnServer>azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.com</VpnServer>
  <VpnType>)") +
           std::string(vpnType) + R"(</VpnType>
  <Routes>10.1.0.0/16,10.2.0.0/24, 192.168.3.4/32</Routes>
  <VpnClientAddressPool>172.16.201.0/24</VpnClientAddressPool>
  <ServerCertRootCn>AOVPN Test Azure Root</ServerCertRootCn>
  <ServerCertIssuerCn>AOVPN Test Azure Root</ServerCertIssuerCn>
  <CaCerts>
    <string>)" +
           std::string(kRoot2B64) + R"(</string>
  </CaCerts>
  <CustomDnsServers>
    <string>10.1.0.4</string>
    <string>10.1.0.5</string>
  </CustomDnsServers>
  <VnetName>ContosoHub</VnetName>
</VpnProfile>
)";
}

} // namespace aovpn::test
