#pragma once
// Turning broken XML into sentences helpdesk staff can act on.
#include "model/profile_xml.hpp"

#include "xml_support.hpp"

#include <optional>

namespace aovpn::xml {

// A finding at byte `offset` of `text`, with the catalogue's severity for `rule`.
XmlDiagnostic placed(std::string_view text, std::size_t offset, std::string_view rule,
                     const std::string& sentence);
XmlDiagnostic describeParseError(std::string_view text, const pugi::xml_parse_result& r);
XmlDiagnostic missingRoot(std::string_view text, pugi::xml_node root);
// pugixml takes a bare '&' literally; Windows rejects the whole profile: warn where one is.
// A &#0; reference is an error (false): pugixml would cut the value there.
bool checkAmpersands(std::string_view text, std::vector<XmlDiagnostic>& warnings,
                     std::vector<XmlDiagnostic>& errors);

} // namespace aovpn::xml
