// The Windows platform: CryptoAPI certificates, WMI MDM bridge profiles, RAS connect test.
#include "cert_store_win32.hpp"
#include "protected_copies.hpp"
#include "protected_folder.hpp"
#include "ras_connect.hpp"
#include "session_win32.hpp"
#include "wmi_profile_store.hpp"

namespace aovpn::platform {

namespace {
class Win32Platform final : public Platform {
  public:
    Win32Platform()
        : copies_(win::makeProtectedAppliedCopies(win::programDataFolder() / L"Applied")),
          service_(store_, *copies_) {}
    std::string_view name() const override { return "Windows"; }
    CertificateStore& certificates() override { return certs_; }
    ProfileService& profiles() override { return service_; }
    ConnectionTester& connections() override { return tester_; }
    Session& session() override { return session_; }

  private:
    win::Win32CertificateStore certs_;
    win::WmiProfileStore store_;
    std::unique_ptr<AppliedCopies> copies_;
    LocalProfileService service_;
    win::RasConnectionTester tester_;
    win::Win32Session session_;
};
} // namespace

std::unique_ptr<Platform> makeSystemPlatform(const PlatformOptions&) {
    return std::make_unique<Win32Platform>();
}

} // namespace aovpn::platform
