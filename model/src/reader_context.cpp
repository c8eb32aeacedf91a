#include "xml_read.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace aovpn::xml {
namespace {

constexpr int kMaxDepth = 100; // real profiles nest about 15 deep

// Iterative (pugixml's walker), so hostile nesting cannot exhaust the stack.
class Preparer : public pugi::xml_tree_walker {
  public:
    explicit Preparer(Reader& r) : reader(r) {}
    Reader& reader;
    pugi::xml_node tooDeep;
    std::vector<pugi::xml_node> blanked; // removed after the walk

    bool for_each(pugi::xml_node& node) override {
        if (depth() > kMaxDepth) {
            tooDeep = node;
            return false;
        }
        const pugi::xml_node_type type = node.type();
        if (type == pugi::node_pcdata || type == pugi::node_cdata)
            sanitizeValue(node, type);
        else if (node.first_attribute())
            sanitizeAttributes(node);
        return true;
    }

  private:
    void sanitizeValue(pugi::xml_node node, pugi::xml_node_type type) {
        if (isPlainAscii(node.value())) return; // almost always: no copy
        std::string v = node.value();
        const std::string changed = sanitizeText(v);
        if (changed.empty()) return;
        node.set_value(v.c_str());
        report(node.parent(), changed);
        // Now blank: drop it as the parser drops blank text, so reading the written text gives
        // the same tree.
        const bool alone = !node.previous_sibling() && !node.next_sibling();
        if (type == pugi::node_pcdata &&
            (v.empty() || (!alone && v.find_first_not_of(" \t\n") == std::string::npos)))
            blanked.push_back(node);
    }

    void sanitizeAttributes(pugi::xml_node node) {
        for (pugi::xml_attribute a : node.attributes()) {
            if (isPlainAscii(a.value())) continue;
            std::string v = a.value();
            if (const std::string changed = sanitizeText(v); !changed.empty()) {
                a.set_value(v.c_str());
                report(node, changed);
            }
        }
    }

    void report(pugi::xml_node where, const std::string& changed) {
        reader.warn(where,
                    fmt::format("in <{}>, {} because XML cannot carry it.", where.name(), changed));
    }
};

} // namespace

bool Reader::prepare(pugi::xml_document& doc) {
    Preparer p(*this);
    doc.traverse(p);
    for (pugi::xml_node n : p.blanked)
        n.parent().remove_child(n);
    if (!p.tooDeep) return true;
    error(p.tooDeep, fmt::format("elements are nested more than {} deep; this is not a VPN "
                                 "profile.",
                                 kMaxDepth));
    return false;
}

LineColumn Reader::where(pugi::xml_node node) {
    // Index of line starts, built once, so each position costs a search plus one line's length.
    if (lineStarts_.empty()) {
        lineStarts_.push_back(0);
        for (std::size_t i = 0; i < text_.size(); ++i)
            if (text_[i] == '\n') lineStarts_.push_back(i + 1);
    }
    auto offset = std::min(static_cast<std::size_t>(node.offset_debug()), text_.size());
    if (offset > 0 && text_[offset - 1] == '<') --offset; // pugixml points at the name, not '<'

    const auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset) - 1;
    LineColumn lc = lineColumnAt(text_.substr(*it), offset - *it);
    lc.line = static_cast<int>(it - lineStarts_.begin()) + 1;
    return lc;
}

void Reader::warn(pugi::xml_node node, const std::string& sentence) {
    if (result_.warnings.size() >= kMaxWarnings) {
        ++suppressed_;
        return;
    }
    const LineColumn lc = where(node);
    result_.warnings.push_back(
        {lc.line, lc.column, fmt::format("Line {}, column {}: {}", lc.line, lc.column, sentence)});
}

void Reader::error(pugi::xml_node node, const std::string& sentence) {
    const LineColumn lc = where(node);
    result_.errors.push_back(
        {lc.line, lc.column, fmt::format("Line {}, column {}: {}", lc.line, lc.column, sentence)});
}

void Reader::finish() {
    if (suppressed_ > 0)
        result_.warnings.push_back(
            {0, 0, fmt::format("{} more warnings like these are not shown.", suppressed_)});
}

bool Reader::claim(pugi::xml_node node, bool alreadySet) {
    if (alreadySet) {
        reject(fmt::format("<{}> appears more than once; the first one is used", node.name()));
        return false;
    }
    if (node.first_attribute()) {
        reject(fmt::format("<{}> has attributes this tool does not understand", node.name()));
        return false;
    }
    return true;
}

std::string Reader::value(pugi::xml_node node) {
    std::string text = textOf(node);
    const std::string changed = sanitizeText(text);
    if (!changed.empty())
        warn(node, fmt::format("in <{}>, {} because XML cannot carry it.", node.name(), changed));
    return text;
}

bool Reader::str(pugi::xml_node node, std::optional<std::string>& slot) {
    if (!claim(node, slot.has_value())) return false;
    if (elementCount(node) != 0) {
        reject(fmt::format("<{}> should hold text but holds other elements", node.name()));
        return false;
    }
    slot = value(node);
    return true;
}

bool Reader::flag(pugi::xml_node node, std::optional<bool>& slot) {
    std::optional<std::string> text;
    if (!claim(node, slot.has_value()) || !str(node, text)) return false;
    slot = parseBool(*text);
    if (!slot) reject(fmt::format("<{}> must be true or false, not \"{}\"", node.name(), *text));
    return slot.has_value();
}

bool Reader::uint(pugi::xml_node node, std::optional<std::uint32_t>& slot) {
    std::optional<std::string> text;
    if (!claim(node, slot.has_value()) || !str(node, text)) return false;
    slot = parseUint(*text);
    if (!slot) reject(fmt::format("<{}> must be a whole number, not \"{}\"", node.name(), *text));
    return slot.has_value();
}

bool Reader::wrapped(pugi::xml_node node, const char* inner, std::optional<std::string>& slot) {
    if (!claim(node, slot.has_value())) return false;
    pugi::xml_node only = node.child(inner);
    if (elementCount(node) != 1 || !only || hasSignificantText(node)) {
        reject(fmt::format("<{}> should hold exactly one <{}>", node.name(), inner));
        return false;
    }
    return str(only, slot);
}

void Reader::children(pugi::xml_node parent, std::vector<std::string>& extra,
                      const std::function<bool(pugi::xml_node)>& take) {
    for (pugi::xml_node c : parent.children()) {
        if (c.type() != pugi::node_element) continue;
        reason_.clear();
        if (!take(c)) keep(c, extra);
    }
    if (hasSignificantText(parent))
        warn(parent, fmt::format("text directly inside <{}> is ignored.", parent.name()));
}

void Reader::keep(pugi::xml_node node, std::vector<std::string>& extra) {
    const std::string why = reason_.empty()
                                ? fmt::format("<{}> is not an element this tool knows", node.name())
                                : reason_;
    warn(node, fmt::format("{}; it is kept unchanged and written at the end of <{}>.", why,
                           node.parent().name()));
    extra.push_back(rawElement(node));
}

} // namespace aovpn::xml
