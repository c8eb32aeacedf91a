#include "structure_check.hpp"
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
        reader.note(where, "xml.text-cleaned",
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
    error(p.tooDeep, "xml.too-deep",
          fmt::format("elements are nested more than {} deep; this is not a VPN "
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

void Reader::note(pugi::xml_node node, std::string_view rule, const std::string& sentence,
                  std::string hint, std::string field) {
    if (result_.warnings.size() >= kMaxWarnings) {
        ++result_.suppressed;
        return;
    }
    const RuleInfo* info = findRule(rule);
    const LineColumn lc = where(node);
    result_.warnings.push_back({lc.line, lc.column,
                                fmt::format("Line {}, column {}: {}", lc.line, lc.column, sentence),
                                std::string(rule), field.empty() ? fieldPathOf(node) : field,
                                info ? info->severity : Severity::Error, std::move(hint)});
}

void Reader::error(pugi::xml_node node, std::string_view rule, const std::string& sentence) {
    const LineColumn lc = where(node);
    result_.errors.push_back({lc.line,
                              lc.column,
                              fmt::format("Line {}, column {}: {}", lc.line, lc.column, sentence),
                              std::string(rule),
                              fieldPathOf(node),
                              Severity::Error,
                              {}});
}

void Reader::finish() {
    if (result_.suppressed > 0)
        result_.warnings.push_back(
            {0,
             0,
             fmt::format("{} more findings like these are not shown.", result_.suppressed),
             {},
             {},
             Severity::Info,
             {}});
}

bool Reader::claim(pugi::xml_node node, bool alreadySet) {
    if (alreadySet) {
        reject("structure.duplicate",
               fmt::format("<{}> appears more than once; the first one is used", node.name()),
               "Remove the repeated element.");
        return false;
    }
    if (hasForeignAttributes(node)) { // xmlns declarations are namespace syntax, not settings
        reject("structure.attributes",
               fmt::format("<{}> has attributes this tool does not understand", node.name()));
        return false;
    }
    return true;
}

std::string Reader::value(pugi::xml_node node) {
    std::string text = textOf(node);
    const std::string changed = sanitizeText(text);
    if (!changed.empty())
        note(node, "xml.text-cleaned",
             fmt::format("in <{}>, {} because XML cannot carry it.", node.name(), changed));
    return text;
}

bool Reader::str(pugi::xml_node node, std::optional<std::string>& slot) {
    if (!claim(node, slot.has_value())) return false;
    if (elementCount(node) != 0) {
        reject("structure.shape",
               fmt::format("<{}> should hold text but holds other elements", node.name()));
        return false;
    }
    slot = value(node);
    return true;
}

bool Reader::flag(pugi::xml_node node, std::optional<bool>& slot) {
    std::optional<std::string> text;
    if (!claim(node, slot.has_value()) || !str(node, text)) return false;
    slot = parseBool(*text);
    if (!slot)
        reject("value.bool",
               isBlankText(*text)
                   ? fmt::format("<{}> is empty; a boolean must be true or false", node.name())
                   : fmt::format("<{}> must be true or false, not \"{}\"", node.name(), *text),
               "Write true or false, or remove the element to use Windows' default.");
    return slot.has_value();
}

bool Reader::uint(pugi::xml_node node, std::optional<std::uint32_t>& slot) {
    std::optional<std::string> text;
    if (!claim(node, slot.has_value()) || !str(node, text)) return false;
    slot = parseUint(*text);
    if (!slot)
        reject("value.number",
               isBlankText(*text)
                   ? fmt::format("<{}> is empty; it must be a whole number", node.name())
                   : fmt::format("<{}> must be a whole number, not \"{}\"", node.name(), *text),
               "Write a whole number, or remove the element.");
    return slot.has_value();
}

bool Reader::wrapped(pugi::xml_node node, const char* inner, std::optional<std::string>& slot) {
    if (!claim(node, slot.has_value())) return false;
    pugi::xml_node only = node.child(inner);
    if (elementCount(node) == 0 && hasSignificantText(node)) {
        const std::string text(trimmedText(node));
        reject(std::string_view(node.name()) == "App" ? "structure.app-text" : "structure.shape",
               fmt::format("<{}> holds {} as text; Windows expects it inside <{}><{}>", node.name(),
                           text.size() > 60 ? text.substr(0, 60) + "..." : text, node.name(),
                           inner),
               fmt::format("Write <{0}><{1}>{2}</{1}></{0}> (aovpn normalize --fix does).",
                           node.name(), inner, text.size() > 60 ? "..." : text));
        return false;
    }
    if (elementCount(node) != 1 || !only || hasSignificantText(node)) {
        reject("structure.shape",
               fmt::format("<{}> should hold exactly one <{}>", node.name(), inner));
        return false;
    }
    return str(only, slot);
}

void Reader::children(pugi::xml_node parent, std::vector<std::string>& extra,
                      const std::function<bool(pugi::xml_node)>& take) {
    for (pugi::xml_node c : parent.children()) {
        if (c.type() != pugi::node_element) continue;
        reason_.clear();
        rule_ = {};
        hint_.clear();
        if (take(c) || (reason_.empty() && takeCaseVariant(c, take))) continue;
        keep(c, extra);
    }
    if (hasSignificantText(parent))
        note(parent, "xml.stray-text",
             fmt::format("text directly inside <{}> is ignored.", parent.name()));
}

// <DNSServers> for <DnsServers>: read into the slot under its right name (so it is written that
// way), and reported, since Windows does not recognise the name as written.
bool Reader::takeCaseVariant(pugi::xml_node node, const std::function<bool(pugi::xml_node)>& take) {
    const std::string_view right = caseVariantIn(node.parent().name(), node.name());
    if (right.empty()) return false;
    const std::string written = node.name();
    node.set_name(std::string(right).c_str());
    if (!take(node)) {
        node.set_name(written.c_str());
        return false;
    }
    note(node, "structure.name-case",
         fmt::format("<{}> is spelled <{}>: element names are case-sensitive, so Windows does not "
                     "recognise it. It is read as <{}> and written that way.",
                     written, right, right),
         fmt::format("Rename it <{}> (saving or aovpn normalize does).", right));
    return true;
}

void Reader::keep(pugi::xml_node node, std::vector<std::string>& extra) {
    if (reason_.empty()) {
        KeptReason why = classifyUnknown(node.parent().name(), node.name());
        note(node, why.rule, why.sentence, std::move(why.hint));
    } else {
        note(node, rule_,
             fmt::format("{}. It is kept as it is, at the end of <{}>.", reason_,
                         node.parent().name()),
             std::move(hint_));
    }
    extra.push_back(rawElement(node));
}

} // namespace aovpn::xml
