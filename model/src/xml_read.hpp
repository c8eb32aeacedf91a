#pragma once
// Reading side: fills typed slots from elements and keeps whatever does not fit, verbatim.
#include "model/known_value.hpp"
#include "model/profile_xml.hpp"

#include "xml_support.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace aovpn::xml {

class Reader {
  public:
    Reader(std::string_view text, ReadResult& result) : text_(text), result_(result) {}

    // Before reading: removes what XML cannot carry from every text and attribute (reported),
    // and refuses absurd nesting (false, with an error).
    bool prepare(pugi::xml_document& doc);

    // Findings of catalogue rule `rule` (model/rules.hpp), starting "Line L, column C: " for
    // where `node` starts, with the element's field path. note() records a finding that does not
    // stop reading (any severity); past kMaxWarnings only a count is kept. error() records why
    // the text is unusable.
    static constexpr std::size_t kMaxWarnings = 100;
    void note(pugi::xml_node node, std::string_view rule, const std::string& sentence,
              std::string hint = {}, std::string field = {});
    void error(pugi::xml_node node, std::string_view rule, const std::string& sentence);
    void finish();

    // Each slot takes a plain value element once. False (with the reason remembered) when the
    // element cannot go there; the caller then keeps it verbatim.
    bool str(pugi::xml_node node, std::optional<std::string>& slot);
    bool flag(pugi::xml_node node, std::optional<bool>& slot);
    bool uint(pugi::xml_node node, std::optional<std::uint32_t>& slot);
    template <typename E> bool known(pugi::xml_node node, std::optional<Known<E>>& slot) {
        std::optional<std::string> text;
        if (!claim(node, slot.has_value()) || !str(node, text)) return false;
        slot = parseKnown<E>(*text);
        return true;
    }
    // Wrapper with exactly one plain child `inner` (App/Id, Manual/Server...), into `slot`.
    bool wrapped(pugi::xml_node node, const char* inner, std::optional<std::string>& slot);
    // True when the element is new for its slot and has no attributes; else remembers why not.
    bool claim(pugi::xml_node node, bool alreadySet);
    void reject(std::string_view rule, std::string reason, std::string hint = {}) {
        rule_ = rule;
        reason_ = std::move(reason);
        hint_ = std::move(hint);
    }

    // Visits the element children of `parent`; those `take` refuses go to `extra`, verbatim.
    void children(pugi::xml_node parent, std::vector<std::string>& extra,
                  const std::function<bool(pugi::xml_node)>& take);
    // Text of a value element, with what XML cannot carry removed (and reported).
    std::string value(pugi::xml_node node);

  private:
    void keep(pugi::xml_node node, std::vector<std::string>& extra);
    bool takeCaseVariant(pugi::xml_node node, const std::function<bool(pugi::xml_node)>& take);

    LineColumn where(pugi::xml_node node);

    std::string_view text_;
    ReadResult& result_;
    std::string_view rule_;
    std::string reason_;
    std::string hint_;
    std::vector<std::size_t> lineStarts_;
    std::size_t suppressed_ = 0;
};

} // namespace aovpn::xml
