// judgeDns / judgeSstp: name resolution and the SSTP server's TLS certificate.
#include "model/gateway_verdicts.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace aovpn {
namespace {

std::string day(std::chrono::sys_seconds t) {
    return fmt::format("{:%Y-%m-%d}", std::chrono::floor<std::chrono::days>(t));
}

std::string where(const TlsObservation& t) {
    return fmt::format("{} TCP {}", t.address, t.port);
}

CheckItem connection(const TlsObservation& t) {
    using K = TlsObservation::Kind;
    switch (t.kind) {
    case K::Cancelled:
        return {"sstp-tls", CheckStatus::Skipped, "Cancelled.", {}};
    case K::CouldNotRun:
        return {"sstp-tls",
                CheckStatus::CouldNotRun,
                fmt::format("The SSTP check could not run: {}", t.error),
                {}};
    case K::NoConnection:
        return {"sstp-tls", CheckStatus::Fail,
                fmt::format("No TCP connection to {}: {}", where(t), t.error),
                fmt::format("TCP {} is closed or blocked on the way: SSTP would fail (809 likely).",
                            t.port)};
    case K::HandshakeFailed:
        return {"sstp-tls", CheckStatus::Fail,
                fmt::format("The TLS handshake with {} failed: {}", where(t), t.error),
                "SSTP needs TLS 1.2 or later on that port; check the gateway's listener."};
    case K::Handshake:
        break;
    }
    return {"sstp-tls",
            CheckStatus::Pass,
            fmt::format("{} with {}: certificate \"{}\" issued by \"{}\".", t.protocol, where(t),
                        t.subject, t.issuer),
            {}};
}

} // namespace

CheckItem judgeDns(const DnsObservation& d) {
    if (d.literal)
        return {"dns", CheckStatus::Pass, fmt::format("{} is an IP address.", d.host), {}};
    if (!d.error.empty() || d.addresses.empty())
        return {"dns", CheckStatus::Fail,
                fmt::format("{} does not resolve: {}", d.host,
                            d.error.empty() ? "no addresses" : d.error),
                "Windows would fail with 868 (the server name did not resolve): check the name "
                "and the DNS servers this machine uses."};
    return {"dns",
            CheckStatus::Pass,
            fmt::format("{} resolves to {}.", d.host, fmt::join(d.addresses, ", ")),
            {}};
}

std::vector<CheckItem> judgeSstp(const std::string& fqdn, const TlsObservation& t) {
    std::vector<CheckItem> out{connection(t)};
    if (t.kind != TlsObservation::Kind::Handshake) return out;
    out.push_back(t.trusted
                      ? CheckItem{"sstp-chain",
                                  CheckStatus::Pass,
                                  "The certificate chains to a root this machine trusts.",
                                  {}}
                      : CheckItem{"sstp-chain", CheckStatus::Fail,
                                  fmt::format("The certificate's chain does not end in a root "
                                              "this machine trusts ({}): Windows fails with "
                                              "0x800B0109 (CERT_E_UNTRUSTEDROOT).",
                                              t.trustError),
                                  "Install the gateway's root in Trusted Root Certification "
                                  "Authorities, or give the gateway a publicly trusted "
                                  "certificate."});
    const std::string names =
        t.names.empty() ? "no DNS name" : fmt::format("{}", fmt::join(t.names, ", "));
    out.push_back(
        t.nameMatches
            ? CheckItem{"sstp-name",
                        CheckStatus::Pass,
                        fmt::format("The certificate is for {} (names on it: {}).", fqdn, names),
                        {}}
            : CheckItem{"sstp-name", CheckStatus::Fail,
                        fmt::format("The certificate is for {}, not {}: Windows fails "
                                    "with 0x800B010F (CERT_E_CN_NO_MATCH), 13801 for "
                                    "the tunnel.",
                                    names, fqdn),
                        "Use the name on the certificate in the profile's Servers, or "
                        "reissue the certificate with this name in its SAN."});
    if (t.now > t.notAfter)
        out.push_back({"sstp-expiry", CheckStatus::Fail,
                       fmt::format("The certificate expired on {}: Windows fails with 0x800B0101 "
                                   "(CERT_E_EXPIRED).",
                                   day(t.notAfter)),
                       "Renew the gateway's certificate."});
    else if (t.now < t.notBefore)
        out.push_back({"sstp-expiry",
                       CheckStatus::Fail,
                       fmt::format("The certificate is valid only from {} (check this machine's "
                                   "clock): Windows fails with 0x800B0101 (CERT_E_EXPIRED).",
                                   day(t.notBefore)),
                       {}});
    else
        out.push_back({"sstp-expiry",
                       CheckStatus::Pass,
                       fmt::format("Valid until {}.", day(t.notAfter)),
                       {}});
    out.push_back(t.serverAuth ? CheckItem{"sstp-eku",
                                           CheckStatus::Pass,
                                           "The certificate allows Server Authentication.",
                                           {}}
                               : CheckItem{"sstp-eku", CheckStatus::Fail,
                                           "The certificate's EKU has no Server Authentication "
                                           "(1.3.6.1.5.5.7.3.1): Windows fails with 0x800B0110 "
                                           "(CERT_E_WRONG_USAGE), 13801 for the tunnel.",
                                           "Reissue the certificate with the Server Authentication "
                                           "EKU."});
    return out;
}

} // namespace aovpn
