#pragma once
// The platform layer's small interfaces: certificate store, profile store, connection tester and
// session. The ui layer and tests see only this header; implementations live in platform/win32
// (CryptoAPI, WMI, RAS) and platform/offline (Linux authoring mode).
//
// Threading: every call may block (WMI, RAS, disk). The UI runs them on a worker thread and posts
// the result back; nothing here touches UI state. Cancellation uses std::stop_token, so a
// std::jthread's request_stop() from the UI thread cancels a connect test.
#include "platform/accounts.hpp"
#include "platform/errors.hpp"
#include "platform/profiles.hpp"

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
    std::string rootCommonName; // the root's CN (display-safe), when the chain is complete
    std::vector<std::string> chainThumbprints;
    bool chainComplete = false; // the chain ends in a self-signed certificate
    bool selfSigned = false;
    std::string source; // "CurrentUser\\My" or the file it came from

    bool expiredAt(std::chrono::sys_seconds now) const { return now > validTo; }
    bool notYetValidAt(std::chrono::sys_seconds now) const { return now < validFrom; }
};

// Whose certificates a store lists, for the picker's caption.
struct StoreOwner {
    Account account;         // the user whose store it is (empty offline)
    std::string description; // "CurrentUser\My of CORP\alice", "the folder ~/.local/..."
};

class CertificateStore {
  public:
    virtual ~CertificateStore() = default;
    // Certificates in the TARGET user's personal store (the session user's CurrentUser\My,
    // also when the app runs elevated as another admin or as SYSTEM), with chain thumbprints.
    // Names are display-safe: control characters are shown as \xNN (see visibleText).
    virtual Result<std::vector<CertificateInfo>> listPersonal() = 0;
    virtual StoreOwner storeOwner() = 0;
    // A single certificate file, DER (.cer) or PEM (e.g. the server's root CA).
    virtual Result<CertificateInfo> readCertificateFile(const std::filesystem::path& file) = 0;
};

// ---------------------------------------------------------------------------------------------
// Session: who is running, who is signed in to this session, and whom a profile is written for.

struct SessionInfo {
    Account process;                    // the account this process runs as
    std::optional<Account> sessionUser; // the user of the session this process runs in (console,
                                        // RDP or Hyper-V enhanced session); none in session 0
    bool elevated = false;              // the token is elevated (admin rights in effect)
    bool runningAsSystem = false;       // LocalSystem (S-1-5-18)
    std::string sessionNote;            // why sessionUser is empty, when it is
    std::uint32_t sessionId = 0;        // ProcessIdToSessionId of this process
};

// The account a user tunnel is written for: the user of this process's session (not the
// physical console, and not the elevated admin running the app). Device tunnels: the machine.
// SYSTEM with nobody in its session gives a target without a SID, which every profile operation
// refuses (a profile is never written for S-1-5-18).
ProfileTarget chooseTarget(const SessionInfo& session, TunnelKind kind);

// How a profile operation for `target` reaches Windows from this session.
enum class ProfileRoute {
    Local,          // this process may do it itself (its own profile elevated, or SYSTEM)
    Broker,         // elevated, but another user's profile or a device tunnel: the SYSTEM broker
    NeedsElevation, // not elevated: "Restart as administrator" first
    NoUser,         // a user tunnel with nobody to write it for: a hard stop
};
struct RouteDecision {
    ProfileRoute route = ProfileRoute::Local;
    std::string why; // a sentence for the log / status line
};
RouteDecision routeFor(const SessionInfo& session, const ProfileTarget& target);

// An explained error when the target cannot be served from this session (NeedsElevation,
// NoUser); empty when the profile will land in the right account (Local or Broker).
std::optional<Error> wrongAccountWarning(const SessionInfo& session, const ProfileTarget& target);

class Session {
  public:
    virtual ~Session() = default;
    virtual Result<SessionInfo> query() = 0;
    // "DOMAIN\\name", "name" or "S-1-5-21-..." to an account with both name and SID (CLI --user).
    virtual Result<Account> resolveAccount(std::string_view nameOrSid) = 0;
    // Starts this exe again elevated (UAC "runas") with fixed arguments only. The open document
    // travels as a temp file this call creates; its path is the only variable argument.
    virtual Status relaunchElevated(std::string_view documentXml) = 0;
};

// Arguments of an elevated relaunch: "--handoff <temp>/aovpn-handoff-<id>/document.xml". Returns
// the file when args hold a path of exactly that shape (the folder the relaunch created), else
// nothing.
inline constexpr std::string_view kHandoffFlag = "--handoff";
inline constexpr std::string_view kHandoffPrefix = "aovpn-handoff-";
inline constexpr std::string_view kHandoffLeaf = "document.xml";
std::optional<std::filesystem::path> handoffFileFromArgs(const std::vector<std::string>& args);
// Reads the handed-over document and removes it and its folder: only a regular file (no link) in
// a real folder (no junction), both owned by this session's user or this process's account, of
// at most kMaxDocumentBytes. Anything else is refused and left alone.
inline constexpr std::uintmax_t kMaxDocumentBytes = 64u * 1024 * 1024;
Result<std::string> takeHandoffDocument(const std::filesystem::path& file);
// The refusal both OS implementations give, with the reason.
Error handoffRefused(std::string why);

// A name as it may be shown: control characters (C0, DEL, C1) and invalid UTF-8 bytes become
// \xNN, so a CN "alice\0evil" shows as "alice\x00evil", never as "alice".
std::string visibleText(std::string_view text);

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
    bool alreadyConnected = false; // it was up before the test: not dialled again
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

struct AutoTriggerStatus {
    std::string ownerSid;            // RasMan\Config UserSID (S-1-1-0: all users)
    std::string ownerAccount;        // its name, when it resolves
    std::string entryName;           // AutoTriggerProfileEntryName
    std::string phonebook;           // AutoTriggerProfilePhonebookPath
    bool disabledForProfile = false; // the name is in AutoTriggerDisabledProfilesList
    std::vector<std::string> disabledList;
};

struct PhonebookCheck {
    std::string path;
    bool exists = false;
    bool corrupted = false;
    std::uintmax_t bytes = 0;
    std::size_t entries = 0;
    std::string summary; // one sentence
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

    // Who owns the auto-trigger (RasMan\Config: on a shared PC the last provisioned user) and
    // whether "Connect automatically" was switched off for this profile.
    virtual Result<AutoTriggerStatus> autoTriggerStatus(std::string_view profileName) = 0;
    // "Repair auto-connect", as Hicks's Clear-AutoTriggerDisabledProfile: the name out of
    // AutoTriggerDisabledProfilesList, UserSID / AutoTriggerProfileEntryName / ...GUID /
    // ...PhonebookPath rewritten for the target, then RasMan restarted. Ask the user first.
    // Returns what was done, one line each.
    virtual Result<std::vector<std::string>> repairAutoTrigger(const ProfileTarget& target,
                                                               std::string_view profileName) = 0;
    // DPC's rule: the target's _hiddenPbk\rasphone.pbk is corrupted when it is not empty and
    // holds no entry RAS can parse (the profile then vanishes for that user).
    virtual Result<PhonebookCheck> checkHiddenPhonebook(const ProfileTarget& target) = 0;
    // Renames it to rasphone.pbk.corrupt-<time> beside itself (a backup, never deleted); returns
    // the backup's path.
    virtual Result<std::string> moveHiddenPhonebookAside(const ProfileTarget& target) = 0;
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
    virtual ProfileService& profiles() = 0;
    virtual ConnectionTester& connections() = 0;
    virtual Session& session() = 0;
};

// The Win32 implementation on Windows, the offline one elsewhere.
std::unique_ptr<Platform> makeSystemPlatform(const PlatformOptions& options = {});

} // namespace aovpn::platform
