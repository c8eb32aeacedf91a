#pragma once
// Splits one line of XML into coloured spans for the preview (display only: the text itself
// comes from the model's writer).
#include <string_view>
#include <vector>

namespace aovpn::ui {

enum class XmlToken { Text, Punct, TagName, AttrName, AttrValue, Comment };

struct XmlSpan {
    XmlToken kind;
    std::string_view text;
};

// `inComment` carries an open <!-- ... --> across lines.
std::vector<XmlSpan> highlightXmlLine(std::string_view line, bool& inComment);

} // namespace aovpn::ui
