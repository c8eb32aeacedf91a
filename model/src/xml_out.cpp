#include "xml_out.hpp"

#include "xml_support.hpp"

#include <fmt/format.h>

#include <cstring>

namespace aovpn::xml {
namespace {

class AppendWriter : public pugi::xml_writer {
  public:
    explicit AppendWriter(std::string& out) : out_(out) {}
    void write(const void* data, size_t size) override {
        out_.append(static_cast<const char*>(data), size);
    }

  private:
    std::string& out_;
};

void dropComments(pugi::xml_node node) {
    for (pugi::xml_node c = node.first_child(); c;) {
        pugi::xml_node next = c.next_sibling();
        if (c.type() == pugi::node_comment)
            node.remove_child(c);
        else if (c.type() == pugi::node_element)
            dropComments(c);
        c = next;
    }
}

constexpr unsigned kPrint = pugi::format_indent;

} // namespace

void XmlOut::open(std::string_view name, int depth) {
    indent(depth);
    out_ += '<';
    out_ += name;
    out_ += ">\n";
}

void XmlOut::close(std::string_view name, int depth) {
    indent(depth);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
}

void XmlOut::empty(std::string_view name, int depth) {
    indent(depth);
    out_ += '<';
    out_ += name;
    out_ += " />\n";
}

void XmlOut::escaped(std::string_view text) {
    // Values rarely hold & < >: append runs between them whole.
    std::size_t from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c > '>' || (c != '&' && c != '<' && c != '>')) continue; // one compare for letters
        out_.append(text, from, i - from);
        out_ += c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;";
        from = i + 1;
    }
    out_.append(text, from, text.size() - from);
}

void XmlOut::value(std::string_view name, std::string_view text, int depth) {
    indent(depth);
    out_ += '<';
    out_ += name;
    out_ += '>';
    if (isPlainAscii(text)) { // the usual case: no copy
        escaped(text);
    } else {
        std::string fixed(text);
        if (const std::string changed = sanitizeText(fixed); !changed.empty())
            warn(fmt::format("<{}>: {} (XML cannot carry it).", name, changed));
        escaped(fixed);
    }
    out_ += "</";
    out_ += name;
    out_ += ">\n";
}

void XmlOut::comment(std::string_view text, int depth) {
    if (!comments_) return;
    indent(depth);
    out_ += "<!--";
    out_ += sanitizeComment(text);
    out_ += "-->\n";
}

void XmlOut::raw(std::string_view xml, std::string_view parent, int depth) {
    pugi::xml_document frag;
    const auto res = frag.load_buffer(xml.data(), xml.size(), kParseOptions | pugi::parse_fragment,
                                      pugi::encoding_utf8);
    if (!res) {
        warn(fmt::format("A kept element inside <{}> is not valid XML and was left out.", parent));
        return;
    }
    sanitizeTree(frag);
    if (!comments_) dropComments(frag);
    AppendWriter w(out_);
    for (pugi::xml_node c : frag.children()) {
        if (c.type() == pugi::node_pcdata && isBlankText(c.value())) continue;
        c.print(w, "  ", kPrint, pugi::encoding_utf8, static_cast<unsigned>(depth));
    }
}

void XmlOut::node(pugi::xml_node n, int depth) {
    if (!comments_) dropComments(n);
    AppendWriter w(out_);
    n.print(w, "  ", kPrint, pugi::encoding_utf8, static_cast<unsigned>(depth));
}

void XmlOut::warn(std::string message) {
    XmlDiagnostic d;
    d.message = std::move(message);
    warnings_.push_back(std::move(d));
}

} // namespace aovpn::xml
