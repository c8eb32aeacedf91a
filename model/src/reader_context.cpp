#include "structure_check.hpp"
#include "xml_names.hpp"
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
    pugi::xml_node badName;
    std::string badNameWhy;
    std::vector<pugi::xml_node> blanked; // removed after the walk

    bool for_each(pugi::xml_node& node) override {
        if (depth() > kMaxDepth) {
            tooDeep = node;
            return false;
        }
        const pugi::xml_node_type type = node.type();
        if (type == pugi::node_pcdata || type == pugi::node_cdata) {
            sanitizeValue(node, type);
        } else if (type == pugi::node_element) {
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
    if (p.badName) {
        error(p.badName, "xml.malformed",
              fmt::format("this is not well-formed XML: {}.", p.badNameWhy));
        return false;
    }
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
    if (!alreadySet && !node.first_attribute()) return true; // the usual case
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

bool Reader::text(pugi::xml_node node, std::string& out) {
    // The usual value element: one text child (already cleaned by prepare()).
    const pugi::xml_node only = node.first_child();
    if (!only) {
        out.clear();
        return true;
    }
    if (only.type() == pugi::node_pcdata && !only.next_sibling()) {
        out.assign(only.value());
        return true;
    }
    if (elementCount(node) != 0) {
        reject("structure.shape",
               fmt::format("<{}> should hold text but holds other elements", node.name()));
        return false;
    }
    out = value(node);
    return true;
}

std::optional<bool> Reader::boolean(pugi::xml_node node, const std::string& text) {
    const std::optional<bool> b = parseBool(text);
    if (!b)
        reject("value.bool",
               isBlankText(text)
                   ? fmt::format("<{}> is empty; a boolean must be true or false", node.name())
                   : fmt::format("<{}> must be true or false, not \"{}\"", node.name(), text),
               "Write true or false, or remove the element to use Windows' default.");
    return b;
}

std::optional<std::uint32_t> Reader::number(pugi::xml_node node, const std::string& text) {
    const std::optional<std::uint32_t> n = parseUint(text);
    if (!n)
        reject("value.number",
               isBlankText(text)
                   ? fmt::format("<{}> is empty; it must be a whole number", node.name())
                   : fmt::format("<{}> must be a whole number, not \"{}\"", node.name(), text),
               "Write a whole number, or remove the element.");
    return n;
}

bool Reader::unwrap(pugi::xml_node node, const char* innerName, pugi::xml_node& inner) {
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
    std::string raw;
    for (const std::string& c : commentsBefore)
        raw += "<!--" + c + "-->";
    extra.push_back(raw + rawElement(node));
}

} // namespace aovpn::xml
