// The certificate store is read on the read worker: the table fills when the read is back, the
// pick survives a Refresh, a store error stands in place of the table, and Apply is never held
// up by a read.
#include "ui/actions.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

#include <chrono>

using namespace aovpn;

namespace {

platform::CertificateInfo cert(const std::string& cn, char thumb) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    platform::CertificateInfo c;
    c.commonName = cn;
    c.subject = "CN=" + cn;
    c.issuer = "CN=Contoso Issuing CA";
    c.issuerCommonName = "Contoso Issuing CA";
    c.thumbprint = std::string(40, thumb);
    c.validFrom = now - std::chrono::hours(24);
    c.validTo = now + std::chrono::hours(24 * 300);
    c.hasPrivateKey = true;
    c.hasEkuExtension = true;
    c.clientAuth = true;
    c.ekuOids = {std::string(platform::kClientAuthOid)};
    c.issuingCaThumbprint = std::string(40, 'B');
    c.rootThumbprint = std::string(40, 'C');
    return c;
}

void ready(test::UiDriver& ui) {
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui::querySession(ui.state);
    ui.frames(2);
}

bool shows(test::UiDriver& ui, const std::string& text) {
    return ui.shownText().find(text) != std::string::npos;
}

} // namespace

TEST_CASE("the certificate table fills when the read is back; Apply works meanwhile") {
    test::UiDriver ui;
    ui.platform.certs.personal = {cert("alice", 'A')};
    ui.platform.certs.holdList = true; // a slow store
    ready(ui);
    CHECK(ui.state.certs.reading);
    CHECK(shows(ui, "Reading the certificate store..."));
    CHECK(ui.find("alice") == nullptr);
    // The read runs on its own worker: Apply is enabled and a click is not lost.
    CHECK(ui::availableActions(ui.state).apply);
    ui.click("Apply");
    ui.state.tasks->waitIdle(); // the check
    ui.frames(2);
    ui.state.tasks->waitIdle(); // the apply
    ui.frames(2);
    CHECK(ui.state.install.installed == true);
    CHECK(ui.state.certs.reading);

    ui.platform.certs.holdList = false;
    ui.finishTask();
    CHECK_FALSE(ui.state.certs.reading);
    CHECK(ui.find("alice") != nullptr);
    CHECK_FALSE(shows(ui, "Reading the certificate store..."));
}

TEST_CASE("the picker says whose store it shows: the target user's, read by the admin") {
    test::UiDriver ui;
    ui.platform.certs.personal = {cert("alice", 'A')};
    ui.platform.certs.owner = {{"CORP\\alice", "S-1-5-21-1-2-3-1001"},
                               "the personal store of CORP\\alice (HKEY_USERS\\S-1-5-21-1-2-3-1001"
                               "\\...\\My), read as CORP\\helpdesk-admin"};
    ready(ui);
    ui.finishTask();
    CHECK(ui.state.certs.owner.description == ui.platform.certs.owner.description);
    CHECK(shows(ui, "Store of CORP\\alice")); // the full sentence is its tooltip
}

TEST_CASE("Refresh reads the store again and keeps the pick by thumbprint") {
    test::UiDriver ui;
    ui.platform.certs.personal = {cert("alice", 'A'), cert("bob", 'D')};
    ready(ui);
    ui.finishTask();
    ui.click("bob");
    REQUIRE(ui.state.certs.picked == 1);

    ui.platform.certs.personal = {cert("carol", 'E'), cert("alice", 'A'), cert("bob", 'D')};
    ui.click("Refresh");
    ui.finishTask();
    REQUIRE(ui.find("carol") != nullptr);
    CHECK(ui.state.certs.picked == 2);
    CHECK(ui.state.certs.certs[2].thumbprint == std::string(40, 'D'));

    // The picked certificate gone from the store: nothing is picked, the filter stays.
    ui.platform.certs.personal = {cert("carol", 'E')};
    ui.click("Refresh");
    ui.finishTask();
    CHECK(ui.state.certs.picked == -1);
    CHECK(ui.state.derived.xml.find("<IssuerHash>" + std::string(40, 'B')) != std::string::npos);
}

TEST_CASE("a store error is shown in place of the table and logged") {
    test::UiDriver ui;
    ui.platform.certs.personal = {cert("alice", 'A')};
    ui.platform.certs.listError = fake::fakeError("Open the certificate store", 0x80070005);
    ready(ui);
    ui.finishTask();
    const std::string error = ui.state.certs.loadError;
    REQUIRE_FALSE(error.empty());
    CHECK(error.find("(fake) failure") != std::string::npos);
    CHECK(shows(ui, error));
    CHECK(ui.find("alice") == nullptr);
    bool logged = false;
    for (const auto& line : ui.state.view.log)
        logged |= line.level == ui::LogLevel::Error && // the log has a row per line
                  line.text == error.substr(0, error.find('\n'));
    CHECK(logged);

    // Once the store answers again, Refresh brings the table back.
    ui.platform.certs.listError.reset();
    ui.click("Refresh");
    ui.finishTask();
    CHECK(ui.find("alice") != nullptr);
    CHECK(ui.state.certs.loadError.empty());
}
