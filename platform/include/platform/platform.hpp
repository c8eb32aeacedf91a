#pragma once
// The platform layer's small interfaces: certificate store, profile store, connection tester and
// session. The ui layer and tests see only this header; implementations live in platform/win32
// (CryptoAPI, WMI, RAS) and platform/offline (Linux authoring mode).
//
// Threading: every call may block (WMI, RAS, disk). The UI runs them on a worker thread and posts
// the result back; nothing here touches UI state. Cancellation uses std::stop_token, so a
// std::jthread's request_stop() from the UI thread cancels a connect test.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace aovpn::platform {

// ---------------------------------------------------------------------------------------------
// Errors: what was tried, the code, the system's own words, what it usually means, what to do.

enum class CodeKind { None, HResult, Win32, Ras, Errno, OpenSsl };

struct Error {
    std::string action; // "Create the VPN profile \"Contoso\" through WMI"
    CodeKind kind = CodeKind::None;
    std::uint32_t code = 0;    // HRESULT, Win32 error, RAS error, errno ...
    std::string systemMessage; // the OS's own words for the code, as given (may be empty)
    std::string meaning;       // what this usually means here
    std::string nextStep;      // what the helpdesk should do next

    std::string codeText() const; // "HRESULT 0x8004100E", "RAS error 809", "" for None
    std::string describe() const; // all of the above as a few lines for a log or a dialog
};

// The hint table (pure data, shared by every OS): what a code usually means and what to do.
struct Hint {
    std::string_view meaning;
    std::string_view nextStep;
};
std::optional<Hint> hintFor(CodeKind kind, std::uint32_t code);

// Builds an Error and fills meaning/nextStep from the hint table when the code is known.
Error makeError(std::string action, CodeKind kind, std::uint32_t code,
                std::string systemMessage = {});

// A success or an Error.
struct Status {
    std::optional<Error> error;
    bool ok() const { return !error.has_value(); }
    static Status success() { return {}; }
    static Status failure(Error e) { return Status{std::move(e)}; }
};

// A value or an Error.
template <class T> class Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    const Error& error() const { return std::get<1>(v_); }

  private:
    std::variant<T, Error> v_;
};

// ---------------------------------------------------------------------------------------------
// Certificates

inline constexpr std::string_view kClientAuthOid = "1.3.6.1.5.5.7.3.2";

struct CertificateInfo {
    std::string subject;          // full subject name, "CN=..., O=..."
    std::string commonName;       // CN
    std::string upn;              // UPN from the subject alternative name
    std::string email;            // e-mail (RFC 822) SAN, or the subject's E= attribute
    std::string issuer;           // full issuer name
    std::string issuerCommonName; // issuer CN
    std::string thumbprint;       // SHA-1 of the DER, hex upper case, no separators
    std::chrono::sys_seconds validFrom{};
    std::chrono::sys_seconds validTo{};
    bool hasPrivateKey = false;
    bool hasEkuExtension = false;     // no EKU extension = valid for any purpose
    std::vector<std::string> ekuOids; // as listed in the certificate
    bool clientAuth = false;          // EKU lists 1.3.6.1.5.5.7.3.2
    // Chain, leaf first. issuingCaThumbprint is what CAHashList/IssuerHash wants; rootThumbprint
    // is what TrustedRootCA wants. Empty when the issuer was not found.
    std::string issuingCaThumbprint;
    std::string rootThumbprint;
    std::vector<std::string> chainThumbprints;
    bool chainComplete = false; // the chain ends in a self-signed certificate
    bool selfSigned = false;
    std::string source; // "CurrentUser\\My" or the file it came from

    bool expiredAt(std::chrono::sys_seconds now) const { return now > validTo; }
    bool notYetValidAt(std::chrono::sys_seconds now) const { return now < validFrom; }
};

class CertificateStore {
  public:
    virtual ~CertificateStore() = default;
    // Certificates in the user's personal store (CurrentUser\My), with chain thumbprints.
    virtual Result<std::vector<CertificateInfo>> listPersonal() = 0;
    // A single certificate file, DER (.cer) or PEM (e.g. the server's root CA).
    virtual Result<CertificateInfo> readCertificateFile(const std::filesystem::path& file) = 0;
};

// ---------------------------------------------------------------------------------------------
// Session: who is running, who is at the console, and whom a profile is written for.

struct Account {
    std::string name; // DOMAIN\user
    std::string sid;  // S-1-5-21-...
    bool operator==(const Account&) const = default;
};

struct SessionInfo {
    Account process;                // the account this process runs as
    std::optional<Account> console; // the interactive console user, if any
    bool elevated = false;          // the token is elevated (admin rights in effect)
    bool runningAsSystem = false;   // LocalSystem (S-1-5-18)
    std::string consoleNote;        // why console is empty, when it is
};

enum class TunnelKind { User, Device };

// The account a profile is written for. User tunnels carry the user's SID; device tunnels are
// machine-wide (sid empty).
struct ProfileTarget {
    TunnelKind kind = TunnelKind::User;
    Account user;
};

// The account a user tunnel will be written for: the console user when running as SYSTEM (the
// only context that can write another user's profile), else the process user.
ProfileTarget chooseTarget(const SessionInfo& session, TunnelKind kind);

// The wrong-account trap: a plain warning when the profile would land in an account that is not
// the console user's (e.g. an elevated helpdesk admin running as themselves), or when a device
// tunnel is attempted without SYSTEM. Empty when all is well.
std::optional<Error> wrongAccountWarning(const SessionInfo& session, const ProfileTarget& target);

class Session {
  public:
    virtual ~Session() = default;
    virtual Result<SessionInfo> query() = 0;
    // Starts this exe again elevated (UAC "runas") with fixed arguments only. The open document
    // travels as a temp file this call creates; its path is the only variable argument.
    virtual Status relaunchElevated(std::string_view documentXml) = 0;
};

// Arguments of an elevated relaunch: "--handoff <temp file>". Returns the file when args hold one
// that this app created (name prefix checked), else nothing.
inline constexpr std::string_view kHandoffFlag = "--handoff";
inline constexpr std::string_view kHandoffPrefix = "aovpn-handoff-";
std::optional<std::filesystem::path> handoffFileFromArgs(const std::vector<std::string>& args);
// Reads the handed-over document and deletes the temp file.
Result<std::string> takeHandoffDocument(const std::filesystem::path& file);

// ---------------------------------------------------------------------------------------------
// Profiles

struct InstalledProfile {
    std::string name;       // decoded profile name
    std::string instanceId; // as stored (encodeInstanceId of name)
    std::string xml;        // the ProfileXML, unescaped
};

struct LeftoverReport {
    std::vector<std::string> removed; // one line per registry value/key removed
    std::vector<Error> failures;      // what could not be removed
};

// Primitive operations of a profile store. apply/replace/remove with their safety rules are the
// free functions below, shared by every implementation.
class ProfileStore {
  public:
    virtual ~ProfileStore() = default;
    virtual Result<std::vector<InstalledProfile>> list(const ProfileTarget& target) = 0;
    // Read one back; an empty optional when there is none of that name.
    virtual Result<std::optional<InstalledProfile>> find(const ProfileTarget& target,
                                                         std::string_view name) = 0;
    // Create a new profile; fails when one of that name exists.
    virtual Status create(const ProfileTarget& target, std::string_view name,
                          std::string_view xml) = 0;
    virtual Status remove(const ProfileTarget& target, std::string_view name) = 0;
    // Registry leftovers that break a later re-create (see DOMAIN.md). No-op offline.
    virtual LeftoverReport cleanLeftovers(const ProfileTarget& target, std::string_view name) = 0;
};

struct ApplyResult {
    bool ok = false;
    bool replaced = false;             // an old profile of that name existed and was deleted
    bool restoredPrevious = false;     // create failed and the old profile was re-created
    std::string previousXml;           // the old XML, kept whatever happened
    std::vector<std::string> steps;    // what was done, in order, for the log
    std::optional<Error> error;        // the failure that stopped the apply
    std::optional<Error> restoreError; // set when even re-creating the old profile failed
};
// Create, or replace: keep the old XML, delete, create; if create fails, re-create the old one.
ApplyResult applyProfile(ProfileStore& store, const ProfileTarget& target, std::string_view name,
                         std::string_view xml);

struct RemoveResult {
    bool ok = false;
    bool existed = false;
    LeftoverReport leftovers;
    std::optional<Error> error;
};
// Delete the profile (if present), then clean leftovers either way.
RemoveResult removeProfile(ProfileStore& store, const ProfileTarget& target, std::string_view name);

// ---------------------------------------------------------------------------------------------
// Connect test

// RAS connection state (RASCONNSTATE value) as words, e.g. 0x2000 -> "Connected".
std::string_view rasStateName(std::uint32_t state);

struct ConnectOptions {
    std::chrono::milliseconds timeout{std::chrono::seconds(60)};
    std::stop_token stop; // request_stop() from any thread cancels (hangs up) the attempt
    // Called from a worker/RAS thread with the state in words; must be thread-safe.
    std::function<void(std::string_view state)> onProgress;
};

struct ConnectResult {
    bool ok = false;
    bool cancelled = false;
    bool timedOut = false;
    std::uint32_t rasCode = 0;  // 0 on success
    std::string windowsMessage; // RasGetErrorStringW's text
    std::string hint;           // our meaning + next step for the code
    std::chrono::milliseconds duration{0};
    std::string assignedAddress;     // the VPN interface address when connected
    std::vector<std::string> states; // every progress state seen, in words
    std::optional<Error> error;      // the full error when !ok
};

struct ConnectionStatus {
    bool connected = false;
    std::string state; // in words
    std::uint32_t rasCode = 0;
};

class ConnectionTester {
  public:
    virtual ~ConnectionTester() = default;
    virtual bool available() const = 0;
    virtual std::string unavailableReason() const = 0;
    // Dials the phonebook entry the profile created. Blocks until connected, failed, timed out or
    // cancelled: call it from a worker thread.
    virtual ConnectResult connect(std::string_view profileName, const ConnectOptions& options) = 0;
    virtual Result<ConnectionStatus> status(std::string_view profileName) = 0;
    // Hangs up and waits (up to timeout) until the connection is really gone.
    virtual Status disconnect(std::string_view profileName, std::chrono::milliseconds timeout) = 0;
};

// ---------------------------------------------------------------------------------------------
// The whole platform

struct PlatformOptions {
    // Offline (Linux) mode only: where profiles and certificates live. Empty = XDG default
    // ($XDG_DATA_HOME/aovpn-studio/profiles and .../certificates).
    std::filesystem::path profilesDir;
    std::filesystem::path certificatesDir;
};

class Platform {
  public:
    virtual ~Platform() = default;
    virtual std::string_view name() const = 0; // "Windows" / "Linux authoring mode"
    virtual CertificateStore& certificates() = 0;
    virtual ProfileStore& profiles() = 0;
    virtual ConnectionTester& connections() = 0;
    virtual Session& session() = 0;
};

// The Win32 implementation on Windows, the offline one elsewhere.
std::unique_ptr<Platform> makeSystemPlatform(const PlatformOptions& options = {});

} // namespace aovpn::platform
