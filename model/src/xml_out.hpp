#pragma once
// The streaming side of the writer: appends indented XML text to one buffer, in the layout
// pugixml's format_indent gives (two spaces, <A>text</A>, <A />), so the output stays stable.
// Each element is written through a cursor after one room check (10,000 routes + 10,000 filters
// are ~100,000 elements): `out` is kept longer than what is written until finish() cuts it.
#include "model/profile_xml.hpp"

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace aovpn::xml {

class XmlOut {
  public:
    // Bytes beyond what room() is asked for that a fixed-size copy may write over.
    static constexpr std::size_t kSlack = 32;
    // `sizeHint`: the bytes expected (reserved at once).
    XmlOut(std::string& out, std::vector<XmlDiagnostic>& warnings, bool comments,
           std::size_t sizeHint);
    XmlOut(const XmlOut&) = delete;
    XmlOut& operator=(const XmlOut&) = delete;
    // Cuts `out` to what was written: call it once, when done.
    void finish() { out_.resize(used_); }

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
    // Output that pugixml or a string builds, appended at the cursor.
    void append(std::string_view text);

  private:
    // A cursor with room for `n` more bytes; commit() the cursor's end after writing.
    char* room(std::size_t n) {
        if (out_.size() - used_ < n + kSlack) grow(n + kSlack);
        return out_.data() + used_;
    }
    void commit(const char* end) { used_ = static_cast<std::size_t>(end - out_.data()); }
    void grow(std::size_t n);
    // Indent, `open` + name + `close` (e.g. "</", ">\n"), committed.
    void tag(std::string_view open, std::string_view name, std::string_view close, int depth);

    std::string& out_;
    std::size_t used_ = 0;
    std::vector<XmlDiagnostic>& warnings_;
    bool comments_;
};

} // namespace aovpn::xml
