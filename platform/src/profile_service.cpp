// Apply, replace and remove with the safety rules every store shares. A replace is written down
// (journal, flushed) before anything changes, so a crash at any point leaves either the old
// profile, the new one, or a journal from which the next start puts the old one back; a failed
// create restores the exact XML this tool applied, not Windows' regenerated read-back.
#include "model/profile_xml.hpp"
#include "platform/profiles.hpp"

namespace aovpn::platform {

namespace {
using Phase = ReplaceJournal::Phase;

std::string inQuotes(std::string_view name) {
    return "\"" + std::string(name) + "\"";
}

bool isDeviceTunnelXml(const std::string& xml) {
    return readProfileXml(xml).profile.deviceTunnel.value_or(false);
}

void note(std::vector<std::string>& steps, const std::vector<std::string>& lines) {
    steps.insert(steps.end(), lines.begin(), lines.end());
}
} // namespace

LocalProfileService::LocalProfileService(ProfileStore& store, AppliedCopies& copies,
                                         ProfileGuard* guard)
    : store_(store), copies_(copies), guard_(guard) {}

std::optional<Error> LocalProfileService::checkTarget(const ProfileTarget& t,
                                                      const std::string& action) {
    if (t.kind == TunnelKind::Device) return std::nullopt;
    if (!t.user.sid.empty() && t.user.sid != kSystemSid) return std::nullopt;
    Error e = makeError(action, CodeKind::None, 0);
    e.meaning = "There is no user to write this user tunnel for: the app runs as SYSTEM and "
                "nobody is signed in to its session (a profile is never written for SYSTEM).";
    e.nextStep = "Name the user (aovpn ... --user DOMAIN\\name or SID), or run the app in the "
                 "user's session.";
    return e;
}

std::optional<Error> LocalProfileService::refuseSecondDeviceTunnel(const ProfileTarget& t,
                                                                   std::string_view name) {
    if (t.kind != TunnelKind::Device) return std::nullopt;
    auto all = store_.list(t);
    if (!all) return all.error();
    for (const auto& p : all.value()) {
        if (p.name == name || !isDeviceTunnelXml(p.xml)) continue;
        Error e = makeError("Apply the device tunnel " + inQuotes(name), CodeKind::None, 0);
        e.meaning = "This computer already has a device tunnel, " + inQuotes(p.name) +
                    ", and Windows allows only one per machine.";
        e.nextStep = "Remove " + inQuotes(p.name) + " first, or give this profile its name.";
        return e;
    }
    return std::nullopt;
}

ProfileListing LocalProfileService::listing(const ProfileTarget& t) {
    std::lock_guard lock(mutex_);
    ProfileListing out;
    if (auto e = checkTarget(t, "List the installed VPN profiles")) {
        out.error = std::move(e);
        return out;
    }
    out.recovered = recover(t);
    auto all = store_.list(t);
    if (all)
        out.profiles = std::move(all.value());
    else
        out.error = all.error();
    return out;
}

Result<std::vector<InstalledProfile>> ProfileService::list(const ProfileTarget& t) {
    ProfileListing l = listing(t);
    if (l.error) return *l.error;
    return std::move(l.profiles);
}

Result<std::optional<InstalledProfile>> LocalProfileService::find(const ProfileTarget& t,
                                                                  std::string_view name) {
    std::lock_guard lock(mutex_);
    if (auto e = checkTarget(t, "Look for the VPN profile " + inQuotes(name))) return *e;
    recover(t);
    return store_.find(t, name);
}

ApplyResult LocalProfileService::apply(const ProfileTarget& t, std::string_view name,
                                       std::string_view xml) {
    std::lock_guard lock(mutex_);
    ApplyResult r;
    const auto fail = [&r](Error e, const char* step) {
        r.error = std::move(e);
        r.steps.push_back(step);
        return r;
    };
    if (auto e = checkTarget(t, "Apply the VPN profile " + inQuotes(name)))
        return fail(*e, "Nothing was changed.");
    note(r.steps, recover(t));
    auto existing = store_.find(t, name);
    if (!existing)
        return fail(existing.error(),
                    "Could not look for an installed profile; nothing was changed.");
    const bool replacing = existing.value().has_value();
    if (guard_)
        if (auto s = guard_->checkBeforeCreate(t, name, replacing); !s.ok())
            return fail(*s.error, "Nothing was changed.");
    if (auto e = refuseSecondDeviceTunnel(t, name)) return fail(*e, "Nothing was changed.");
    ReplaceJournal j = journalFor(t, name, xml, existing.value(), r);
    // Written and flushed BEFORE anything changes: the next start finishes or rolls back a
    // replace a crash interrupts from here on.
    if (auto s = copies_.writeJournal(j); !s.ok())
        return fail(*s.error, "Could not write down the replace; nothing was changed.");
    if (replacing) {
        if (!deleteExisting(t, *existing.value(), r)) {
            copies_.clearJournal(t, name);
            return r;
        }
        j.phase = Phase::Creating;
        copies_.writeJournal(j); // if this fails the journal says "deleting": same recovery
    }
    createNew(t, name, xml, j.previousIsOurs, r);
    copies_.clearJournal(t, name);
    return r;
}

// What a crash must be able to undo: the previous XML (our copy when we have one) and the new.
ReplaceJournal LocalProfileService::journalFor(const ProfileTarget& t, std::string_view name,
                                               std::string_view xml,
                                               const std::optional<InstalledProfile>& existing,
                                               ApplyResult& r) {
    ReplaceJournal j{t, std::string(name), Phase::Creating, std::nullopt, false, std::string(xml)};
    if (!existing) return j;
    auto ours = copies_.load(t, name);
    j.previousIsOurs = ours && ours.value();
    j.previousXml = j.previousIsOurs ? *ours.value() : existing->xml;
    j.phase = Phase::Deleting;
    r.previousXml = *j.previousXml;
    r.steps.push_back("Found the installed profile " + inQuotes(name) + "; kept " +
                      (j.previousIsOurs ? "the XML this tool applied"
                                        : "Windows' read-back (no copy of ours exists)") +
                      " (" + std::to_string(j.previousXml->size()) + " bytes) to restore.");
    return j;
}

bool LocalProfileService::deleteExisting(const ProfileTarget& t, const InstalledProfile& p,
                                         ApplyResult& r) {
    if (guard_)
        if (auto s = guard_->hangUp(t, p.name); !s.ok()) {
            r.error = s.error;
            r.steps.push_back("Could not hang up the connection; nothing was changed.");
            return false;
        }
    if (auto s = store_.remove(t, p); !s.ok()) {
        r.error = s.error;
        r.steps.push_back("Could not delete the installed profile; nothing was changed.");
        return false;
    }
    r.replaced = true;
    r.steps.push_back("Deleted the installed profile (InstanceID " + p.instanceId + ").");
    return true;
}

void LocalProfileService::createNew(const ProfileTarget& t, std::string_view name,
                                    std::string_view xml, bool previousIsOurs, ApplyResult& r) {
    const LeftoverReport left = store_.cleanLeftovers(t, name);
    for (const auto& line : left.removed)
        r.steps.push_back("Cleaned a leftover: " + line);
    const Status created = store_.create(t, name, xml);
    if (created.ok()) {
        r.ok = true;
        r.steps.push_back("Created the profile " + inQuotes(name) + ".");
        if (auto s = copies_.save(t, name, xml); !s.ok())
            r.steps.push_back("Could not keep a copy of the applied XML: " + s.error->describe());
        return;
    }
    r.error = created.error;
    r.steps.push_back("Creating the profile failed.");
    if (r.replaced) restore(t, name, previousIsOurs, r);
}

// Create failed after the old profile was deleted: put back what we kept and say from what.
void LocalProfileService::restore(const ProfileTarget& t, std::string_view name, bool ours,
                                  ApplyResult& r) {
    r.steps.push_back(std::string("Re-creating the previous profile from ") +
                      (ours ? "the XML this tool applied."
                            : "Windows' read-back (no copy of ours existed; Windows regenerates "
                              "that XML, so check the profile)."));
    const Status back = store_.create(t, name, r.previousXml);
    if (back.ok()) {
        r.restoredPrevious = true;
        r.restoredFromReadBack = !ours;
        if (ours) copies_.save(t, name, r.previousXml);
        r.steps.push_back("The previous profile is back in place; nothing was lost.");
        return;
    }
    r.restoreError = back.error;
    r.steps.push_back("Could NOT re-create the previous profile. Its XML is kept in this result: "
                      "save it before closing.");
}

RemoveResult LocalProfileService::remove(const ProfileTarget& t, std::string_view name) {
    std::lock_guard lock(mutex_);
    RemoveResult r;
    if (auto e = checkTarget(t, "Remove the VPN profile " + inQuotes(name))) {
        r.error = *e;
        return r;
    }
    note(r.steps, recover(t));
    auto existing = store_.find(t, name);
    if (!existing) {
        r.error = existing.error();
        return r;
    }
    r.existed = existing.value().has_value();
    if (r.existed) {
        if (guard_)
            if (auto s = guard_->hangUp(t, name); !s.ok()) {
                r.error = s.error;
                return r;
            }
        if (auto s = store_.remove(t, *existing.value()); !s.ok()) {
            r.error = s.error;
            return r;
        }
        r.steps.push_back("Deleted the profile " + inQuotes(name) + " (InstanceID " +
                          existing.value()->instanceId + ").");
    }
    // Leftovers are cleaned even when the profile was already gone (they break a re-create).
    r.leftovers = store_.cleanLeftovers(t, name);
    copies_.erase(t, name);
    r.ok = true;
    return r;
}

std::vector<std::string> LocalProfileService::recover(const ProfileTarget& t) {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    if (checkTarget(t, "")) return out;
    auto js = copies_.journals(t);
    if (!js) {
        out.push_back("Could not read the replace journals: " + js.error().describe());
        return out;
    }
    for (const auto& j : js.value())
        out.push_back(recoverOne(j));
    return out;
}

// One interrupted replace: the journal's phase and whether the profile is there tell how far it
// got. Anything unfinished is rolled back to the previous profile.
std::string LocalProfileService::recoverOne(const ReplaceJournal& j) {
    const std::string what = "An apply of " + inQuotes(j.name) + " was interrupted";
    auto present = store_.find(j.target, j.name);
    if (!present) return what + "; could not check the profile: " + present.error().describe();
    if (present.value()) {
        copies_.clearJournal(j.target, j.name);
        if (j.phase == Phase::Deleting) return what + " before it changed anything.";
        copies_.save(j.target, j.name, j.newXml);
        return what + " after the new profile was created; finished it.";
    }
    if (!j.previousXml) {
        copies_.clearJournal(j.target, j.name);
        return what + " before the profile was created; nothing was installed.";
    }
    const Status back = store_.create(j.target, j.name, *j.previousXml);
    if (!back.ok())
        return what +
               "; putting back the previous profile failed (the journal is kept for the "
               "next try): " +
               back.error->describe();
    if (j.previousIsOurs) copies_.save(j.target, j.name, *j.previousXml);
    copies_.clearJournal(j.target, j.name);
    return what + " after the old profile was deleted; put the previous profile back" +
           (j.previousIsOurs ? "." : " (from Windows' read-back).");
}

namespace {
// What a failed look-up says about this PC: no MDM bridge, not elevated, no user, or unknown.
InstallState stateOfLookupError(const ProfileTarget& t, const Error& e) {
    if (e.kind == CodeKind::HResult && (e.code == 0x8004100E || e.code == 0x80041010))
        return InstallState::NoMdmBridge;
    if ((e.kind == CodeKind::HResult && (e.code == 0x80041003 || e.code == 0x80070005)) ||
        (e.kind == CodeKind::Win32 && e.code == 5))
        return InstallState::NeedsElevation;
    if (t.kind == TunnelKind::User && (t.user.sid.empty() || t.user.sid == kSystemSid))
        return InstallState::NoUser;
    return InstallState::Unknown;
}
} // namespace

InstallStatus ProfileService::installState(const ProfileTarget& t, std::string_view name) {
    InstallStatus s;
    if (name.empty()) {
        // No profile yet (the start page, a profile without a name): only whether this PC can
        // take profiles at all. A listing that works says nothing, so there is no text.
        auto all = list(t);
        if (all) return s;
        s.error = all.error();
    } else if (auto found = find(t, name)) {
        s.state = found.value() ? InstallState::Installed : InstallState::NotInstalled;
    } else {
        s.error = found.error();
    }
    if (s.error) s.state = stateOfLookupError(t, *s.error);
    s.text = installStateText(s.state, t);
    return s;
}

std::string installStateText(InstallState state, const ProfileTarget& t) {
    switch (state) {
    case InstallState::Installed:
        return "Installed for " + describeTarget(t);
    case InstallState::NotInstalled:
        return "Not installed";
    case InstallState::NoMdmBridge:
        return "This PC cannot take Always On VPN profiles (no MDM bridge): use the Intune or "
               "PowerShell export";
    case InstallState::NeedsElevation:
        return "Unknown: reading installed profiles needs administrator rights";
    case InstallState::NoUser:
        return "No user in this session to install for";
    case InstallState::Unknown:
        break;
    }
    return "Unknown: the installed profiles could not be read";
}

std::string describeTarget(const ProfileTarget& t) {
    if (t.kind == TunnelKind::Device) return "this computer (device tunnel)";
    return t.user.name.empty() ? t.user.sid : t.user.name;
}

} // namespace aovpn::platform
