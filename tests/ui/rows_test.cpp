// Issue 8 §1: one generic test per repeated-row editor (servers, routes, traffic filters, NRPT
// rules, protocol list, EKUs, issuer hashes, trusted roots). Row k-1 shows a message (and its
// details, where the editor has them); editing row k through the UI must change row k and only
// row k in the XML that gets applied, and no two widgets on the screen may share an id.
#include "ui/certificates.hpp"
#include "ui/document.hpp"
#include "ui/templates.hpp"

#include "ui_driver.hpp"

#include <functional>

using namespace aovpn;

namespace {

// Every <tag>...</tag> (or <tag/>) block of the XML, in order.
std::vector<std::string> blocks(const std::string& xml, const std::string& tag) {
    std::vector<std::string> out;
    for (std::size_t at = 0; (at = xml.find("<" + tag, at)) != std::string::npos;) {
        const char next = xml[at + tag.size() + 1];
        if (next != '>' && next != '/' && next != ' ') {
            ++at;
            continue;
        }
        const std::size_t selfEnd = xml.find("/>", at), open = xml.find('>', at);
        std::size_t end = open;
        if (selfEnd != open - 1) {
            end = xml.find("</" + tag + ">", at);
            REQUIRE(end != std::string::npos);
            end += tag.size() + 2;
        }
        out.push_back(xml.substr(at, end + 1 - at));
        at = end;
    }
    return out;
}

std::vector<std::string> servers(const std::string& xml) {
    std::vector<std::string> out;
    const auto b = blocks(xml, "Servers");
    if (b.empty()) return out;
    std::string text = b[0].substr(9, b[0].size() - 9 - 10);
    for (std::size_t from = 0;;) {
        const std::size_t comma = text.find(',', from);
        out.push_back(text.substr(from, comma - from));
        if (comma == std::string::npos) return out;
        from = comma + 1;
    }
}

std::string clashText(const test::UiDriver& ui) {
    std::string out;
    for (const auto& c : ui.idClashes())
        out += c + "; ";
    return out;
}

struct Editor {
    const char* name;
    // Loads a profile with three rows; row 1 shows `message` and, where the editor has them,
    // its details are open.
    std::function<void(test::UiDriver&)> setup;
    std::function<std::string(test::UiDriver&)> message;
    std::function<void(test::UiDriver&, int k)> edit;                 // edits row k by label
    std::function<std::vector<std::string>(const std::string&)> rows; // each row in the XML
};

void startWith(test::UiDriver& ui, ui::Template t) {
    ui::loadDocument(ui.state, ui::makeTemplate(t), {});
    ui.frames(2);
}

void pickTestCertificate(test::UiDriver& ui) {
    platform::CertificateInfo c;
    c.commonName = "alice";
    c.subject = "CN=alice";
    c.issuerCommonName = "Contoso Issuing CA";
    c.thumbprint = std::string(40, 'A');
    c.validFrom = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) -
                  std::chrono::hours(24);
    c.validTo = c.validFrom + std::chrono::hours(24 * 365);
    c.hasPrivateKey = c.hasEkuExtension = c.clientAuth = true;
    c.issuingCaThumbprint = std::string(40, 'B');
    c.rootThumbprint = std::string(40, 'C');
    ui.platform.certs.personal = {c};
    ui::loadCertificates(ui.state);
    ui.finishTask();
    ui.click("alice");
}

const Editor kEditors[] = {
    {"servers",
     [](test::UiDriver& ui) {
         startWith(ui, ui::Template::UserTunnel);
         ui.click("Add server");
         ui.click("Add server");
         ui.typeInto("Server FQDN", "bad name!", 1);
         ui.typeInto("Server FQDN", "vpn2.contoso.com", 2);
     },
     [](test::UiDriver& ui) { return ui.issueMessage("NativeProfile/Servers[1]"); },
     [](test::UiDriver& ui, int k) { ui.typeInto("Server FQDN", "edited.contoso.com", k); },
     servers},
    {"routes",
     [](test::UiDriver& ui) {
         startWith(ui, ui::Template::UserTunnel);
         for (int i = 0; i < 3; ++i)
             ui.click("Add a route");
         ui.typeInto("route-address", "10.0.0.1", 0);
         ui.typeInto("route-prefix", "32", 0);
         ui.typeInto("route-address", "10.1.2.3", 1);
         ui.typeInto("route-prefix", "8", 1); // not a network address
         ui.typeInto("route-address", "10.0.0.3", 2);
         ui.typeInto("route-prefix", "32", 2);
     },
     [](test::UiDriver& ui) {
         return ui.issueMessage("Route[1]/Address").empty() ? "" : std::string("(!)");
     },
     [](test::UiDriver& ui, int k) { ui.typeInto("route-metric", "5", k); },
     [](const std::string& xml) { return blocks(xml, "Route"); }},
    {"traffic filters",
     [](test::UiDriver& ui) {
         startWith(ui, ui::Template::AzureUserTunnel); // one filter already
         ui.click("Add a traffic filter");
         ui.click("Add a traffic filter");
         ui.typeInto("filter-ports", "443", 1); // no protocol 6/17: a message
         ui.click("filter-details", 1);
         ui.typeInto("Local addresses", "10.9.0.0/16");
     },
     [](test::UiDriver& ui) { return ui.issueMessage("TrafficFilter[1]/RemotePortRanges"); },
     [](test::UiDriver& ui, int k) { ui.typeInto("filter-addresses", "10.20.0.0/16", k); },
     [](const std::string& xml) { return blocks(xml, "TrafficFilter"); }},
    {"NRPT rules",
     [](test::UiDriver& ui) {
         startWith(ui, ui::Template::UserTunnel);
         for (int i = 0; i < 3; ++i)
             ui.click("Add an NRPT rule");
         ui.typeInto("nrpt-name", ".a.contoso.com", 0);
         ui.typeInto("nrpt-name", ".b.contoso.com", 1);
         ui.typeInto("nrpt-servers", "not-an-address", 1);
         ui.click("nrpt-details", 1);
         ui.typeInto("Web proxy servers", "proxy.contoso.com:8080");
         ui.typeInto("nrpt-name", ".c.contoso.com", 2);
     },
     [](test::UiDriver& ui) { return ui.issueMessage("DomainNameInformation[1]/DnsServers"); },
     [](test::UiDriver& ui, int k) { ui.typeInto("nrpt-servers", "10.0.0.53", k); },
     [](const std::string& xml) { return blocks(xml, "DomainNameInformation"); }},
    {"issuer hashes",
     [](test::UiDriver& ui) {
         startWith(ui, ui::Template::UserTunnel);
         pickTestCertificate(ui); // row 0: the issuing CA
         ui.click("Add an issuer hash");
         ui.click("Add an issuer hash");
         ui.typeInto("Issuer hash", "not a hash", 1);
         ui.typeInto("Issuer hash", std::string(40, 'D'), 2);
     },
     [](test::UiDriver& ui) {
         return ui.issueMessage("NativeProfile/Authentication/Eap/FilteringInfo/IssuerHash");
     },
     [](test::UiDriver& ui, int k) { ui.typeInto("Issuer hash", std::string(40, 'E'), k); },
     [](const std::string& xml) { return blocks(xml, "IssuerHash"); }},
    {"EKUs",
     [](test::UiDriver& ui) {
         startWith(ui, ui::Template::UserTunnel);
         pickTestCertificate(ui); // row 0: Client Authentication
         ui.click("Add an EKU");
         ui.click("Add an EKU");
         ui.typeInto("EKU name", "Smart card logon", 1);
         ui.typeInto("EKU OID", "1.3.6.1.4.1.311.20.2.2", 1);
         ui.typeInto("EKU name", "Custom", 2);
         ui.typeInto("EKU OID", "1.2.3.4", 2);
         ui.typeInto("Server names", "nps.contoso.com"); // a message stays in the section
     },
     [](test::UiDriver&) { return std::string("Smart card logon"); },
     [](test::UiDriver& ui, int k) { ui.typeInto("EKU OID", "1.2.3.99", k); },
     [](const std::string& xml) { return blocks(xml, "EKUMap"); }},
    {"trusted roots",
     [](test::UiDriver& ui) {
         startWith(ui, ui::Template::UserTunnel);
         for (int i = 0; i < 3; ++i)
             ui.click("Add a root thumbprint");
         ui.typeInto("Trusted root CA", std::string(40, '1'), 0);
         ui.typeInto("Trusted root CA", "xyz", 1);
         ui.typeInto("Trusted root CA", std::string(40, '3'), 2);
     },
     [](test::UiDriver& ui) {
         return ui.issueMessage("NativeProfile/Authentication/Eap/ServerValidation/TrustedRootCA");
     },
     [](test::UiDriver& ui, int k) { ui.typeInto("Trusted root CA", std::string(40, '9'), k); },
     [](const std::string& xml) { return blocks(xml, "TrustedRootCA"); }},
};

void checkOnlyRowChanges(const Editor& e, int k) {
    const std::string name = e.name;
    CAPTURE(name);
    CAPTURE(k);
    test::UiDriver ui;
    e.setup(ui);
    const std::string message = e.message(ui);
    REQUIRE_FALSE(message.empty());
    CHECK(ui.shownText().find(message) != std::string::npos);
    ui.frame();
    CHECK_MESSAGE(ui.idClashes().empty(), clashText(ui));
    const auto before = e.rows(ui.state.derived.xml);
    REQUIRE(before.size() == 3);
    e.edit(ui, k);
    ui.key(ImGuiKey_Tab); // the edit is committed by leaving the field, as a user does
    ui.frames(2);
    const auto after = e.rows(ui.state.derived.xml);
    REQUIRE(after.size() == 3);
    for (int i = 0; i < 3; ++i) {
        CAPTURE(i);
        if (i == k)
            CHECK(after[i] != before[i]);
        else
            CHECK(after[i] == before[i]);
    }
    CHECK_MESSAGE(ui.idClashes().empty(), clashText(ui));
}

} // namespace

TEST_CASE("every repeated-row editor: editing row k changes only row k") {
    for (const Editor& e : kEditors) {
        checkOnlyRowChanges(e, 2); // below the row with a message and open details
        checkOnlyRowChanges(e, 0); // above it (the report: the first filter, then Tab)
    }
}

TEST_CASE("the protocol list: removing entry k removes only entry k") {
    for (std::size_t k = 0; k < 3; ++k) {
        CAPTURE(k);
        test::UiDriver ui;
        startWith(ui, ui::Template::UserTunnel);
        ui.click("Protocol");
        ui.click("ProtocolList");
        ui.click("Add IKEv2");
        ui.click("Add SSTP");
        ui.click("Add IKEv2");
        auto before = blocks(ui.state.derived.xml, "NativeProtocol");
        REQUIRE(before.size() == 3);
        ui.click("remove protocol", static_cast<int>(k));
        before.erase(before.begin() + static_cast<std::ptrdiff_t>(k));
        CHECK(blocks(ui.state.derived.xml, "NativeProtocol") == before);
        CHECK_MESSAGE(ui.idClashes().empty(), clashText(ui));
    }
}

TEST_CASE("the report's steps: Azure template, add a filter, 443 into the first, Tab") {
    test::UiDriver ui;
    startWith(ui, ui::Template::AzureUserTunnel);
    ui.click("Add a traffic filter");
    ui.click("filter-ports", 0);
    ui.type("443");
    ui.key(ImGuiKey_Tab);
    ui.frame();
    CHECK_MESSAGE(ui.idClashes().empty(), clashText(ui));
    const auto filters = blocks(ui.state.derived.xml, "TrafficFilter");
    REQUIRE(filters.size() == 2);
    CHECK(filters[0].find("<RemotePortRanges>443</RemotePortRanges>") != std::string::npos);
    CHECK(filters[1].find("RemotePortRanges") == std::string::npos);
    // Afterwards the first row still takes clicks and the second row's x still removes it.
    ui.typeInto("filter-protocol", "6", 0);
    CHECK(ui.state.doc.profile.trafficFilters[0].protocol == 6u);
    ui.click("remove-filter", 1);
    REQUIRE(ui.state.doc.profile.trafficFilters.size() == 1);
    CHECK(ui.state.doc.profile.trafficFilters[0].remotePortRanges == "443");
}

TEST_CASE("no two widgets share an id, with messages and details on every other row") {
    test::UiDriver ui;
    Profile p = ui::makeTemplate(ui::Template::UserTunnel);
    for (int i = 0; i < 6; ++i) {
        TrafficFilter f;
        if (i % 2) f.remotePortRanges = "443"; // no protocol: a message under the row
        p.trafficFilters.push_back(f);
        DomainNameInformation d;
        d.domainName = i % 2 ? "bad name" : ".corp.contoso.com";
        p.domainNameInformation.push_back(d);
        Route r;
        r.address = "10.0.0." + std::to_string(i);
        r.prefixSize = i % 2 ? 8 : 32;
        p.routes.push_back(r);
        p.nativeProfile->servers.push_back(VpnServer{i % 2 ? "bad name!" : "vpn.contoso.com", {}});
    }
    ui::loadDocument(ui.state, std::move(p), {});
    ui.frames(2);
    for (int i = 0; i < 6; i += 3) {
        ui.click("filter-details", i);
        ui.click("nrpt-details", i);
    }
    ui.frame();
    CHECK_MESSAGE(ui.idClashes().empty(), clashText(ui));
}
