#pragma once
#include "platform/platform.hpp"

#include <functional>

namespace aovpn::platform::win {

// The TARGET user's personal store: CurrentUser\My when the app runs as that user, otherwise
// (an elevated helpdesk admin in the user's session, or SYSTEM) HKEY_USERS\<SID>\...\My through
// CERT_SYSTEM_STORE_USERS "<SID>\MY", read-only. Another user's private keys cannot be opened
// from here; a key is then reported present when the certificate names one.
class Win32CertificateStore final : public CertificateStore {
  public:
    struct Owners {
        Account process;
        std::optional<Account> target; // the session's user
    };
    Win32CertificateStore(); // owners from this process's session
    explicit Win32CertificateStore(std::function<Owners()> owners);
    Result<std::vector<CertificateInfo>> listPersonal() override;
    Result<CertificateInfo> readCertificateFile(const std::filesystem::path& file) override;
    StoreOwner storeOwner() override;

  private:
    std::function<Owners()> owners_;
};

} // namespace aovpn::platform::win
