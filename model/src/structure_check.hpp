#pragma once
// Why an element this tool keeps verbatim did not fit where it stands: a known element under the
// wrong parent, a CSP node name used as an element, a name in the wrong case, or one this tool
// does not know. Shared by the reader (which reports it) and the fixer (which moves it).
#include <string>
#include <string_view>
#include <vector>

namespace aovpn::xml {

struct KeptReason {
    std::string rule; // catalogue id (structure.*)
    std::string sentence;
    std::string hint;
};

// The ProfileXML elements that have a child called `name` (exact case), in schema order.
std::vector<std::string_view> parentsKnowing(std::string_view name);
// The child of `parent` whose name equals `name` ignoring case, or "".
std::string_view caseVariantIn(std::string_view parent, std::string_view name);
// Why <name> is not a child `parent` knows.
KeptReason classifyUnknown(std::string_view parent, std::string_view name);

} // namespace aovpn::xml
