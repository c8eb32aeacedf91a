// Rendering and exit code of a Check gateway report.
#include "model/gateway_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace aovpn {
namespace {

// A JSON string literal: quotes, backslash and control characters escaped; UTF-8 kept.
std::string json(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20) {
            out += fmt::format("\\u{:04x}", u);
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string jsonList(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + json(items[i]);
    return out + "]";
}

std::string itemJson(const CheckItem& i) {
    return fmt::format(R"({{"check": {}, "status": {}, "summary": {}, "detail": {}}})",
                       json(i.check), json(checkStatusName(i.status)), json(i.summary),
                       json(i.detail));
}

std::string serverJson(const ServerCheck& s) {
    std::string items;
    for (std::size_t i = 0; i < s.items.size(); ++i)
        items += fmt::format("{}\n        {}", i ? "," : "", itemJson(s.items[i]));
    return fmt::format("{{\"server\": {}, \"addresses\": {}, \"checks\": [{}\n      ]}}",
                       json(s.server), jsonList(s.addresses), items);
}

} // namespace

std::string_view checkStatusName(CheckStatus status) {
    switch (status) {
    case CheckStatus::Pass:
        return "pass";
    case CheckStatus::Fail:
        return "fail";
    case CheckStatus::Warning:
        return "warning";
    case CheckStatus::Inconclusive:
        return "inconclusive";
    case CheckStatus::Skipped:
        return "skipped";
    case CheckStatus::CouldNotRun:
        return "could-not-run";
    }
    return "could-not-run";
}

int checkExitCode(const GatewayReport& report) {
    bool couldNotRun = report.cancelled;
    for (const ServerCheck& s : report.servers)
        for (const CheckItem& i : s.items) {
            if (i.status == CheckStatus::Fail) return kCheckExitFailure;
            if (i.status == CheckStatus::CouldNotRun) couldNotRun = true;
        }
    return couldNotRun ? kCheckExitCouldNotRun : kCheckExitOk;
}

std::vector<std::string> standardNotes() {
    return {"One IKE_SA_INIT shows the IKE SA proposal, the key exchange and the CAs the gateway "
            "asks for; the ESP (child SA) proposal, EAP and the certificates themselves are "
            "checked only in IKE_AUTH, which this check does not send: it cannot see those "
            "problems.",
            "Each server is asked once per protocol; nothing is scanned."};
}

std::string renderReportText(const GatewayReport& r) {
    std::string out =
        fmt::format("Check gateway: {}\n", r.profileName.empty() ? "(no name)" : r.profileName);
    for (const ServerCheck& s : r.servers) {
        out += fmt::format(
            "\n{}{}\n", s.server,
            s.addresses.empty() ? "" : fmt::format(" ({})", fmt::join(s.addresses, ", ")));
        for (const CheckItem& i : s.items) {
            out += fmt::format("  [{}] {}: {}\n", checkStatusName(i.status), i.check, i.summary);
            if (!i.detail.empty()) out += fmt::format("      {}\n", i.detail);
        }
    }
    if (r.cancelled) out += "\nCancelled before every check ran.\n";
    for (const std::string& n : r.notes)
        out += fmt::format("\nNote: {}\n", n);
    return out;
}

std::string renderReportJson(const GatewayReport& r) {
    std::string servers;
    for (std::size_t i = 0; i < r.servers.size(); ++i)
        servers += fmt::format("{}\n    {}", i ? "," : "", serverJson(r.servers[i]));
    return fmt::format("{{\n  \"profile\": {},\n  \"exitCode\": {},\n  \"cancelled\": {},\n"
                       "  \"servers\": [{}\n  ],\n  \"notes\": {}\n}}\n",
                       json(r.profileName), checkExitCode(r), r.cancelled ? "true" : "false",
                       servers, jsonList(r.notes));
}

} // namespace aovpn
