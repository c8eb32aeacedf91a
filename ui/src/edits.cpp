#include "ui/edits.hpp"

#include "model/net.hpp"

#include <functional>
#include <set>

namespace aovpn::ui {

namespace {

bool isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ';';
}

// Calls `entry(token, line)` for every entry between separators.
void forEachEntry(std::string_view text, const std::function<void(std::string_view, int)>& entry) {
    int line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        for (; i < text.size() && isSeparator(text[i]); ++i)
            line += text[i] == '\n' ? 1 : 0;
        std::size_t end = i;
        while (end < text.size() && !isSeparator(text[end]))
            ++end;
        if (end == i) break;
        entry(text.substr(i, end - i), line);
        i = end;
    }
}

// The route an entry stands for, or why there is none (a sentence).
ParseResult<IpPrefix> routeOf(std::string_view entry) {
    if (entry.find('/') == std::string_view::npos) {
        const auto ip = parseIp(entry);
        if (!ip.ok) return ParseResult<IpPrefix>::failure(ip.error);
        return ParseResult<IpPrefix>::success({ip.value, ip.value.bitCount()});
    }
    const auto prefix = parsePrefix(entry);
    if (!prefix.ok) return prefix;
    if (!isOnBoundary(prefix.value.address, prefix.value.length))
        // Windows drops such a route silently; the user meant the network or a longer prefix.
        return ParseResult<IpPrefix>::failure(
            "'" + std::string(entry) + "' has host bits set (Windows drops such a route " +
            "silently): the network is " + formatPrefix(normalizePrefix(prefix.value)) + ".");
    return prefix;
}

} // namespace

RoutePaste addPastedRoutes(Profile& profile, std::string_view text) {
    RoutePaste out;
    std::set<std::string> existing;
    for (const Route& r : profile.routes)
        if (r.address && r.prefixSize && !r.exclusionRoute.value_or(false))
            existing.insert(*r.address + "/" + std::to_string(*r.prefixSize));
    forEachEntry(text, [&](std::string_view entry, int line) {
        const auto route = routeOf(entry);
        if (!route.ok) {
            out.rejected.push_back({std::string(entry), line, route.error});
            out.remaining += (out.remaining.empty() ? "" : "\n") + std::string(entry);
            return;
        }
        Route r;
        r.address = formatIp(route.value.address);
        r.prefixSize = static_cast<std::uint32_t>(route.value.length);
        const std::string key = *r.address + "/" + std::to_string(*r.prefixSize);
        if (!existing.insert(key).second) {
            out.duplicates.push_back(key);
            return;
        }
        profile.routes.push_back(std::move(r));
        ++out.added;
    });
    return out;
}

std::vector<PastedEntryProblem> pastedRouteProblems(std::string_view text) {
    std::vector<PastedEntryProblem> out;
    forEachEntry(text, [&](std::string_view entry, int line) {
        if (auto route = routeOf(entry); !route.ok)
            out.push_back({std::string(entry), line, route.error});
    });
    return out;
}

} // namespace aovpn::ui
