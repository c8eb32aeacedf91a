// Issue 8 §6, the certificate table: sorted (usable first, then the latest expiry), a click on
// a greyed row says why, the trusted root and issuer hashes show whose thumbprints they are, and
// a filter that still admits several certificates is counted in the validation list and offers
// what would narrow it.
#include "ui/actions.hpp"
#include "ui/certificates.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

#include <chrono>

using namespace aovpn;

namespace {

const std::string kIssuing(40, 'B'), kRoot(40, 'C'), kOtherIssuing(40, 'D');

std::chrono::sys_seconds inDays(int days) {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) +
           std::chrono::hours(24 * days);
}

platform::CertificateInfo cert(const std::string& cn, char thumb, int expiresInDays,
                               const std::string& issuing = kIssuing) {
    platform::CertificateInfo c;
    c.commonName = cn;
    c.subject = "CN=" + cn;
    c.issuerCommonName = issuing == kIssuing ? "Contoso Issuing CA" : "Contoso Lab CA";
    c.issuer = "CN=" + c.issuerCommonName;
    c.thumbprint = std::string(40, thumb);
    c.validFrom = inDays(-400);
    c.validTo = inDays(expiresInDays);
    c.hasPrivateKey = true;
    c.hasEkuExtension = true;
    c.clientAuth = true;
    c.ekuOids = {std::string(platform::kClientAuthOid)};
    c.issuingCaThumbprint = issuing;
    c.rootThumbprint = kRoot;
    c.rootCommonName = "Contoso Root CA";
    c.chainThumbprints = {c.thumbprint, issuing, kRoot};
    c.chainComplete = true;
    return c;
}

void ready(test::UiDriver& ui) {
    ui::loadDocument(ui.state, ui::makeTemplate(ui::Template::UserTunnel), {});
    ui::querySession(ui.state);
    ui.frames(2);
    ui.finishTask();
}

std::vector<std::string> listed(const test::UiDriver& ui) {
    std::vector<std::string> out;
    for (const auto& c : ui.state.certs.certs)
        out.push_back(c.commonName);
    return out;
}

const CertFilter& filterOf(const test::UiDriver& ui) {
    return *ui.state.doc.profile.nativeProfile->authentication->eap->tls.certFilter;
}

} // namespace

TEST_CASE("the table lists usable certificates first, then the one that expires last") {
    test::UiDriver ui;
    auto nokey = cert("no-key", '1', 500);
    nokey.hasPrivateKey = false;
    ui.platform.certs.personal = {cert("old", '2', -3), cert("soon", '3', 20), nokey,
                                  cert("renewed", '4', 365)};
    ready(ui);
    CHECK(listed(ui) == std::vector<std::string>{"renewed", "soon", "no-key", "old"});
    // Drawn in that order too.
    ui.frame();
    const auto* renewed = ui.find("renewed");
    const auto* old = ui.find("old");
    REQUIRE(renewed);
    REQUIRE(old);
    CHECK(renewed->minY < ui.find("soon")->minY);
    CHECK(ui.find("no-key")->minY < old->minY);
}

TEST_CASE("clicking a greyed certificate says why it cannot be used") {
    test::UiDriver ui;
    auto wrongEku = cert("server-only", '5', 300);
    wrongEku.clientAuth = false;
    wrongEku.ekuOids = {"1.3.6.1.5.5.7.3.1"};
    ui.platform.certs.personal = {cert("old", '2', -3), wrongEku};
    ready(ui);
    ui.click("old");
    CHECK(ui.state.view.status.find("\"old\" cannot be used: it expired on") != std::string::npos);
    CHECK(ui.shownText().find("it expired on " + ui::dateOf(inDays(-3))) != std::string::npos);
    ui.click("server-only");
    CHECK(ui.state.view.status.find("not issued for Client Authentication") != std::string::npos);
    CHECK_FALSE(ui.state.doc.profile.nativeProfile->authentication->eap->tls.certFilter);
}

TEST_CASE("the trusted root and the issuer hash show whose thumbprints they are") {
    test::UiDriver ui;
    ui.platform.certs.personal = {cert("alice", 'A', 300)};
    ready(ui);
    ui.click("alice");
    ui.click("From the picked chain");
    const std::string shown = ui.shownText();
    CHECK(shown.find("Contoso Root CA") != std::string::npos);    // beside TrustedRootCA
    CHECK(shown.find("Contoso Issuing CA") != std::string::npos); // beside IssuerHash
    CHECK(ui.state.derived.xml.find("<TrustedRootCA>" + kRoot) != std::string::npos);
    // A thumbprint nobody in the store has says so.
    ui.typeInto("Trusted root CA", std::string(40, 'E'));
    CHECK(ui.shownText().find("(not in this store)") != std::string::npos);
}

TEST_CASE(
    "a filter that admits several certificates is counted and offers an EKU only the pick has") {
    test::UiDriver ui;
    auto mine = cert("alice-vpn", 'A', 300);
    mine.ekuOids.push_back("1.3.6.1.4.1.311.20.2.2"); // Smart Card Logon: only this one has it
    ui.platform.certs.personal = {mine, cert("alice-wifi", 'F', 200)};
    ready(ui);
    ui.click("alice-vpn");
    std::string shown = ui.shownText();
    CHECK(shown.find("The certificate filter matches 2 usable certificates") != std::string::npos);
    const auto warnings = countIssues(ui.state.derived.issues, Severity::Warning);
    CHECK(shown.find("Validation: ") != std::string::npos);
    CHECK(shown.find(std::to_string(warnings + 1) + " warning(s)") != std::string::npos);

    ui.click("Filter on Smart Card Logon");
    const CertFilter& f = filterOf(ui);
    REQUIRE(f.clientAuthEkuList.has_value());
    CHECK(f.clientAuthEkuList->ekuNames == std::vector<std::string>{"Smart Card Logon"});
    CHECK(ui::admittedCertificates(ui.state, inDays(0)) == std::vector<int>{0});
    shown = ui.shownText();
    CHECK(shown.find("The certificate filter matches") == std::string::npos);
    CHECK(shown.find(std::to_string(warnings) + " warning(s)") != std::string::npos);
    CHECK(ui.state.derived.xml.find("<EKUOID>1.3.6.1.4.1.311.20.2.2</EKUOID>") !=
          std::string::npos);
}

TEST_CASE("a filter on the root offers the picked certificate's issuing CA instead") {
    test::UiDriver ui;
    ui.platform.certs.personal = {cert("alice", 'A', 300),
                                  cert("alice-lab", 'F', 300, kOtherIssuing)};
    ready(ui);
    ui.click("alice");
    CHECK(ui::admittedCertificates(ui.state, inDays(0)).size() == 1); // the pick: issuing CA
    ui.typeInto("Issuer hash", kRoot); // someone widened it to the root
    CHECK(ui::admittedCertificates(ui.state, inDays(0)).size() == 2);
    ui.click("Filter on its issuing CA");
    REQUIRE(filterOf(ui).caHashList.has_value());
    CHECK(filterOf(ui).caHashList->issuerHashes == std::vector<std::string>{kIssuing});
    CHECK(ui::admittedCertificates(ui.state, inDays(0)).size() == 1);
}

TEST_CASE("after 'From the picked chain' the pointer rests on the root it added, not on a button") {
    // The button sits on the Add button's line: the added row pushes both down, and what is
    // now under the pointer is that row's field (a second click there adds nothing).
    test::UiDriver ui;
    ui.platform.certs.personal = {cert("alice", 'A', 300)};
    ready(ui);
    ui.click("alice");
    ui.frame();
    const ui::LocatedItem* button = ui.find("From the picked chain");
    REQUIRE(button != nullptr);
    const ui::LocatedItem* add = ui.find("Add a root thumbprint");
    REQUIRE(add != nullptr);
    CHECK(add->minY == button->minY); // one line
    const float x = (button->minX + button->maxX) * 0.5f, y = (button->minY + button->maxY) * 0.5f;
    ui.click("From the picked chain");
    ui.frame();
    const ui::LocatedItem* under = nullptr;
    for (const ui::LocatedItem& it : ui.items)
        if (it.minX <= x && x <= it.maxX && it.minY <= y && y <= it.maxY) under = &it;
    REQUIRE(under != nullptr);
    CHECK(test::UiDriver::matches(under->label, "Trusted root CA"));
}
