#include "structure_check.hpp"
#include "xml_names.hpp"
#include "xml_read.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace aovpn::xml {
namespace {

constexpr int kMaxDepth = 100; // real profiles nest about 15 deep

void reportCleaned(Reader& r, pugi::xml_node where, const std::string& changed) {
    r.note(where, "xml.text-cleaned",
           fmt::format("in <{}>, {} because XML cannot carry it.", where.name(), changed));
}

// Removes what XML cannot carry from a text node (reported); true when it is now blank text
// the parser would have dropped, so reading the written text gives the same tree.
bool cleanValue(Reader& r, pugi::xml_node node, pugi::xml_node_type type) {
    if (isPlainAscii(node.value())) return false; // almost always: no copy
    std::string v = node.value();
    const std::string changed = sanitizeText(v);
    if (changed.empty()) return false;
    node.set_value(v.c_str());
    reportCleaned(r, node.parent(), changed);
    const bool alone = !node.previous_sibling() && !node.next_sibling();
    return type == pugi::node_pcdata &&
           (v.empty() || (!alone && v.find_first_not_of(" \t\n") == std::string::npos));
}

// Iterative (pugixml's walker), so hostile nesting cannot exhaust the stack. `base` is the depth
// of the subtree's top element (the root's is 0).
class Preparer : public pugi::xml_tree_walker {
  public:
    Preparer(Reader& r, int base) : reader(r), base_(base) {}
    Reader& reader;
    pugi::xml_node tooDeep;
    pugi::xml_node badName;
    std::string badNameWhy;
    std::vector<pugi::xml_node> blanked; // removed after the walk

    bool for_each(pugi::xml_node& node) override { return visit(node, base_ + 1 + depth()); }

    bool visit(pugi::xml_node node, int at) {
        if (at > kMaxDepth) {
            tooDeep = node;
            return false;
        }
        const pugi::xml_node_type type = node.type();
        if (type == pugi::node_pcdata || type == pugi::node_cdata) {
            sanitizeValue(node, type);
        } else if (type == pugi::node_element) {
            expandText(node); // visited next, as a text child
            if (std::string why = checkNames(node); !why.empty()) {
                badName = node;
                badNameWhy = std::move(why);
                return false;
            }
            if (node.first_attribute()) sanitizeAttributes(node);
        }
        return true;
    }

  private:
    int base_;

    void sanitizeValue(pugi::xml_node node, pugi::xml_node_type type) {
        if (cleanValue(reader, node, type)) blanked.push_back(node);
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
        reportCleaned(reader, where, changed);
    }
};

int depthOf(pugi::xml_node node) {
    int d = 0;
    for (pugi::xml_node p = node.parent(); p && p.type() == pugi::node_element; p = p.parent())
        ++d;
    return d;
}

} // namespace

bool Reader::check(pugi::xml_node node) {
    if (failed_) return false;
    Preparer p(*this, depthOf(node));
    if (p.visit(node, depthOf(node))) node.traverse(p);
    for (pugi::xml_node n : p.blanked)
        n.parent().remove_child(n);
    if (p.badName) {
        error(p.badName, "xml.malformed",
              fmt::format("this is not well-formed XML: {}.", p.badNameWhy));
    } else if (p.tooDeep) {
        error(p.tooDeep, "xml.too-deep",
              fmt::format("elements are nested more than {} deep; this is not a VPN "
                          "profile.",
                          kMaxDepth));
    }
    failed_ = failed_ || p.badName || p.tooDeep;
    return !failed_;
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

bool Reader::cleanText(pugi::xml_node node) {
    if (!cleanValue(*this, node, node.type())) return true;
    node.parent().remove_child(node);
    return false;
}

void Reader::cleanTexts(pugi::xml_node parent) {
    expandText(parent);
    for (pugi::xml_node c = parent.first_child(), next; c; c = next) {
        next = c.next_sibling();
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) cleanText(c);
    }
}

bool Reader::checkAttributeNames(pugi::xml_node node) {
    if (failed_) return false;
    if (std::string why = checkNames(node); !why.empty()) {
        error(node, "xml.malformed", fmt::format("this is not well-formed XML: {}.", why));
        failed_ = true;
    }
    return !failed_;
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

bool Reader::claimChecked(pugi::xml_node node, bool alreadySet) {
    if (node.first_attribute() && !checkAttributeNames(node)) return false;
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

bool Reader::textChecked(pugi::xml_node node, std::string_view& out) {
    if (!check(node)) return false; // cleans the text (reported), checks what is inside
    pugi::xml_node only = node.first_child();
    if (!only) {
        out = {};
        return true;
    }
    if (only.type() == pugi::node_pcdata && !only.next_sibling()) {
        out = only.value();
        return true;
    }
    if (elementCount(node) != 0) {
        reject("structure.shape",
               fmt::format("<{}> should hold text but holds other elements", node.name()));
        return false;
    }
    cleaned_ = value(node);
    out = cleaned_;
    return true;
}

std::optional<bool> Reader::boolean(pugi::xml_node node, std::string_view text) {
    const std::optional<bool> b = parseBool(text);
    if (!b)
        reject("value.bool",
               isBlankText(text)
                   ? fmt::format("<{}> is empty; a boolean must be true or false", node.name())
                   : fmt::format("<{}> must be true or false, not \"{}\"", node.name(), text),
               "Write true or false, or remove the element to use Windows' default.");
    return b;
}

void Reader::rejectNumber(pugi::xml_node node, std::string_view text) {
    reject("value.number",
           isBlankText(text)
               ? fmt::format("<{}> is empty; it must be a whole number", node.name())
               : fmt::format("<{}> must be a whole number, not \"{}\"", node.name(), text),
           "Write a whole number, or remove the element.");
}

bool Reader::unwrap(pugi::xml_node node, const char* innerName, pugi::xml_node& inner) {
    cleanTexts(node); // the wrapper's own (indentation) text, which check() did not see
    inner = node.child(innerName);
    if (elementCount(node) == 0 && hasSignificantText(node)) {
        const std::string t = trimmedText(node);
        const std::string shown = t.size() > 60 ? t.substr(0, 60) + "..." : t;
        reject(std::string_view(node.name()) == "App" ? "structure.app-text" : "structure.shape",
               fmt::format("<{}> holds {} as text; Windows expects it inside <{}><{}>", node.name(),
                           shown, node.name(), innerName),
               fmt::format("Write <{0}><{1}>{2}</{1}></{0}> (aovpn normalize --fix does).",
                           node.name(), innerName, shown));
        return false;
    }
    if (elementCount(node) != 1 || !inner || hasSignificantText(node)) {
        reject("structure.shape",
               fmt::format("<{}> should hold exactly one <{}>", node.name(), innerName));
        return false;
    }
    return claim(inner, false);
}

void Reader::keep(pugi::xml_node node, std::vector<std::string>& extra,
                  const std::vector<std::string>& commentsBefore) {
    if (reason_.empty()) {
        KeptReason why = classifyUnknown(node.parent().name(), node.name());
        note(node, why.rule, why.sentence, std::move(why.hint));
    } else {
        note(node, rule_,
             fmt::format("{}. It is kept as it is, at the end of <{}>.", reason_,
                         node.parent().name()),
             std::move(hint_));
    }
    if (!check(node)) return;
    std::string raw;
    for (const std::string& c : commentsBefore)
        raw += "<!--" + c + "-->";
    extra.push_back(raw + rawElement(node));
}

} // namespace aovpn::xml
