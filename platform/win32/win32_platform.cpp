// The Windows platform: CryptoAPI certificates, the MDM bridge through WMI (here or through the
// SYSTEM broker), RAS, the session.
#include "broker_win32.hpp"
#include "cert_store_win32.hpp"
#include "profile_guard.hpp"
#include "protected_copies.hpp"
#include "protected_folder.hpp"
#include "ras_connect.hpp"
#include "seams.hpp"
#include "session_win32.hpp"
#include "wmi_profile_store.hpp"

namespace aovpn::platform {

namespace {
SessionInfo sessionOrEmpty(win::Win32Session& s) {
    auto info = s.query();
    return info ? info.value() : SessionInfo{};
}

class Win32Platform final : public Platform {
  public:
    Win32Platform()
        : info_(sessionOrEmpty(session_)), bridge_(win::makeComWmiBridge()),
          ras_(win::makeRealRasApi()), store_(*bridge_, info_.runningAsSystem),
          guard_(*ras_, info_.process),
          copies_(win::makeProtectedAppliedCopies(win::programDataFolder() / L"Applied")),
          local_(store_, *copies_, &guard_), runner_(win::makeScmServiceRunner()),
          broker_(*runner_, win::defaultBrokerOptions()), service_(info_, local_, broker_),
          tester_(*ras_, info_.process) {}
    std::string_view name() const override { return "Windows"; }
    CertificateStore& certificates() override { return certs_; }
    ProfileService& profiles() override { return service_; }
    ConnectionTester& connections() override { return tester_; }
    Session& session() override { return session_; }
    AppliedCopies& appliedCopies() override { return *copies_; }

  private:
    win::Win32Session session_;
    SessionInfo info_;
    std::unique_ptr<win::WmiBridge> bridge_;
    std::unique_ptr<win::RasApi> ras_;
    win::WmiProfileStore store_;
    win::Win32ProfileGuard guard_;
    std::unique_ptr<AppliedCopies> copies_;
    LocalProfileService local_;
    std::unique_ptr<win::ServiceRunner> runner_;
    win::BrokerClient broker_;
    win::BrokeredProfileService service_;
    win::Win32CertificateStore certs_;
    win::RasConnectionTester tester_;
};
} // namespace

std::unique_ptr<Platform> makeSystemPlatform(const PlatformOptions&) {
    return std::make_unique<Win32Platform>();
}

} // namespace aovpn::platform
