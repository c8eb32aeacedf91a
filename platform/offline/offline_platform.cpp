// Linux authoring mode: profiles and certificates are folders, there is no RAS and no UAC.
#include "folder_certificate_store.hpp"
#include "folder_profile_store.hpp"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace aovpn::platform {

namespace {
namespace fs = std::filesystem;

constexpr std::string_view kNoConnectTest =
    "Connect test is not available on this system (Linux authoring mode)";

fs::path dataHome() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x);
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local" / "share";
    return fs::current_path();
}

class OfflineConnectionTester final : public ConnectionTester {
  public:
    bool available() const override { return false; }
    std::string unavailableReason() const override { return std::string(kNoConnectTest); }
    ConnectResult connect(std::string_view name, const ConnectOptions&) override {
        ConnectResult r;
        r.error = unavailable("Connect to \"" + std::string(name) + "\"");
        r.hint = r.error->nextStep;
        return r;
    }
    Result<ConnectionStatus> status(std::string_view) override {
        return ConnectionStatus{false, "Not connected (no connections in Linux authoring mode)", 0};
    }
    Status disconnect(std::string_view, std::chrono::milliseconds) override {
        return Status::success(); // nothing is ever connected here
    }
    Result<AutoTriggerStatus> autoTriggerStatus(std::string_view name) override {
        return unavailable("Read the auto-connect state of \"" + std::string(name) + "\"");
    }
    Result<std::vector<std::string>> repairAutoTrigger(const ProfileTarget&,
                                                       std::string_view name) override {
        return unavailable("Repair auto-connect for \"" + std::string(name) + "\"");
    }
    Result<PhonebookCheck> checkHiddenPhonebook(const ProfileTarget&) override {
        return unavailable("Check the hidden phonebook");
    }
    Result<std::string> moveHiddenPhonebookAside(const ProfileTarget&) override {
        return unavailable("Move the hidden phonebook aside");
    }

  private:
    static Error unavailable(std::string action) {
        Error e;
        e.action = std::move(action);
        e.meaning = std::string(kNoConnectTest) + ".";
        e.nextStep = "Copy the profile to a Windows machine (or export it) and test there.";
        return e;
    }
};

class OfflineSession final : public Session {
  public:
    Result<SessionInfo> query() override {
        SessionInfo s;
        const uid_t uid = ::geteuid();
        const passwd* pw = ::getpwuid(uid);
        s.process.name = pw ? pw->pw_name : std::to_string(uid);
        s.process.sid = "S-1-22-1-" + std::to_string(uid); // Samba's SID form for a Unix uid
        s.sessionUser = s.process; // authoring happens at this machine, for its own user
        s.elevated = uid == 0;
        s.sessionNote = "Linux authoring mode: profiles are written to a folder for you.";
        return s;
    }
    // Offline accounts are Unix users: "name", "DOMAIN\\name" (domain ignored) or S-1-22-1-<uid>.
    Result<Account> resolveAccount(std::string_view nameOrSid) override {
        const std::string text(nameOrSid);
        const passwd* pw = nullptr;
        if (text.rfind("S-1-22-1-", 0) == 0) {
            char* end = nullptr;
            const unsigned long uid = std::strtoul(text.c_str() + 9, &end, 10);
            if (end && *end == '\0' && end != text.c_str() + 9)
                pw = ::getpwuid(static_cast<uid_t>(uid));
        } else {
            const auto slash = text.rfind('\\');
            pw = ::getpwnam(text.substr(slash == std::string::npos ? 0 : slash + 1).c_str());
        }
        if (!pw) {
            Error e = makeError("Find the account " + text, CodeKind::None, 0);
            e.meaning = "There is no such user on this system.";
            e.nextStep = "Give a user name or a SID of the form S-1-22-1-<uid>.";
            return e;
        }
        return Account{pw->pw_name, "S-1-22-1-" + std::to_string(pw->pw_uid)};
    }
    Status relaunchElevated(std::string_view) override {
        Error e;
        e.action = "Relaunch elevated";
        e.meaning = "There is no elevation in Linux authoring mode, and none is needed.";
        return Status::failure(e);
    }
};

fs::path profilesDirFor(const PlatformOptions& o) {
    return o.profilesDir.empty() ? dataHome() / "aovpn-studio" / "profiles" : o.profilesDir;
}

// The copies of applied profiles and the replace journals sit in a folder inside the profiles
// folder ("." + a folder: never listed as a profile).
class OfflinePlatform final : public Platform {
  public:
    explicit OfflinePlatform(const PlatformOptions& o)
        : certs_(o.certificatesDir.empty() ? dataHome() / "aovpn-studio" / "certificates"
                                           : o.certificatesDir),
          store_(profilesDirFor(o)),
          copies_(makeFolderAppliedCopies(profilesDirFor(o) / ".applied")),
          service_(store_, *copies_) {}
    std::string_view name() const override { return "Linux authoring mode"; }
    CertificateStore& certificates() override { return certs_; }
    ProfileService& profiles() override { return service_; }
    ConnectionTester& connections() override { return tester_; }
    Session& session() override { return session_; }
    AppliedCopies& appliedCopies() override { return *copies_; }

  private:
    offline::FolderCertificateStore certs_;
    offline::FolderProfileStore store_;
    std::unique_ptr<AppliedCopies> copies_;
    LocalProfileService service_;
    OfflineConnectionTester tester_;
    OfflineSession session_;
};
} // namespace

std::unique_ptr<Platform> makeSystemPlatform(const PlatformOptions& options) {
    return std::make_unique<OfflinePlatform>(options);
}

} // namespace aovpn::platform
