// The Check gateway button and window, driven by label, with the REAL probe behind it (the
// app's platform::checkGateway) aimed at a closed loopback port of issue 10's range: the report
// comes back from the worker, the window's port field is used, Cancel stops a check that would
// wait.
#include "ui/document.hpp"
#include "ui/gateway_check.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

#include <atomic>
#include <chrono>
#include <thread>

using namespace aovpn;

namespace {

// The app's probe; the window's IKE port set to a closed loopback port of issue 10's range (no
// service of the tests ever listens on 20999), so nothing goes to UDP 500 or off the machine.
void loopbackProfile(test::UiDriver& ui, float timeoutSeconds) {
    ui.state.checkGateway = &platform::checkGateway;
    ui.state.view.gatewayCheck.ikePort = 20999;
    ui.state.view.gatewayCheck.timeoutSeconds = timeoutSeconds;
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::AzureUserTunnel), {});
    ui.state.doc.profile.nativeProfile->servers = {{"127.0.0.1", std::nullopt}};
    ui::markEdited(ui.state, {});
}

void settle(test::UiDriver& ui) {
    ui.state.tasks->waitIdle();
    ui.frames(2); // drain the result, then draw it
}

} // namespace

TEST_CASE("Check gateway: the button runs the probe on the worker and shows its report") {
    test::UiDriver ui;
    loopbackProfile(ui, 0.3f);
    ui.frame();
    ui.click("Check gateway");
    CHECK(ui.state.view.gatewayCheck.open);
    settle(ui);
    const auto& v = ui.state.view.gatewayCheck;
    CHECK_FALSE(v.running);
    REQUIRE(v.report.has_value());
    REQUIRE(v.report->servers.size() == 1);
    const std::string shown = ui.shownText();
    CHECK(shown.find("[fail]") != std::string::npos);
    CHECK(shown.find("No answer from 127.0.0.1 UDP 20999") != std::string::npos);
    CHECK(shown.find("What this check cannot see") != std::string::npos);
    // The window's options: another port typed in, Check again.
    ui.typeInto("IKE port", "20998");
    ui.click("Check again");
    settle(ui);
    CHECK(ui.shownText().find("UDP 20998") != std::string::npos);
    bool logged = false;
    for (const ui::LogLine& l : ui.state.view.log)
        logged |= l.text == "Check gateway: a check predicts a failure.";
    CHECK(logged);
}

TEST_CASE("Check gateway: Cancel ends a check that would wait; no server says why") {
    test::UiDriver ui;
    loopbackProfile(ui, 60.0f);
    ui.frame();
    ui.click("Check gateway");
    ui.frame();
    REQUIRE(ui.state.view.gatewayCheck.running);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // The progress line, and Check again held while the worker runs.
    CHECK(ui.shownText().find("Checking... ") != std::string::npos);
    const ui::LocatedItem* again = ui.find("Check again");
    REQUIRE(again != nullptr);
    CHECK(again->disabled);
    ui.click("Cancel");
    settle(ui);
    REQUIRE(ui.state.view.gatewayCheck.report.has_value());
    CHECK(ui.state.view.gatewayCheck.report->cancelled);
    CHECK(ui.shownText().find("Cancelled.") != std::string::npos);

    ui.state.doc.profile.nativeProfile->servers.clear();
    ui::markEdited(ui.state, {});
    ui.frame();
    ui.click("Check gateway");
    ui.frame();
    CHECK_FALSE(ui.state.view.gatewayCheck.running);
    CHECK(ui.shownText().find("Cannot check:") != std::string::npos);
}

TEST_CASE("Check gateway: the picked certificate's CAs, not its leaf, meet the gateway's CERTREQ") {
    test::UiDriver ui;
    loopbackProfile(ui, 0.3f);
    ui.state.view.gatewayCheck.server = "127.0.0.9";
    CHECK(ui::gatewayCheckOptions(ui.state).chainThumbprints.empty()); // nothing picked
    platform::CertificateInfo cert;
    cert.thumbprint = "LEAF";
    cert.chainThumbprints = {"LEAF", "ISSUING", "ROOT"};
    ui.state.certs.certs = {cert};
    ui.state.certs.picked = 0;
    const platform::GatewayCheckOptions o = ui::gatewayCheckOptions(ui.state);
    CHECK(o.chainThumbprints == std::vector<std::string>{"ISSUING", "ROOT"});
    CHECK(o.server == "127.0.0.9");
    CHECK(o.ikePort == 20999);
    CHECK(o.timeout == std::chrono::milliseconds(300));
}

// The window's report (and the server typed for it) belong to the document that was checked:
// File > New from template puts a new one in place, and the report goes with the old one.
TEST_CASE("Check gateway: a new document clears the window's report") {
    test::UiDriver ui;
    loopbackProfile(ui, 0.3f);
    ui.frame();
    ui.click("Check gateway");
    settle(ui);
    REQUIRE(ui.state.view.gatewayCheck.report.has_value());
    ui.state.view.gatewayCheck.server = "127.0.0.1";
    ui.click("File");
    ui.click("New from template");
    ui.click("User tunnel (EAP-TLS)");
    if (!ui.question().empty()) ui.click("Don't save"); // the edit in loopbackProfile
    ui.frame();
    REQUIRE(ui.state.doc.profile.profileName == "Contoso VPN");
    const auto& v = ui.state.view.gatewayCheck;
    CHECK_FALSE(v.report.has_value());
    CHECK(v.server.empty());
    CHECK(ui.shownText().find("127.0.0.1") == std::string::npos);
}

// A check still out when the document is replaced is stopped, and what it finds is dropped.
TEST_CASE("Check gateway: a check under way for the closed document never shows its report") {
    test::UiDriver ui;
    std::atomic<bool> release{false}, stopped{false};
    ui.state.checkGateway = [&](const Profile&, const GatewayInfo&,
                                const platform::GatewayCheckOptions&, std::stop_token stop,
                                const platform::GatewayProgress&) {
        // Waits for a cancel or for the test (no clock involved).
        while (!stop.stop_requested() && !release)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        stopped = stop.stop_requested();
        GatewayReport r;
        r.profileName = "the closed one";
        return r;
    };
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::AzureUserTunnel), {});
    ui.frames(2);
    ui.click("Check gateway");
    REQUIRE(ui.state.view.gatewayCheck.running);
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    release = true;
    settle(ui);
    CHECK(stopped);
    CHECK_FALSE(ui.state.view.gatewayCheck.running);
    CHECK_FALSE(ui.state.view.gatewayCheck.report.has_value());
}
