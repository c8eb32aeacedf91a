#pragma once
// ProfileXML text <-> Profile. No exceptions cross this API; problems come back as diagnostics
// with a line/column and a sentence for helpdesk staff.
#include "model/profile.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace aovpn {

struct XmlDiagnostic {
    int line = 0;        // 1-based; 0 when the problem is not tied to a place in the text
    int column = 0;      // 1-based, in characters (UTF-8 code points)
    std::string message; // full sentence, starting with "Line L, column C: " when placed
    bool operator==(const XmlDiagnostic&) const = default;
};

struct ReadResult {
    Profile profile;
    std::vector<XmlDiagnostic> errors;   // non-empty: the text is not a usable ProfileXML
    std::vector<XmlDiagnostic> warnings; // read, but something was kept verbatim or dropped
    bool ok() const { return errors.empty(); }
};

// Accepts any element order, comments, a UTF-8 BOM, CRLF, an XML declaration, and namespace
// prefixes inside the EAP block. Unknown elements land in the `extra` members.
ReadResult readProfileXml(std::string_view xml);

struct WriteResult {
    std::string xml;
    // Text XML 1.0 cannot carry (C0 control characters other than tab/LF/CR, invalid UTF-8)
    // is removed from the output; each removal is reported here.
    std::vector<XmlDiagnostic> warnings;
};

// Canonical ProfileXML: elements in schema order (model/schema_order.hpp), two-space indent, LF
// line ends, UTF-8 without BOM and WITHOUT an XML declaration (the text travels inside a UTF-16
// WMI string, where an encoding="utf-8" declaration would be wrong; the seed has none).
// Deterministic: the same Profile always gives the same bytes.
WriteResult writeProfileXmlChecked(const Profile& profile);
std::string writeProfileXml(const Profile& profile);

} // namespace aovpn
