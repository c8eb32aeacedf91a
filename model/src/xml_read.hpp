#pragma once
// Reading side: fills typed slots from elements and keeps whatever does not fit, verbatim.
#include "model/known_value.hpp"
#include "model/profile_xml.hpp"

#include "xml_support.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aovpn::xml {

class Reader {
  public:
    Reader(std::string_view text, ReadResult& result) : text_(text), result_(result) {}

    // Before a subtree is used as it is (kept verbatim, raw XML content, an EAP block, a value
    // that is not plain ASCII text): removes what XML cannot carry from its texts and
    // attributes (reported), checks its names and refuses absurd nesting (false, with an
    // error; failed() from then on). Elements the reader recognises skip it: their names are
    // the description's, and their values are checked in text().
    bool check(pugi::xml_node node);
    // The names of an element that has attributes (a recognised one: xmlns declarations).
    bool checkAttributeNames(pugi::xml_node node);
    bool failed() const { return failed_; }
    // Whether text() last took `node`'s value as its one plain text child (no comment inside).
    bool tookPlainText(pugi::xml_node node) const { return node == plainText_; }
    // Cleans one text node as check() does; false when that removed it (now blank).
    bool cleanText(pugi::xml_node node);
    void cleanTexts(pugi::xml_node parent); // each text child of `parent`

    // Findings of catalogue rule `rule` (model/rules.hpp), starting "Line L, column C: " for
    // where `node` starts, with the element's field path. note() records a finding that does not
    // stop reading (any severity); past kMaxWarnings only a count is kept. error() records why
    // the text is unusable.
    static constexpr std::size_t kMaxWarnings = 100;
    void note(pugi::xml_node node, std::string_view rule, const std::string& sentence,
              std::string hint = {}, std::string field = {});
    void error(pugi::xml_node node, std::string_view rule, const std::string& sentence);
    void finish();

    // True when the element is new for its slot and has no attributes but namespace
    // declarations; else remembers why not (the caller then keeps it verbatim). The usual case
    // is inline: every element the reader takes asks.
    bool claim(pugi::xml_node node, bool alreadySet) {
        return (!alreadySet && !node.first_attribute()) || claimChecked(node, alreadySet);
    }
    // The text of a value element (what XML cannot carry removed, and reported); false when
    // it holds elements. A view into the document (or, when cleaned, into this Reader), valid
    // until the next call: numbers and booleans are read without a copy. The usual value
    // element, one plain text child, is taken inline.
    // The document is parsed with kReadOptions: that text is the element's value.
    bool text(pugi::xml_node node, std::string_view& out) {
        if (!node.first_child()) {
            out = node.value();
            if (isPlainAscii(out)) {
                plainText_ = node;
                return true;
            }
        }
        return textChecked(node, out);
    }
    // `text` as a boolean / whole number; nothing (with the reason remembered) when it is not.
    std::optional<bool> boolean(pugi::xml_node node, std::string_view text);
    std::optional<std::uint32_t> number(pugi::xml_node node, std::string_view text) {
        const std::optional<std::uint32_t> n = parseUint(text);
        if (!n) rejectNumber(node, text);
        return n;
    }
    // A wrapper holding exactly one <inner> (App/Id, Manual/Server): that child, in `inner`.
    bool unwrap(pugi::xml_node node, const char* innerName, pugi::xml_node& inner);
    void reject(std::string_view rule, std::string reason, std::string hint = {}) {
        rule_ = rule;
        reason_ = std::move(reason);
        hint_ = std::move(hint);
    }
    void clearReason() {
        reason_.clear();
        rule_ = {};
        hint_.clear();
    }
    bool noReason() const { return reason_.empty(); }
    // Keeps `node` verbatim in `extra`, with the comments that preceded it, and reports why
    // (the remembered reason, or what structure_check makes of its name).
    void keep(pugi::xml_node node, std::vector<std::string>& extra,
              const std::vector<std::string>& commentsBefore);
    // Text of a value element, with what XML cannot carry removed (and reported).
    std::string value(pugi::xml_node node);

  private:
    LineColumn where(pugi::xml_node node);
    bool claimChecked(pugi::xml_node node, bool alreadySet);
    bool textChecked(pugi::xml_node node, std::string_view& out); // what is not plain text
    void rejectNumber(pugi::xml_node node, std::string_view text);

    std::string_view text_;
    ReadResult& result_;
    std::string_view rule_;
    std::string reason_;
    std::string hint_;
    std::vector<std::size_t> lineStarts_;
    bool failed_ = false;
    pugi::xml_node plainText_;
    std::string cleaned_; // text()'s value when it had to be cleaned
};

} // namespace aovpn::xml
