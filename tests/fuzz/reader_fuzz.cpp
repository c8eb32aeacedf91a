// libFuzzer target: any input must neither crash the reader nor break the round trip.
// Built with -DAOVPN_FUZZ=ON and clang; run by scripts/fuzz.sh.
#include "model/profile_xml.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const aovpn::ReadResult first = aovpn::readProfileXml(text);
    if (!first.ok()) return 0;
    const aovpn::WriteResult written = aovpn::writeProfileXmlChecked(first.profile);
    if (!written.warnings.empty()) std::abort(); // the reader must not keep what XML can't carry
    const aovpn::ReadResult second = aovpn::readProfileXml(written.xml);
    if (!second.ok() || !(second.profile == first.profile)) std::abort();
    if (aovpn::writeProfileXml(second.profile) != written.xml) std::abort();
    return 0;
}
