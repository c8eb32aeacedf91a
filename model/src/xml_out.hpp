#pragma once
// The streaming side of the writer: appends indented XML text to one buffer, in the layout
// pugixml's format_indent gives (two spaces, <A>text</A>, <A />), so the output stays stable.
#include "model/profile_xml.hpp"

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace aovpn::xml {

class XmlOut {
  public:
    XmlOut(std::string& out, std::vector<XmlDiagnostic>& warnings, bool comments)
        : out_(out), warnings_(warnings), comments_(comments) {}

    void open(std::string_view name, int depth);
    void close(std::string_view name, int depth);
    void empty(std::string_view name, int depth);
    // <name>text</name>, the text cleaned of what XML cannot carry (reported) and escaped.
    void value(std::string_view name, std::string_view text, int depth);
    void comment(std::string_view text, int depth);
    // Kept XML (elements, comments, text) at `depth`; text that is not XML is reported and
    // left out. `parent` names the element it sits in, for the report.
    void raw(std::string_view xml, std::string_view parent, int depth);
    // A subtree built with pugixml (the EAP block), at `depth`.
    void node(pugi::xml_node node, int depth);
    bool comments() const { return comments_; }
    void warn(std::string message);

  private:
    void indent(int depth) { out_.append(static_cast<std::size_t>(depth) * 2, ' '); }
    void escaped(std::string_view text);

    std::string& out_;
    std::vector<XmlDiagnostic>& warnings_;
    bool comments_;
};

} // namespace aovpn::xml
