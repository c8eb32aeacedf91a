#include "ui/widget_locator.hpp"

#include <map>
#include <set>
#include <utility>

namespace aovpn::ui {

namespace {
// withWhole: also the whole label when it has a "##" part (matched, but not worth listing).
std::vector<std::string> namesOf(const LocatedItem& item, bool withWhole = true) {
    std::vector<std::string> names;
    auto add = [&](std::string n) {
        if (n.empty()) return;
        for (const auto& have : names)
            if (have == n) return;
        names.push_back(std::move(n));
    };
    const auto hash = item.label.find("##");
    if (hash == std::string::npos) {
        add(item.label);
    } else {
        add(item.label.substr(0, hash));
        add(item.label.substr(hash + 2));
        if (withWhole) add(item.label);
    }
    add(item.column);
    return names;
}
} // namespace

bool itemAnswersTo(const LocatedItem& item, std::string_view name) {
    for (const auto& n : namesOf(item))
        if (n == name) return true;
    return false;
}

const LocatedItem* findItem(const std::vector<LocatedItem>& items, std::string_view name, int nth) {
    std::set<unsigned> seen; // an item reported twice in one frame is one widget
    for (const auto& it : items) {
        if (!itemAnswersTo(it, name) || !seen.insert(it.id).second) continue;
        if (nth-- == 0) return &it;
    }
    return nullptr;
}

std::vector<std::string> addressableNames(const std::vector<LocatedItem>& items) {
    std::vector<std::string> out;
    std::map<std::string, int> count;
    std::set<std::pair<std::string, unsigned>> seen;
    for (const auto& it : items)
        for (const auto& n : namesOf(it, false)) {
            if (n.find('\n') != std::string::npos || !seen.insert({n, it.id}).second) continue;
            const int k = ++count[n];
            out.push_back(k == 1 ? n : n + " #" + std::to_string(k));
        }
    return out;
}

} // namespace aovpn::ui
