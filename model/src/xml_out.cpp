#include "xml_out.hpp"

#include "xml_support.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace aovpn::xml {
namespace {

class AppendWriter : public pugi::xml_writer {
  public:
    explicit AppendWriter(XmlOut& out) : out_(out) {}
    void write(const void* data, size_t size) override {
        out_.append({static_cast<const char*>(data), size});
    }

  private:
    XmlOut& out_;
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

char* put(char* p, std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    return p + s.size();
}

// One fixed-size copy (inlined, room() keeps the slack for it) for the usual depths.
char* indent(char* p, int depth) {
    static constexpr char kSpaces[XmlOut::kSlack + 1] = "                                ";
    const auto n = static_cast<std::size_t>(depth) * 2;
    if (n <= XmlOut::kSlack)
        std::memcpy(p, kSpaces, XmlOut::kSlack);
    else
        std::memset(p, ' ', n);
    return p + n;
}

// How a byte of element text is written: as it is, as an entity, or (not plain ASCII: a
// control character or a byte of a multi-byte sequence) checked first by sanitizeText.
enum TextClass : std::uint8_t { kCopy, kAmp, kLt, kGt, kCheck };

const std::array<TextClass, 256> kTextClass = [] {
    std::array<TextClass, 256> t{};
    for (std::size_t c = 0; c < t.size(); ++c)
        t[c] = (c >= 0x20 && c < 0x80) || c == '\t' || c == '\n' ? kCopy : kCheck;
    t['&'] = kAmp;
    t['<'] = kLt;
    t['>'] = kGt;
    return t;
}();

constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;

bool hasByte(std::uint64_t w, char c) {
    const std::uint64_t x = w ^ (kOnes * static_cast<unsigned char>(c));
    return ((x - kOnes) & ~x & kHigh) != 0;
}

// Eight bytes that are all plain ASCII (0x20-0x7F) and none of & < >: copied as they are.
bool copiesAsIs(std::uint64_t w) {
    return (((w - kOnes * 0x20) | w) & kHigh) == 0 && !hasByte(w, '&') && !hasByte(w, '<') &&
           !hasByte(w, '>');
}

// `text` escaped at `p` (at most 5 bytes a byte). With `plainOnly`, nullptr at the first byte
// that is not plain ASCII (the caller cleans the text first); else such bytes are copied.
char* escapeText(char* p, std::string_view text, bool plainOnly) {
    const char* s = text.data();
    const char* const end = s + text.size();
    for (std::uint64_t w; end - s >= 8 && (std::memcpy(&w, s, 8), copiesAsIs(w)); s += 8, p += 8)
        std::memcpy(p, &w, 8);
    for (; s < end; ++s) {
        switch (kTextClass[static_cast<unsigned char>(*s)]) {
        case kCopy:
            *p++ = *s;
            break;
        case kAmp:
            p = put(p, "&amp;");
            break;
        case kLt:
            p = put(p, "&lt;");
            break;
        case kGt:
            p = put(p, "&gt;");
            break;
        case kCheck:
            if (plainOnly) return nullptr;
            *p++ = *s;
            break;
        }
    }
    return p;
}

} // namespace

XmlOut::XmlOut(std::string& out, std::vector<XmlDiagnostic>& warnings, bool comments,
               std::size_t sizeHint)
    : out_(out), used_(out.size()), warnings_(warnings), comments_(comments) {
    out_.reserve(used_ + sizeHint);
}

// The string's size runs at most a step ahead of what is written, so little is zero-filled in
// vain; its capacity grows geometrically (std::string's own growth) past the hint.
void XmlOut::grow(std::size_t n) {
    constexpr std::size_t kStep = 64 * 1024;
    out_.resize(used_ + n + kStep);
}

void XmlOut::append(std::string_view text) {
    commit(put(room(text.size()), text));
}

void XmlOut::tag(std::string_view open, std::string_view name, std::string_view close, int depth) {
    char* p = room(static_cast<std::size_t>(depth) * 2 + open.size() + name.size() + close.size());
    p = indent(p, depth);
    p = put(p, open);
    p = put(p, name);
    commit(put(p, close));
}

void XmlOut::open(std::string_view name, int depth) {
    tag("<", name, ">\n", depth);
}

void XmlOut::close(std::string_view name, int depth) {
    tag("</", name, ">\n", depth);
}

void XmlOut::empty(std::string_view name, int depth) {
    tag("<", name, " />\n", depth);
}

void XmlOut::value(std::string_view name, std::string_view text, int depth) {
    char* p = room(static_cast<std::size_t>(depth) * 2 + name.size() * 2 + 6 + text.size() * 5);
    p = indent(p, depth);
    *p++ = '<';
    p = put(p, name);
    *p++ = '>';
    if (char* end = escapeText(p, text, true)) { // the usual case: plain ASCII, no copy
        p = end;
    } else {
        commit(p);
        std::string fixed(text);
        if (const std::string changed = sanitizeText(fixed); !changed.empty())
            warn(fmt::format("<{}>: {} (XML cannot carry it).", name, changed));
        p = escapeText(room(fixed.size() * 5 + name.size() + 4), fixed, false);
    }
    p = put(p, "</");
    p = put(p, name);
    commit(put(p, ">\n"));
}

void XmlOut::comment(std::string_view text, int depth) {
    if (!comments_) return;
    tag("<!--", sanitizeComment(text), "-->\n", depth);
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
    AppendWriter w(*this);
    for (pugi::xml_node c : frag.children()) {
        if (c.type() == pugi::node_pcdata && isBlankText(c.value())) continue;
        c.print(w, "  ", kPrint, pugi::encoding_utf8, static_cast<unsigned>(depth));
    }
}

void XmlOut::node(pugi::xml_node n, int depth) {
    if (!comments_) dropComments(n);
    AppendWriter w(*this);
    n.print(w, "  ", kPrint, pugi::encoding_utf8, static_cast<unsigned>(depth));
}

void XmlOut::warn(std::string message) {
    XmlDiagnostic d;
    d.message = std::move(message);
    warnings_.push_back(std::move(d));
}

} // namespace aovpn::xml
