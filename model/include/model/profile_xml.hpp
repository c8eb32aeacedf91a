#pragma once
// ProfileXML text <-> Profile. No exceptions cross this API; problems come back as diagnostics
// with a line/column and a sentence for helpdesk staff.
#include "model/profile.hpp"
#include "model/rules.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace aovpn {

// A reader (or writer) finding. Reader findings are rules of the catalogue (model/rules.hpp):
// `rule` names one, `severity` is the catalogue's, `field` the path of the element concerned in
// the validator's form ("Route[3]/Metric"), empty when the finding concerns the whole text.
struct XmlDiagnostic {
    int line = 0;        // 1-based; 0 when the problem is not tied to a place in the text
    int column = 0;      // 1-based, in characters (code points of the decoded text)
    std::string message; // full sentence, starting with "Line L, column C: " when placed
    std::string rule;    // catalogue id; empty only for writer notes
    std::string field;
    Severity severity = Severity::Warning;
    std::string hint; // what to do, may be empty
    bool operator==(const XmlDiagnostic&) const = default;
};

struct ReadResult {
    Profile profile;
    std::vector<XmlDiagnostic> errors;   // non-empty: the text is not a usable ProfileXML
    std::vector<XmlDiagnostic> warnings; // findings that do not stop reading (warning or info)
    std::size_t suppressed = 0;          // findings past the cap, counted but not listed
    std::string source; // the text as UTF-8 (decoded, BOM removed): what positions refer to
    bool ok() const { return errors.empty(); }
};

// Accepts any element order, comments, a UTF-8 BOM, CRLF, an XML declaration, and namespace
// prefixes inside the EAP block. Unknown elements land in the `extra` members. UTF-16 (LE/BE,
// with or without BOM) is converted, and so is a declared windows-1252 or ISO-8859-1; another
// declared encoding is refused (text.encoding), never read with replacement characters.
ReadResult readProfileXml(std::string_view xml);

// How readProfileXml goes about it; the result is the same either way, only the time differs.
struct ReadOptions {
    // A text at least this long (decoded) is read in two halves at once, on two threads, when
    // it can be cut between two items of a list and nothing in it needs a finding; otherwise
    // (and on a machine with one core) on one. 0 tries every text; SIZE_MAX never splits.
    std::size_t splitFrom = 256 * 1024;
};
ReadResult readProfileXml(std::string_view xml, const ReadOptions& options);

struct WriteResult {
    std::string xml;
    // Text XML 1.0 cannot carry (C0 control characters other than tab/LF/CR, invalid UTF-8)
    // is removed from the output; each removal is reported here.
    std::vector<XmlDiagnostic> warnings;
};

struct WriteOptions {
    // Comments read with the profile (see Comment in profile.hpp), each before the element it
    // preceded. The exports for Intune, Graph and SyncML leave them out.
    bool comments = true;
};

// Canonical ProfileXML: elements in schema order (model/describe.hpp), two-space indent, LF
// line ends, UTF-8 without BOM and WITHOUT an XML declaration (the text travels inside a UTF-16
// WMI string, where an encoding="utf-8" declaration would be wrong; the seed has none).
// Deterministic: the same Profile always gives the same bytes.
WriteResult writeProfileXmlChecked(const Profile& profile, const WriteOptions& options = {});
std::string writeProfileXml(const Profile& profile, const WriteOptions& options = {});

} // namespace aovpn
