#pragma once
// Private helpers shared by the ProfileXML reader and writer (pugixml details stay in src/).
#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace aovpn::xml {

inline constexpr unsigned kParseOptions =
    pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_comments;
// The ProfileXML reader's: an element's first text, before any child, is stored as the
// element's value rather than as a text node of its own (one node fewer per value element).
// expandText() makes it a text child again where the tree is used as a whole.
inline constexpr unsigned kReadOptions = kParseOptions | pugi::parse_embed_pcdata;
// Under kReadOptions: moves the text kept as `node`'s value into a text child in front of its
// children, as the other parse options give it.
void expandText(pugi::xml_node node);

// Concatenated text and CDATA children of `node`.
std::string textOf(pugi::xml_node node);
// True when `node` holds non-blank text next to, or instead of, elements.
bool hasSignificantText(pugi::xml_node node);
// Attributes other than namespace declarations (xmlns, xmlns:p).
bool hasForeignAttributes(pugi::xml_node node);
// Only spaces, tabs and line ends (or nothing).
bool isBlankText(std::string_view text);
// textOf(node) without surrounding blanks.
std::string trimmedText(pugi::xml_node node);
// The validator's field path of an element ("Route[3]/Metric", "NativeProfile/Servers"); list
// items always carry their index, other elements only when they repeat ("Foo[1]").
std::string fieldPathOf(pugi::xml_node node);
// No attributes, no element children: a plain value element.
bool isPlainValue(pugi::xml_node node);
// Element children only (comments, blank text skipped).
std::size_t elementCount(pugi::xml_node node);

// Element name without its prefix, and the namespace URI the prefix (or default) resolves to.
std::string_view localName(pugi::xml_node node);
std::string namespaceUri(pugi::xml_node node);
bool is(pugi::xml_node node, std::string_view ns, std::string_view local);

// One element as standalone XML text (no indentation), carrying the namespace declarations
// it inherited so it means the same thing wherever it is pasted.
std::string rawElement(pugi::xml_node node);
// The content of `node` (elements, comments and non-blank text) as XML text.
std::string rawContent(pugi::xml_node node);
// Applies sanitizeText to every text and attribute value under `node`.
void sanitizeTree(pugi::xml_node node);
// Parses `raw` as an XML fragment and appends its nodes to `parent`. False when it is not XML.
bool appendRaw(pugi::xml_node parent, std::string_view raw);

// XML 1.0 can carry neither C0 control characters (except tab and LF) nor invalid UTF-8; a CR
// would come back as LF. Fixes `text` in place: CR/CRLF -> LF, control characters removed,
// invalid UTF-8 -> U+FFFD. Returns what was changed, as a phrase ("" when nothing was).
std::string sanitizeText(std::string& text);
// Well-formed UTF-8: no overlong forms, surrogates, code points past U+10FFFF or cut sequences.
bool isValidUtf8(std::string_view text);
// isValidUtf8(text), and when it is, `text` appended to `out` (in one pass over it); when it is
// not, `out` holds some of it.
bool appendValidUtf8(std::string& out, std::string_view text);
// A comment's text as it can be written and read back unchanged: sanitizeText, then every '-'
// before another '-' or at the end followed by a space (pugixml writes it so).
std::string sanitizeComment(std::string_view text);
// Printable ASCII, tab and LF only: text sanitizeText leaves as it is (checked without copying).
bool isPlainAscii(std::string_view text);

std::optional<bool> parseBool(std::string_view text);
std::optional<std::uint32_t> parseUint(std::string_view text);
inline const char* boolText(bool b) {
    return b ? "true" : "false";
}

struct LineColumn {
    int line = 1;
    int column = 1;
};
// Line and column (in code points) of byte `offset` in `text`.
LineColumn lineColumnAt(std::string_view text, std::size_t offset);

// Canonical form of an element tree for "means the same" comparisons: expanded names,
// attributes (sorted, xmlns dropped), non-blank text; comments and indentation ignored.
std::string canonicalForm(pugi::xml_node node);

} // namespace aovpn::xml
