// Diagnostics in the "file:line:col: severity: message" form.
#include "model/field_path.hpp"

#include "cli.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace aovpn::cli {
namespace {

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

std::size_t reportIssues(const LoadedProfile& loaded, const std::vector<Issue>& issues,
                         bool errorsOnly) {
    // Every place in one pass over the text (a finding each for 10,000 routes stays linear).
    std::vector<std::string> fields;
    fields.reserve(issues.size());
    for (const Issue& issue : issues)
        if (!errorsOnly || issue.severity == Severity::Error) fields.push_back(issue.field);
    const std::vector<TextPosition> places = locateFields(loaded.read.source, fields);
    std::size_t errors = 0, k = 0;
    for (const Issue& issue : issues) {
        if (issue.severity == Severity::Error) ++errors;
        if (errorsOnly && issue.severity != Severity::Error) continue;
        const auto [line, column] = places[k++];
        report(loaded.path, line, column, severityName(issue.severity),
               fmt::format("{} [{}] ({})", issue.message, issue.rule, issue.field));
        if (!issue.hint.empty()) report(loaded.path, line, column, "note", issue.hint);
    }
    return errors;
}

} // namespace aovpn::cli
