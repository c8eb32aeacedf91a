#include "ui/edits.hpp"

#include "model/net.hpp"

#include <set>

namespace aovpn::ui {

namespace {
bool isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ';';
}
} // namespace

HostRoutePaste addHostRoutes(Profile& profile, std::string_view text) {
    HostRoutePaste out;
    std::set<std::string> existing;
    for (const Route& r : profile.routes)
        if (r.address && r.prefixSize && !r.exclusionRoute.value_or(false))
            existing.insert(*r.address + "/" + std::to_string(*r.prefixSize));
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSeparator(text[i]))
            ++i;
        std::size_t end = i;
        while (end < text.size() && !isSeparator(text[end]))
            ++end;
        if (end == i) break;
        const std::string_view token = text.substr(i, end - i);
        i = end;
        const auto ip = parseIp(token);
        if (!ip.ok) {
            out.rejected.emplace_back(token);
            continue;
        }
        Route r;
        r.address = formatIp(ip.value);
        r.prefixSize = static_cast<std::uint32_t>(ip.value.bitCount());
        if (!existing.insert(*r.address + "/" + std::to_string(*r.prefixSize)).second) {
            out.duplicates.push_back(*r.address);
            continue;
        }
        profile.routes.push_back(std::move(r));
        ++out.added;
    }
    return out;
}

} // namespace aovpn::ui
