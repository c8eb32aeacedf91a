// Diagnostics in the "file:line:col: severity: message" form, and finding the line a field
// path refers to.
#include "cli.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <charconv>
#include <cstdio>

namespace aovpn::cli {
namespace {

std::string_view localName(std::string_view name) {
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// "Route[3]" -> {"Route", 3}; "Servers" -> {"Servers", 0}.
std::pair<std::string_view, std::size_t> splitSegment(std::string_view segment) {
    const std::size_t open = segment.find('[');
    if (open == std::string_view::npos) return {segment, 0};
    std::size_t index = 0;
    std::from_chars(segment.data() + open + 1, segment.data() + segment.size(), index);
    return {segment.substr(0, open), index};
}

pugi::xml_node childAt(pugi::xml_node parent, std::string_view name, std::size_t index) {
    pugi::xml_node first;
    std::size_t seen = 0;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element || localName(c.name()) != name) continue;
        if (!first) first = c;
        if (seen++ == index) return c;
    }
    return first; // an index into a list inside one element (Servers[1]) lands on the element
}

std::pair<int, int> lineColumn(std::string_view text, std::size_t offset) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

// XmlDiagnostic messages start with "Line L, column C: " when placed; we print the place
// in front already.
std::string_view withoutPlace(const XmlDiagnostic& d) {
    std::string_view m = d.message;
    if (d.line > 0 && m.starts_with("Line ")) {
        const std::size_t colon = m.find(": ");
        if (colon != std::string_view::npos) m.remove_prefix(colon + 2);
    }
    return m;
}

} // namespace

void report(std::string_view file, int line, int column, std::string_view severity,
            std::string_view message) {
    if (line > 0)
        fmt::print(stderr, "{}:{}:{}: {}: {}\n", file, line, column, severity, message);
    else
        fmt::print(stderr, "{}: {}: {}\n", file, severity, message);
}

void reportXml(std::string_view file, const XmlDiagnostic& d, std::string_view severity) {
    report(file, d.line, d.line > 0 ? d.column : 0, severity, withoutPlace(d));
}

void reportFinding(std::string_view file, const XmlDiagnostic& d) {
    const int column = d.line > 0 ? d.column : 0;
    std::string message(withoutPlace(d));
    if (!d.rule.empty())
        message += d.field.empty() ? fmt::format(" [{}]", d.rule)
                                   : fmt::format(" [{}] ({})", d.rule, d.field);
    report(file, d.line, column, severityName(d.severity), message);
    if (!d.hint.empty()) report(file, d.line, column, "note", d.hint);
}

std::pair<int, int> locateField(std::string_view xml, std::string_view field) {
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size())) return {0, 0};
    pugi::xml_node node = doc.document_element();
    std::size_t start = 0;
    while (node && start <= field.size()) {
        const std::size_t slash = field.find('/', start);
        const auto [name, index] = splitSegment(field.substr(start, slash - start));
        pugi::xml_node next = childAt(node, name, index);
        if (!next) break;
        node = next;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return {0, 0};
    std::size_t at = static_cast<std::size_t>(offset);
    if (at > 0 && xml[at - 1] == '<') --at; // point at the '<'
    return lineColumn(xml, at);
}

std::size_t reportIssues(const LoadedProfile& loaded, const std::vector<Issue>& issues,
                         bool errorsOnly) {
    std::size_t errors = 0;
    for (const Issue& issue : issues) {
        if (issue.severity == Severity::Error) ++errors;
        if (errorsOnly && issue.severity != Severity::Error) continue;
        const auto [line, column] = locateField(loaded.read.source, issue.field);
        report(loaded.path, line, column, severityName(issue.severity),
               fmt::format("{} [{}] ({})", issue.message, issue.rule, issue.field));
        if (!issue.hint.empty()) report(loaded.path, line, column, "note", issue.hint);
    }
    return errors;
}

} // namespace aovpn::cli
