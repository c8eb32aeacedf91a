// Repair auto-connect and the hidden phonebook check (ui/repairs.hpp): worker calls to the
// platform's ConnectionTester, questions from the platform's own words.
#include "ui/repairs.hpp"

#include "ui/actions.hpp"
#include "ui/dialogs.hpp"
#include "ui/tasks.hpp"

#include "profile_task.hpp"
#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {

constexpr ImVec4 kAmber{0.70f, 0.45f, 0.0f, 1.0f};

// The action bar is one line: the full text where it fits before the window's edge (leaving
// `button` for what follows it), else the brief one; the tooltip always has the whole sentence.
std::string fitting(std::string full, std::string brief, const char* button) {
    const float need =
        ImGui::CalcTextSize(full.c_str()).x +
        (button ? ImGui::CalcTextSize(button).x + 4.0f * ImGui::GetStyle().FramePadding.x : 0.0f);
    return need <= ImGui::GetContentRegionAvail().x ? full : brief;
}

void separator() {
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
}

// What both repairs need before anything else.
std::string whyNoRepair(const AppState& state) {
    if (state.view.startPage) return "Choose a template, a file or an installed profile first.";
    if (!state.platform) return "No platform in this session.";
    if (state.tasks->busy()) return "Wait: " + state.tasks->what() + " is still running.";
    if (!state.platform->connections().available())
        return state.platform->connections().unavailableReason();
    return {};
}

void moveAside(AppState& state) {
    runProfileTask(
        state, "Moving the hidden phonebook aside",
        [](const ProfileJob& job, std::stop_token, TaskRunner&) {
            return job.platform->connections().moveHiddenPhonebookAside(job.target);
        },
        [](AppState& s, const ProfileJob&, const platform::Result<std::string>& moved) {
            if (!moved) return reportError(s, "Moving the phonebook aside failed", moved.error());
            appendLog(s.view, LogLevel::Info,
                      "Moved the hidden phonebook aside to " + moved.value() +
                          " (kept as a backup). Apply the profile again to write its entry.");
            s.install.hiddenPhonebook.reset();
            refreshInstalled(s);
        });
}

} // namespace

RepairAvailability availableRepairs(const AppState& state) {
    RepairAvailability a;
    a.whyAutoConnect = a.whyPhonebook = whyNoRepair(state);
    if (a.whyPhonebook.empty() && currentTarget(state).kind == platform::TunnelKind::Device)
        a.whyPhonebook = "A device tunnel has no hidden phonebook (it is a user's file).";
    if (a.whyAutoConnect.empty() && profileName(state).empty())
        a.whyAutoConnect = "The profile needs a name.";
    if (a.whyAutoConnect.empty() && !state.install.installed.value_or(false))
        a.whyAutoConnect = "\"" + profileName(state) + "\" is not installed for " +
                           targetDescription(state) + ": Apply it first.";
    // RasMan\Config is under HKLM and RasMan is a service: both need administrator rights.
    const auto& session = state.install.session;
    if (a.whyAutoConnect.empty() && (!session || !(session->elevated || session->runningAsSystem)))
        a.whyAutoConnect = "Needs administrator rights (HKLM and the RasMan service): "
                           "Profile > Restart as administrator first.";
    a.autoConnect = a.whyAutoConnect.empty();
    a.phonebook = a.whyPhonebook.empty();
    return a;
}

void requestRepairAutoConnect(AppState& state) {
    if (!availableRepairs(state).autoConnect) return;
    using Now = platform::Result<platform::AutoTriggerStatus>;
    runProfileTask(
        state, "Reading the auto-connect settings",
        [](const ProfileJob& job, std::stop_token, TaskRunner&) {
            return job.platform->connections().autoTriggerStatus(job.name);
        },
        [](AppState& s, const ProfileJob& job, const Now& now) {
            if (now) s.install.autoTrigger = now.value();
            ask(s, Question{"Repair auto-connect",
                            platform::autoTriggerRepairPlan(job.target, job.name,
                                                            now ? &now.value() : nullptr),
                            {{"Repair", startRepairAutoConnect}, {"Cancel", {}}}});
        },
        IfMovedOn::Drop);
}

void startRepairAutoConnect(AppState& state) {
    appendLog(state.view, LogLevel::Info,
              "Repairing auto-connect for \"" + profileName(state) + "\" of " +
                  targetDescription(state) + "...");
    runProfileTask(
        state, "Repairing auto-connect",
        [](const ProfileJob& job, std::stop_token, TaskRunner& t) {
            t.setProgress("RasMan\\Config, then restarting RasMan");
            return job.platform->connections().repairAutoTrigger(job.target, job.name);
        },
        [](AppState& s, const ProfileJob&, const platform::Result<std::vector<std::string>>& done) {
            if (!done) return reportError(s, "Repair auto-connect failed", done.error());
            for (const auto& line : done.value())
                appendLog(s.view, LogLevel::Info, "  " + line);
            appendLog(s.view, LogLevel::Info, "Auto-connect repaired.");
            refreshInstalled(s); // reads the owner again for the status
        });
}

void requestPhonebookCheck(AppState& state) {
    if (!availableRepairs(state).phonebook) return;
    using Check = platform::Result<platform::PhonebookCheck>;
    runProfileTask(
        state, "Checking the hidden phonebook",
        [](const ProfileJob& job, std::stop_token, TaskRunner&) {
            return job.platform->connections().checkHiddenPhonebook(job.target);
        },
        [](AppState& s, const ProfileJob& job, const Check& check) {
            if (!check) return reportError(s, "Checking the phonebook failed", check.error());
            s.install.hiddenPhonebook = check.value();
            if (!check.value().corrupted) {
                appendLog(s.view, LogLevel::Info, check.value().summary);
                s.view.status = "Hidden phonebook: nothing wrong (see the log).";
                return;
            }
            appendLog(s.view, LogLevel::Warning, check.value().summary);
            ask(s, Question{"Move the phonebook aside",
                            platform::phonebookMovePlan(job.target, check.value()),
                            {{"Move aside", moveAside}, {"Cancel", {}}}});
        });
}

void drawRepairStatus(AppState& state) {
    const RepairAvailability a = availableRepairs(state);
    if (const auto& trigger = state.install.autoTrigger) {
        const auto target = currentTarget(state);
        const std::string name = profileName(state);
        const bool problem = trigger->disabledForProfile ||
                             platform::autoTriggerOwnedElsewhere(*trigger, target, name);
        separator();
        const std::string mark = problem ? "(!) " : "";
        const std::string owner =
            fitting(mark + "Auto-connect: " + platform::autoTriggerOwner(*trigger) +
                        (trigger->disabledForProfile ? ", off for this profile" : ""),
                    mark + "Auto-connect", problem ? "Repair..." : nullptr);
        if (problem)
            ImGui::TextColored(kAmber, "%s", owner.c_str());
        else
            ImGui::TextUnformatted(owner.c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", platform::autoTriggerSummary(*trigger, target, name).c_str());
        if (problem) {
            ImGui::SameLine();
            ImGui::BeginDisabled(!a.autoConnect);
            if (ImGui::SmallButton("Repair...")) requestRepairAutoConnect(state);
            ImGui::EndDisabled();
            disabledTip(!a.autoConnect, a.whyAutoConnect);
        }
    }
    if (const auto& pbk = state.install.hiddenPhonebook; pbk && pbk->corrupted) {
        separator();
        const std::string text =
            fitting("(!) Hidden phonebook corrupted", "(!) Phonebook", "Move aside...");
        ImGui::TextColored(kAmber, "%s", text.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", pbk->summary.c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(!a.phonebook);
        if (ImGui::SmallButton("Move aside...")) requestPhonebookCheck(state);
        ImGui::EndDisabled();
        disabledTip(!a.phonebook, a.whyPhonebook);
    }
}

} // namespace aovpn::ui
