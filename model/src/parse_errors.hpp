#pragma once
// Turning broken XML into sentences helpdesk staff can act on.
#include "model/profile_xml.hpp"

#include "xml_support.hpp"

namespace aovpn::xml {

// UTF-8 without BOM; a UTF-16 file (PowerShell 5's Out-File default) is converted.
std::string toUtf8WithoutBom(std::string_view input);
XmlDiagnostic describeParseError(std::string_view text, const pugi::xml_parse_result& r);
XmlDiagnostic missingRoot(std::string_view text, pugi::xml_node root);
// pugixml takes a bare '&' literally; Windows rejects the whole profile. Warn where one is.
void checkAmpersands(std::string_view text, std::vector<XmlDiagnostic>& warnings);

} // namespace aovpn::xml
