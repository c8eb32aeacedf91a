#include "platform/cert_filter.hpp"

namespace aovpn::platform {

CertFilter certificateFilterFor(const CertificateInfo& cert, CertFilter base) {
    CertFilter f = std::move(base);
    f.caHashList = CaHashList{true, {cert.issuingCaThumbprint}};
    f.ekuMapping = {EkuMap{std::string(kClientAuthEkuName), std::string(kClientAuthOid)}};
    f.clientAuthEkuList = EkuNameList{true, {std::string(kClientAuthEkuName)}};
    if (!cert.hasEkuExtension)
        f.allPurposeEnabled = true;
    else
        f.allPurposeEnabled.reset(); // the certificate names its purposes: the EKU list decides
    return f;
}

std::string describeFilterPick(const CertificateInfo& cert) {
    std::string s = "Certificate filter: issued by " + cert.issuerCommonName + " (" +
                    cert.issuingCaThumbprint + "), Client Authentication EKU";
    if (!cert.hasEkuExtension)
        s += ", AllPurposeEnabled (the certificate has no EKU extension: valid for any purpose)";
    return s + ".";
}

} // namespace aovpn::platform
