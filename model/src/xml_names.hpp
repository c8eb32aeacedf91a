#pragma once
// Names the XML 1.0 (5th edition) and Namespaces specs allow. pugixml's parser is lenient here
// (any byte >= 0x80 passes, prefixes are not resolved), so the reader checks every element and
// attribute name itself: a kept element with a bad name would make the written file ill-formed.
#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace aovpn::xml {

// Why `name` is not a valid qualified name (NCName, or prefix:NCName), or "" when it is.
std::string invalidNameReason(std::string_view name);
// The first problem with the names of `element` and its attributes (bad name, undeclared prefix,
// repeated attribute), or "" when there is none.
std::string checkNames(pugi::xml_node element);

} // namespace aovpn::xml
