#pragma once
// Offline certificate store: a folder of PEM/DER files parsed with OpenSSL into the same fields
// the Windows store gives. Internal to the platform library.
#include "platform/platform.hpp"

namespace aovpn::platform::offline {

class FolderCertificateStore final : public CertificateStore {
  public:
    explicit FolderCertificateStore(std::filesystem::path dir);

    // End-entity certificates of the folder (CA certificates only serve to build chains).
    Result<std::vector<CertificateInfo>> listPersonal() override;
    Result<CertificateInfo> readCertificateFile(const std::filesystem::path& file) override;
    StoreOwner storeOwner() override;

  private:
    std::filesystem::path dir_;
};

} // namespace aovpn::platform::offline
