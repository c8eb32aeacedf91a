// libFuzzer target: any input must neither crash the reader, the validator or the fixer, nor
// break the round trip, nor make the writer emit text that is not well-formed UTF-8 XML.
// Built with -DAOVPN_FUZZ=ON and clang; run by scripts/fuzz.sh.
#include "model/fixes.hpp"
#include "model/gateway_info.hpp"
#include "model/profile_xml.hpp"
#include "model/validate.hpp"

#include "validate_internal.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

bool validUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t len = b < 0x80                 ? 1
                                : b >= 0xF0 && b <= 0xF4 ? 4
                                : b >= 0xE0              ? 3
                                : b >= 0xC2 && b < 0xE0  ? 2
                                                         : 0;
        if (len == 0 || i + len > s.size()) return false;
        char32_t cp = len == 1 ? b : (b & (0x7F >> len));
        for (std::size_t k = 1; k < len; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

// Well-formed output: UTF-8, no control characters but tab/LF, no "--" inside a comment.
void checkOutput(const std::string& xml) {
    if (!validUtf8(xml)) std::abort();
    for (const char c : xml)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') std::abort();
    for (std::size_t at = xml.find("<!--"); at != std::string::npos; at = xml.find("<!--", at)) {
        const std::size_t end = xml.find("-->", at + 4);
        if (end == std::string::npos ||
            xml.substr(at + 4, end - at - 4).find("--") != std::string::npos)
            std::abort();
        at = end;
    }
}

void roundTrip(const aovpn::Profile& profile) {
    const aovpn::WriteResult written = aovpn::writeProfileXmlChecked(profile);
    if (!written.warnings.empty()) std::abort(); // the reader must not keep what XML can't carry
    checkOutput(written.xml);
    const aovpn::ReadResult second = aovpn::readProfileXml(written.xml);
    if (!second.ok() || !(second.profile == profile)) std::abort();
    if (aovpn::writeProfileXml(second.profile) != written.xml) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    aovpn::ReadResult first = aovpn::readProfileXml(text);
    // Read in two halves at once (any size; by default only large texts are), the result is
    // exactly the one-thread read's.
    const aovpn::ReadResult split = aovpn::readProfileXml(text, {.splitFrom = 0});
    const aovpn::ReadResult one = aovpn::readProfileXml(text, {.splitFrom = SIZE_MAX});
    if (!(split.profile == one.profile) || split.errors != one.errors ||
        split.warnings != one.warnings || split.suppressed != one.suppressed ||
        split.source != one.source)
        std::abort();
    if (!first.ok()) return 0;
    roundTrip(first.profile);
    // Validation with the traffic filters checked in two halves at once finds the same.
    if (aovpn::validation::validate(first.profile, aovpn::GatewayInfo{}, 0) !=
        aovpn::validation::validate(first.profile, aovpn::GatewayInfo{}, SIZE_MAX))
        std::abort();
    // The fixer's output obeys the same rules.
    aovpn::applyFixes(first.profile);
    const aovpn::WriteResult fixed = aovpn::writeProfileXmlChecked(first.profile);
    checkOutput(fixed.xml);
    if (!aovpn::readProfileXml(fixed.xml).ok()) std::abort();
    return 0;
}
