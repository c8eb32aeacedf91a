// Apply and remove with the safety rules every profile store shares: replacing keeps the old XML
// and puts it back when the new one cannot be created, so nothing is lost silently.
#include "platform/platform.hpp"

namespace aovpn::platform {

namespace {
std::string quoted(std::string_view name) {
    return "\"" + std::string(name) + "\"";
}

// Create failed after the old profile was deleted: put the old one back and say so.
void restorePrevious(ProfileStore& store, const ProfileTarget& target, std::string_view name,
                     ApplyResult& r) {
    r.steps.push_back("Re-creating the previous profile " + quoted(name) + ".");
    const Status back = store.create(target, name, r.previousXml);
    if (back.ok()) {
        r.restoredPrevious = true;
        r.steps.push_back("The previous profile is back in place; nothing was lost.");
        return;
    }
    r.restoreError = back.error;
    r.steps.push_back("Could NOT re-create the previous profile. Its XML is kept in this result: "
                      "save it before closing.");
}
} // namespace

ApplyResult applyProfile(ProfileStore& store, const ProfileTarget& target, std::string_view name,
                         std::string_view xml) {
    ApplyResult r;
    auto existing = store.find(target, name);
    if (!existing) {
        r.error = existing.error();
        r.steps.push_back("Could not look for an existing profile; nothing was changed.");
        return r;
    }
    if (existing.value()) {
        r.previousXml = existing.value()->xml;
        r.steps.push_back("Found an installed profile " + quoted(name) + "; kept its XML (" +
                          std::to_string(r.previousXml.size()) + " bytes).");
        const Status del = store.remove(target, name);
        if (!del.ok()) {
            r.error = del.error;
            r.steps.push_back("Could not delete it; nothing was changed.");
            return r;
        }
        r.replaced = true;
        r.steps.push_back("Deleted the installed profile.");
    }
    const Status created = store.create(target, name, xml);
    if (created.ok()) {
        r.ok = true;
        r.steps.push_back("Created the profile " + quoted(name) + ".");
        return r;
    }
    r.error = created.error;
    r.steps.push_back("Creating the profile failed.");
    if (r.replaced) restorePrevious(store, target, name, r);
    return r;
}

RemoveResult removeProfile(ProfileStore& store, const ProfileTarget& target,
                           std::string_view name) {
    RemoveResult r;
    auto existing = store.find(target, name);
    if (!existing) {
        r.error = existing.error();
        return r;
    }
    r.existed = existing.value().has_value();
    if (r.existed) {
        const Status del = store.remove(target, name);
        if (!del.ok()) {
            r.error = del.error;
            return r;
        }
    }
    // Leftovers are cleaned even when the profile was already gone (they break a re-create).
    r.leftovers = store.cleanLeftovers(target, name);
    r.ok = true;
    return r;
}

} // namespace aovpn::platform
