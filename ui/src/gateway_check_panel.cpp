// The Check gateway button and report window. The probe runs on the action worker (it blocks
// for up to the timeout per server and protocol); the window shows its progress and Cancel.
#include "ui/gateway_check.hpp"
#include "ui/tasks.hpp"

#include "widgets.hpp"

#include <imgui.h>

namespace aovpn::ui {

namespace {

ImVec4 statusColour(CheckStatus s) {
    switch (s) {
    case CheckStatus::Pass:
        return ImVec4(0.35f, 0.75f, 0.35f, 1.0f);
    case CheckStatus::Fail:
        return severityColour(Severity::Error);
    case CheckStatus::Warning:
    case CheckStatus::Inconclusive:
    case CheckStatus::CouldNotRun:
        return severityColour(Severity::Warning);
    case CheckStatus::Skipped:
        break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

// Why the button is disabled ("" when it can run).
std::string whyNoCheck(const AppState& state) {
    if (!state.checkGateway) return "This build has no gateway probe.";
    if (state.tasks->busy()) return "Wait for \"" + state.tasks->what() + "\" to finish.";
    return {};
}

void drawReport(const GatewayReport& r) {
    for (const ServerCheck& s : r.servers) {
        ImGui::SeparatorText(s.server.c_str());
        for (const CheckItem& i : s.items) {
            ImGui::TextColored(statusColour(i.status), "[%s]",
                               std::string(checkStatusName(i.status)).c_str());
            ImGui::SameLine();
            ImGui::TextWrapped("%s: %s", i.check.c_str(), i.summary.c_str());
            if (!i.detail.empty()) {
                ImGui::Indent();
                ImGui::PushStyleColor(ImGuiCol_Text,
                                      ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                ImGui::TextWrapped("%s", i.detail.c_str());
                ImGui::PopStyleColor();
                ImGui::Unindent();
            }
        }
    }
    if (r.cancelled) ImGui::TextColored(statusColour(CheckStatus::Warning), "Cancelled.");
    if (!r.notes.empty()) ImGui::SeparatorText("What this check cannot see");
    for (const std::string& n : r.notes) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", n.c_str());
    }
}

// Server / ports / timeout (as the CLI's flags) and Check again, disabled while running.
void drawOptions(AppState& state, GatewayCheckView& v) {
    ImGui::BeginDisabled(v.running);
    const float w = 80.0f * state.view.dpiScale;
    ImGui::SetNextItemWidth(4.0f * w);
    inputText("Server", v.server, "the profile's servers");
    ImGui::SetNextItemWidth(w);
    ImGui::InputInt("IKE port", &v.ikePort, 0);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::InputInt("SSTP port", &v.sstpPort, 0);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::InputFloat("Timeout (s)", &v.timeoutSeconds, 0.0f, 0.0f, "%.1f");
    const bool again = ImGui::Button("Check again");
    ImGui::EndDisabled();
    if (again) startCheckGateway(state);
    ImGui::SameLine();
    ImGui::BeginDisabled(!v.report);
    if (ImGui::Button("Copy report")) ImGui::SetClipboardText(renderReportText(*v.report).c_str());
    ImGui::EndDisabled();
    ImGui::Separator();
}

} // namespace

platform::GatewayCheckOptions gatewayCheckOptions(const AppState& state) {
    const GatewayCheckView& v = state.view.gatewayCheck;
    platform::GatewayCheckOptions o;
    if (!v.server.empty()) o.server = v.server;
    // Out-of-range ports become 0 and timeouts outside 0.1-120 s stay so: checkGatewayInput
    // refuses both with a sentence.
    o.ikePort = static_cast<std::uint16_t>(v.ikePort > 0 && v.ikePort < 65536 ? v.ikePort : 0);
    o.sstpPort = static_cast<std::uint16_t>(v.sstpPort > 0 && v.sstpPort < 65536 ? v.sstpPort : 0);
    o.timeout = std::chrono::milliseconds(static_cast<long long>(v.timeoutSeconds * 1000.0f));
    const CertificateView& c = state.certs;
    if (c.picked >= 0 && static_cast<std::size_t>(c.picked) < c.certs.size()) {
        // The CAs only: the leaf is first in the chain.
        o.chainThumbprints = c.certs[static_cast<std::size_t>(c.picked)].chainThumbprints;
        if (!o.chainThumbprints.empty()) o.chainThumbprints.erase(o.chainThumbprints.begin());
    }
    return o;
}

void startCheckGateway(AppState& state) {
    GatewayCheckView& v = state.view.gatewayCheck;
    v.open = true;
    v.report.reset();
    const platform::GatewayCheckOptions options = gatewayCheckOptions(state);
    v.inputError = platform::checkGatewayInput(state.doc.profile, options);
    if (!v.inputError.empty() || !whyNoCheck(state).empty()) return;
    // The worker gets copies: the user may edit the profile while the check runs.
    const GatewayChecker checker = state.checkGateway;
    const Profile profile = state.doc.profile;
    const GatewayInfo gateway = state.doc.gateway;
    const bool started = state.tasks->run(
        "Check gateway",
        [checker, profile, gateway, options](std::stop_token stop, TaskRunner& runner) {
            return checker(profile, gateway, options, stop, [&runner](std::string_view step) {
                runner.setProgress(std::string(step));
            });
        },
        [document = v.document](AppState& s, const GatewayReport& report) {
            if (s.view.gatewayCheck.document != document) return; // for a closed document
            s.view.gatewayCheck.running = false;
            s.view.gatewayCheck.report = report;
            const int code = checkExitCode(report);
            appendLog(s.view, code == kCheckExitFailure ? LogLevel::Warning : LogLevel::Info,
                      code == kCheckExitOk        ? "Check gateway: every check passed."
                      : code == kCheckExitFailure ? "Check gateway: a check predicts a failure."
                                                  : "Check gateway: a check could not run.");
        });
    v.running = started;
}

void forgetGatewayCheck(AppState& state) {
    GatewayCheckView& v = state.view.gatewayCheck;
    if (v.running && state.tasks) state.tasks->cancel(); // the one task under way is the check
    ++v.document;
    v.running = false;
    v.report.reset();
    v.inputError.clear();
    v.server.clear();
    v.fields = {}; // the gateway fields' text belongs to the document
}

void drawCheckGatewayButton(AppState& state) {
    const std::string why = whyNoCheck(state);
    ImGui::BeginDisabled(!why.empty());
    if (ImGui::Button("Check gateway")) startCheckGateway(state);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", why.empty() ? "Ask each server what Windows would meet: DNS, one "
                                              "IKEv2 IKE_SA_INIT with this suite, SSTP's TLS "
                                              "certificate. Nothing is applied."
                                            : why.c_str());
}

void drawGatewayCheckWindow(AppState& state) {
    GatewayCheckView& v = state.view.gatewayCheck;
    if (!v.open) return;
    ImGui::SetNextWindowSize(ImVec2(720.0f * state.view.dpiScale, 440.0f * state.view.dpiScale),
                             ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Check gateway", &v.open)) return ImGui::End();
    drawOptions(state, v);
    if (!v.inputError.empty()) {
        ImGui::TextColored(severityColour(Severity::Error), "Cannot check:");
        ImGui::TextWrapped("%s", v.inputError.c_str());
    } else if (v.running) {
        ImGui::TextWrapped("Checking... %s", state.tasks->progress().c_str());
        if (ImGui::Button("Cancel")) state.tasks->cancel();
    } else if (v.report) {
        drawReport(*v.report);
    }
    ImGui::End();
    if (!v.open && v.running) state.tasks->cancel(); // closing the window stops the check
}

} // namespace aovpn::ui
