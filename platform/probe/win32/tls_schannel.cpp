// Check gateway on Windows: one TLS handshake through Schannel (manual validation), then the
// server certificate judged the way Windows judges an SSTP server: CertGetCertificateChain and
// the SSL chain policy (trust, name), its dates and its EKU.
#include "../probe_os.hpp"
#include "win32/cert_fields_win32.hpp"

#define SECURITY_WIN32
#include <fmt/format.h>

#include <cstddef>
#include <schannel.h>
#include <security.h>
#include <sspi.h>

namespace aovpn::platform::probe {
namespace {

using Clock = std::chrono::steady_clock;

// SSL_EXTRA_CERT_CHAIN_POLICY_PARA::fdwChecks (wininet.h's SECURITY_FLAG_* values).
constexpr DWORD kIgnoreUnknownCa = 0x00000100;
constexpr DWORD kIgnoreUsage = 0x00000200;
constexpr DWORD kIgnoreName = 0x00001000;
constexpr DWORD kIgnoreDate = 0x00002000;

struct Credentials {
    CredHandle h{};
    bool valid = false;
    ~Credentials() {
        if (valid) FreeCredentialsHandle(&h);
    }
};
struct Context {
    CtxtHandle h{};
    bool valid = false;
    ~Context() {
        if (valid) DeleteSecurityContext(&h);
    }
};

std::string secError(std::string_view what, SECURITY_STATUS s) {
    return fmt::format("{} (0x{:08X}: {})", what, static_cast<std::uint32_t>(s),
                       win::systemMessage(static_cast<DWORD>(s)));
}

bool sendToken(SecBuffer& out, TcpStream& tcp, Clock::time_point deadline,
               const std::stop_token& stop, std::string& error) {
    if (!out.pvBuffer || out.cbBuffer == 0) return true;
    const bool sent = tcp.write({static_cast<const std::uint8_t*>(out.pvBuffer), out.cbBuffer},
                                deadline, stop, error) >= 0;
    FreeContextBuffer(out.pvBuffer);
    out.pvBuffer = nullptr;
    return sent;
}

constexpr DWORD kFlags = ISC_REQ_SEQUENCE_DETECT | ISC_REQ_REPLAY_DETECT | ISC_REQ_CONFIDENTIALITY |
                         ISC_REQ_ALLOCATE_MEMORY | ISC_REQ_STREAM | ISC_REQ_MANUAL_CRED_VALIDATION;

// The client side of the handshake; true when Schannel says SEC_E_OK.
bool handshake(CredHandle& cred, Context& ctx, const std::wstring& target, TcpStream& tcp,
               Clock::time_point deadline, const std::stop_token& stop, std::string& error) {
    std::vector<std::uint8_t> in;
    bool first = true;
    for (;;) {
        SecBuffer inBufs[2] = {{static_cast<ULONG>(in.size()), SECBUFFER_TOKEN, in.data()},
                               {0, SECBUFFER_EMPTY, nullptr}};
        SecBufferDesc inDesc{SECBUFFER_VERSION, 2, inBufs};
        SecBuffer outBuf{0, SECBUFFER_TOKEN, nullptr};
        SecBufferDesc outDesc{SECBUFFER_VERSION, 1, &outBuf};
        ULONG attrs = 0;
        const SECURITY_STATUS s = InitializeSecurityContextW(
            &cred, first ? nullptr : &ctx.h, const_cast<wchar_t*>(target.c_str()), kFlags, 0, 0,
            first ? nullptr : &inDesc, 0, &ctx.h, &outDesc, &attrs, nullptr);
        if (first) ctx.valid = true;
        first = false;
        if (s == SEC_E_OK || s == SEC_I_CONTINUE_NEEDED) {
            if (!sendToken(outBuf, tcp, deadline, stop, error)) return false;
            if (s == SEC_E_OK) return true;
            // Bytes of the next message already read stay for the next round.
            if (inBufs[1].BufferType == SECBUFFER_EXTRA)
                in.erase(in.begin(), in.end() - static_cast<std::ptrdiff_t>(inBufs[1].cbBuffer));
            else
                in.clear();
        } else if (s == SEC_I_INCOMPLETE_CREDENTIALS) {
            continue; // the server asks for a client certificate: go on without one
        } else if (s != SEC_E_INCOMPLETE_MESSAGE) {
            error = secError("Schannel refused the handshake", s);
            return false;
        }
        if (s == SEC_E_INCOMPLETE_MESSAGE || in.empty()) {
            std::uint8_t buf[16384];
            const long n = tcp.read(buf, deadline, stop, error);
            if (n <= 0) {
                if (n == 0) error = "the server closed the connection during the handshake";
                return false;
            }
            in.insert(in.end(), buf, buf + n);
        }
    }
}

// The SSL chain policy with some checks switched off: 0 when the rest pass, else the error.
DWORD sslPolicy(PCCERT_CHAIN_CONTEXT chain, const std::wstring& name, DWORD ignore) {
    SSL_EXTRA_CERT_CHAIN_POLICY_PARA extra{};
    extra.cbSize = sizeof extra;
    extra.dwAuthType = AUTHTYPE_SERVER;
    extra.fdwChecks = ignore;
    extra.pwszServerName = const_cast<wchar_t*>(name.c_str());
    CERT_CHAIN_POLICY_PARA para{};
    para.cbSize = sizeof para;
    para.pvExtraPolicyPara = &extra;
    CERT_CHAIN_POLICY_STATUS status{};
    status.cbSize = sizeof status;
    if (!CertVerifyCertificateChainPolicy(CERT_CHAIN_POLICY_SSL, chain, &para, &status))
        return GetLastError();
    return status.dwError;
}

std::vector<std::string> dnsNames(PCCERT_CONTEXT c) {
    std::vector<std::string> out;
    const CERT_EXTENSION* ext = CertFindExtension(szOID_SUBJECT_ALT_NAME2, c->pCertInfo->cExtension,
                                                  c->pCertInfo->rgExtension);
    CERT_ALT_NAME_INFO* info = nullptr;
    DWORD size = 0;
    if (!ext ||
        !CryptDecodeObjectEx(X509_ASN_ENCODING, X509_ALTERNATE_NAME, ext->Value.pbData,
                             ext->Value.cbData, CRYPT_DECODE_ALLOC_FLAG, nullptr, &info, &size))
        return out;
    for (DWORD i = 0; i < info->cAltEntry; ++i)
        if (info->rgAltEntry[i].dwAltNameChoice == CERT_ALT_NAME_DNS_NAME)
            out.push_back(win::narrow(info->rgAltEntry[i].pwszDNSName));
    LocalFree(info);
    return out;
}

void judgeCertificate(PCCERT_CONTEXT cert, const std::string& fqdn, TlsObservation& t) {
    const CertificateInfo info =
        win::describeCertificate(cert, cert->hCertStore, false); // no key: the server's
    t.subject = info.subject;
    t.issuer = info.issuer;
    t.notBefore = info.validFrom;
    t.notAfter = info.validTo;
    t.names = dnsNames(cert);
    if (t.names.empty() && !info.commonName.empty()) t.names.push_back(info.commonName);
    // No EKU extension: any purpose (as the chain engine treats it).
    const auto& ekus = info.ekuOids;
    t.serverAuth = !info.hasEkuExtension ||
                   std::find(ekus.begin(), ekus.end(), "1.3.6.1.5.5.7.3.1") != ekus.end();
    CERT_CHAIN_PARA para{};
    para.cbSize = sizeof para;
    // A chain engine of its own reads the trusted roots as they are now (the default engine
    // keeps what it saw first; Wine's visibly so).
    CERT_CHAIN_ENGINE_CONFIG config{};
    // The Windows 7 layout (no exclusive-root fields): every Windows, and Wine, takes it.
    config.cbSize = offsetof(CERT_CHAIN_ENGINE_CONFIG, hExclusiveRoot);
    HCERTCHAINENGINE engine = nullptr;
    PCCERT_CHAIN_CONTEXT chain = nullptr;
    const bool built =
        CertCreateCertificateChainEngine(&config, &engine) &&
        CertGetCertificateChain(engine, cert, nullptr, cert->hCertStore, &para, 0, nullptr, &chain);
    if (!built) {
        t.kind = TlsObservation::Kind::CouldNotRun;
        t.error = fmt::format("the certificate chain could not be built: {}",
                              win::systemMessage(GetLastError()));
        if (engine) CertFreeCertificateChainEngine(engine);
        return;
    }
    const std::wstring name = win::widen(fqdn);
    const DWORD trust = sslPolicy(chain, name, kIgnoreDate | kIgnoreUsage | kIgnoreName);
    const DWORD status = chain->TrustStatus.dwErrorStatus;
    t.trusted =
        trust == 0 && (status & (CERT_TRUST_IS_UNTRUSTED_ROOT | CERT_TRUST_IS_PARTIAL_CHAIN)) == 0;
    if (!t.trusted)
        t.trustError = trust ? fmt::format("0x{:08X}: {}", trust, win::systemMessage(trust))
                             : fmt::format("chain status 0x{:08X}", status);
    const DWORD named = sslPolicy(chain, name, kIgnoreDate | kIgnoreUsage | kIgnoreUnknownCa);
    t.nameMatches = named != static_cast<DWORD>(CERT_E_CN_NO_MATCH);
    CertFreeCertificateChain(chain);
    CertFreeCertificateChainEngine(engine);
}

std::string protocolName(DWORD p) {
    if (p & SP_PROT_TLS1_2_CLIENT) return "TLSv1.2";
#ifdef SP_PROT_TLS1_3_CLIENT
    if (p & SP_PROT_TLS1_3_CLIENT) return "TLSv1.3";
#endif
    if (p & SP_PROT_TLS1_1_CLIENT) return "TLSv1.1";
    if (p & SP_PROT_TLS1_0_CLIENT) return "TLSv1.0";
    return fmt::format("protocol 0x{:X}", p);
}

} // namespace

TlsObservation observeTls(const Address& to, std::uint16_t port, const std::string& fqdn,
                          std::chrono::milliseconds timeout, const std::stop_token& stop) {
    TlsObservation t;
    t.address = to.text;
    t.port = port;
    t.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto deadline = Clock::now() + timeout;
    auto tcp = connectTcp(to, port, deadline, stop, t.error);
    if (!tcp || stop.stop_requested()) {
        t.kind = stop.stop_requested() ? TlsObservation::Kind::Cancelled
                                       : TlsObservation::Kind::NoConnection;
        return t;
    }
    SCHANNEL_CRED cred{};
    cred.dwVersion = SCHANNEL_CRED_VERSION;
    cred.dwFlags = SCH_CRED_MANUAL_CRED_VALIDATION | SCH_CRED_NO_DEFAULT_CREDS;
    Credentials creds;
    const SECURITY_STATUS s =
        AcquireCredentialsHandleW(nullptr, const_cast<wchar_t*>(UNISP_NAME_W), SECPKG_CRED_OUTBOUND,
                                  nullptr, &cred, nullptr, nullptr, &creds.h, nullptr);
    if (s != SEC_E_OK) {
        t.error = secError("Schannel gave no client credentials", s);
        return t; // CouldNotRun
    }
    creds.valid = true;
    Context ctx;
    if (!handshake(creds.h, ctx, win::widen(fqdn), *tcp, deadline, stop, t.error)) {
        t.kind = stop.stop_requested() ? TlsObservation::Kind::Cancelled
                                       : TlsObservation::Kind::HandshakeFailed;
        return t;
    }
    t.kind = TlsObservation::Kind::Handshake;
    SecPkgContext_ConnectionInfo conn{};
    if (QueryContextAttributesW(&ctx.h, SECPKG_ATTR_CONNECTION_INFO, &conn) == SEC_E_OK)
        t.protocol = protocolName(conn.dwProtocol);
    PCCERT_CONTEXT cert = nullptr;
    if (QueryContextAttributesW(&ctx.h, SECPKG_ATTR_REMOTE_CERT_CONTEXT, &cert) != SEC_E_OK ||
        !cert) {
        t.kind = TlsObservation::Kind::HandshakeFailed;
        t.error = "the server sent no certificate";
        return t;
    }
    judgeCertificate(cert, fqdn, t);
    CertFreeCertificateContext(cert);
    return t;
}

} // namespace aovpn::platform::probe
