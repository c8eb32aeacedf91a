#pragma once
#include "platform/platform.hpp"

namespace aovpn::platform::win {

class Win32CertificateStore final : public CertificateStore {
  public:
    Result<std::vector<CertificateInfo>> listPersonal() override;
    Result<CertificateInfo> readCertificateFile(const std::filesystem::path& file) override;
    StoreOwner storeOwner() override;
};

} // namespace aovpn::platform::win
