// Check gateway on POSIX: one TLS handshake (OpenSSL over memory BIOs, so the TCP stream keeps
// the deadline and Cancel), then the server certificate judged against this machine's roots.
#include "../probe_os.hpp"
#include "offline/openssl_parse.hpp"

#include <fmt/format.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace aovpn::platform::probe {
namespace {

template <class T, void (*F)(T*)> struct Deleter {
    void operator()(T* p) const { F(p); }
};
using SslCtx = std::unique_ptr<SSL_CTX, Deleter<SSL_CTX, SSL_CTX_free>>;
using Ssl = std::unique_ptr<SSL, Deleter<SSL, SSL_free>>;
using Store = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;
using StoreCtx = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX, X509_STORE_CTX_free>>;

std::string sslError() {
    const unsigned long e = ERR_get_error();
    if (e == 0) return "the connection closed during the handshake";
    char buf[256] = {};
    ERR_error_string_n(e, buf, sizeof buf);
    return buf;
}

// Sends what OpenSSL wrote; false with `error` when the stream fails.
bool flush(SSL* ssl, TcpStream& tcp, std::chrono::steady_clock::time_point deadline,
           const std::stop_token& stop, std::string& error) {
    std::uint8_t buf[16384];
    BIO* w = SSL_get_wbio(ssl);
    while (BIO_ctrl_pending(w) > 0) {
        const int n = BIO_read(w, buf, sizeof buf);
        if (n > 0 && tcp.write({buf, static_cast<std::size_t>(n)}, deadline, stop, error) < 0)
            return false;
    }
    return true;
}

bool handshake(SSL* ssl, TcpStream& tcp, std::chrono::steady_clock::time_point deadline,
               const std::stop_token& stop, std::string& error) {
    for (;;) {
        const int r = SSL_do_handshake(ssl);
        if (!flush(ssl, tcp, deadline, stop, error)) return false;
        if (r == 1) return true;
        if (SSL_get_error(ssl, r) != SSL_ERROR_WANT_READ) {
            error = sslError();
            return false;
        }
        std::uint8_t buf[16384];
        const long n = tcp.read(buf, deadline, stop, error);
        if (n <= 0) {
            if (n == 0) error = "the server closed the connection during the handshake";
            return false;
        }
        BIO_write(SSL_get_rbio(ssl), buf, static_cast<int>(n));
    }
}

std::vector<std::string> dnsNames(X509* leaf) {
    std::vector<std::string> out;
    auto* sans =
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(leaf, NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; sans && i < sk_GENERAL_NAME_num(sans); ++i) {
        const GENERAL_NAME* g = sk_GENERAL_NAME_value(sans, i);
        if (g->type != GEN_DNS) continue;
        const ASN1_STRING* s = g->d.dNSName;
        out.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                         static_cast<std::size_t>(ASN1_STRING_length(s)));
    }
    GENERAL_NAMES_free(sans);
    return out;
}

// Chain to this machine's trusted roots (OpenSSL's default paths: SSL_CERT_FILE/SSL_CERT_DIR or
// the system bundle). Dates are judged on their own, so the time check is off here.
void judgeChain(X509* leaf, STACK_OF(X509) * chain, TlsObservation& t) {
    Store store(X509_STORE_new());
    StoreCtx ctx(X509_STORE_CTX_new());
    if (!store || !ctx || X509_STORE_set_default_paths(store.get()) != 1 ||
        X509_STORE_CTX_init(ctx.get(), store.get(), leaf, chain) != 1) {
        t.trustError = sslError();
        return;
    }
    X509_VERIFY_PARAM_set_flags(X509_STORE_CTX_get0_param(ctx.get()), X509_V_FLAG_NO_CHECK_TIME);
    t.trusted = X509_verify_cert(ctx.get()) == 1;
    if (!t.trusted)
        t.trustError = X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get()));
}

void describeLeaf(X509* leaf, const std::string& fqdn, TlsObservation& t) {
    const CertificateInfo info = offline::describeCertificate(leaf);
    t.subject = info.subject;
    t.issuer = info.issuer;
    t.notBefore = info.validFrom;
    t.notAfter = info.validTo;
    t.names = dnsNames(leaf);
    if (t.names.empty() && !info.commonName.empty()) t.names.push_back(info.commonName);
    t.nameMatches = X509_check_host(leaf, fqdn.c_str(), fqdn.size(), 0, nullptr) == 1 ||
                    X509_check_ip_asc(leaf, fqdn.c_str(), 0) == 1;
    // No EKU extension: any purpose (as Windows treats it).
    t.serverAuth = (X509_get_extension_flags(leaf) & EXFLAG_XKUSAGE) == 0 ||
                   (X509_get_extended_key_usage(leaf) & XKU_SSL_SERVER) != 0;
}

bool isIpLiteral(const std::string& host) {
    return host.find(':') != std::string::npos ||
           host.find_first_not_of("0123456789.") == std::string::npos;
}

} // namespace

TlsObservation observeTls(const Address& to, std::uint16_t port, const std::string& fqdn,
                          std::chrono::milliseconds timeout, const std::stop_token& stop) {
    TlsObservation t;
    t.address = to.text;
    t.port = port;
    t.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto tcp = connectTcp(to, port, deadline, stop, t.error);
    if (stop.stop_requested()) t.kind = TlsObservation::Kind::Cancelled;
    if (!tcp || stop.stop_requested()) {
        if (!stop.stop_requested()) t.kind = TlsObservation::Kind::NoConnection;
        return t;
    }
    SslCtx ctx(SSL_CTX_new(TLS_client_method()));
    Ssl ssl(ctx ? SSL_new(ctx.get()) : nullptr);
    if (!ssl) {
        t.error = sslError();
        return t; // CouldNotRun
    }
    SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
    SSL_set_bio(ssl.get(), BIO_new(BIO_s_mem()), BIO_new(BIO_s_mem()));
    if (!isIpLiteral(fqdn)) // SNI (the macro's C cast trips -Wold-style-cast)
        SSL_ctrl(ssl.get(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(fqdn.c_str()));
    SSL_set_connect_state(ssl.get());
    if (!handshake(ssl.get(), *tcp, deadline, stop, t.error)) {
        t.kind = stop.stop_requested() ? TlsObservation::Kind::Cancelled
                                       : TlsObservation::Kind::HandshakeFailed;
        return t;
    }
    t.kind = TlsObservation::Kind::Handshake;
    t.protocol = SSL_get_version(ssl.get());
    X509* leaf = SSL_get0_peer_certificate(ssl.get());
    if (!leaf) {
        t.kind = TlsObservation::Kind::HandshakeFailed;
        t.error = "the server sent no certificate";
        return t;
    }
    describeLeaf(leaf, fqdn, t);
    judgeChain(leaf, SSL_get_peer_cert_chain(ssl.get()), t);
    return t;
}

} // namespace aovpn::platform::probe
