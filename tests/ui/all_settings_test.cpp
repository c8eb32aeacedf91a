// The "All settings" tree: every element of the description, edited in place, in sync with the
// form and the preview; issues without a form widget open there; the Fix button.
#include "model/profile_xml.hpp"
#include "ui/document.hpp"

#include "test_paths.hpp"
#include "ui_driver.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace aovpn;
using namespace aovpn::test;

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void load(UiDriver& d, const std::string& xml) {
    const ReadResult r = readProfileXml(xml);
    REQUIRE(r.ok());
    ui::loadDocument(d.state, r.profile, "");
    d.frames(2);
}

void openTree(UiDriver& d) {
    d.click("All settings");
    REQUIRE(d.state.view.allSettings.active);
}

std::string issueLabel(const Issue& issue) {
    return std::string(severityName(issue.severity)) + ": " + issue.message;
}

// Clicks the issues list's row of the first issue at `field`, by its label, as a user does.
void clickIssue(UiDriver& d, const std::string& field) {
    const auto& issues = d.state.derived.issues;
    for (std::size_t i = 0; i < issues.size(); ++i) {
        if (issues[i].field != field) continue;
        int nth = 0; // rows before it with the same text
        for (std::size_t k = 0; k < i; ++k)
            nth += issueLabel(issues[k]) == issueLabel(issues[i]) ? 1 : 0;
        d.click(issueLabel(issues[i]), nth);
        return;
    }
    FAIL("no issue at " << field);
}

const char* kPluginXml =
    "<VPNProfile><ProfileName>Plug</ProfileName><EdpModeId>corp.contoso.com</EdpModeId>"
    "<PluginProfile><ServerUrlList>a.contoso.com;b.contoso..com</ServerUrlList>"
    "<PluginPackageFamilyName>Pulse_cw5n1h2txyewy</PluginPackageFamilyName></PluginProfile>"
    "<DataEncryption>Max</DataEncryption><FutureSetting>on</FutureSetting></VPNProfile>";

} // namespace

TEST_CASE("all settings: elements the form does not show are there and editable") {
    UiDriver d;
    load(d, kPluginXml);
    openTree(d);
    CHECK(d.find("all:EdpModeId"));
    CHECK(d.find("all:DataEncryption"));
    d.click("PluginProfile");
    CHECK(d.find("all:PluginProfile/PluginPackageFamilyName"));
    d.typeInto("all:EdpModeId", "hr.contoso.com");
    CHECK(d.state.doc.profile.edpModeId == "hr.contoso.com");
    // The preview follows the same document.
    CHECK(d.state.derived.xml.find("<EdpModeId>hr.contoso.com</EdpModeId>") != std::string::npos);
    CHECK(ui::canUndo(d.state));
    CHECK(d.idClashes().empty());
    // Findings beside their row; a kept unknown element shown as read, with no editor.
    const std::string shown = d.shownText();
    CHECK(shown.find(d.issueMessage("PluginProfile/ServerUrlList[1]")) != std::string::npos);
    d.click("Kept as read (1)");
    CHECK(d.shownText().find("<FutureSetting>on</FutureSetting>") != std::string::npos);
    CHECK_FALSE(d.find("all:FutureSetting"));
}

TEST_CASE("all settings: an issue whose field has no form widget opens it there") {
    UiDriver d;
    load(d, kPluginXml);
    REQUIRE_FALSE(d.state.view.allSettings.active);
    clickIssue(d, "PluginProfile/ServerUrlList[1]"); // b.contoso..com: an empty label
    d.frames(6); // two frames for the form to take it, one to switch tabs, one to focus
    CHECK(d.state.view.allSettings.active);
    CHECK(d.state.view.focusField.empty());
    CHECK(d.state.view.allSettings.lastFocused == "PluginProfile/ServerUrlList");
    // The keyboard is in the tree's ServerUrlList box: typing there edits the element.
    const ui::LocatedItem* box = d.find("all:PluginProfile/ServerUrlList");
    REQUIRE(box != nullptr);
    CHECK(d.activeId() == box->id);
    d.key(ImGuiKey_A, true);
    d.type("a.contoso.com;b.contoso.com");
    d.key(ImGuiKey_Enter);
    CHECK(d.state.doc.profile.pluginProfile->serverUrlList == "a.contoso.com;b.contoso.com");
    CHECK(d.issueMessage("PluginProfile/ServerUrlList[1]").empty());
}

TEST_CASE("all settings: lists page through 10,000 routes to the one an issue names") {
    UiDriver d;
    std::string xml = "<VPNProfile><ProfileName>Big</ProfileName><NativeProfile><Servers>"
                      "vpn.example.com</Servers></NativeProfile>";
    for (int k = 0; k < 10000; ++k)
        xml += "<Route><Address>10." + std::to_string(k / 250) + "." + std::to_string(k % 250) +
               ".1</Address><PrefixSize>" + (k == 7321 ? "24" : "32") + "</PrefixSize></Route>";
    load(d, xml + "</VPNProfile>");
    openTree(d);
    clickIssue(d, "Route[7321]/Address"); // 10.29.71.1/24: host bits set
    d.frames(3);
    CHECK(d.state.view.allSettings.lastFocused == "Route[7321]/Address");
    CHECK(d.state.view.allSettings.pages["Route"] == 7300);
    CHECK(d.find("all:Route[7321]/Address"));
    CHECK_FALSE(d.find("all:Route[7200]/Address")); // another page: not laid out
}

TEST_CASE("all settings: the Fix button repairs a misplaced element, undoably") {
    UiDriver d;
    load(d, "<VPNProfile><ProfileName>Fixme</ProfileName><NativeProfile><Servers>vpn.example.com"
            "</Servers></NativeProfile><DisableClassBasedDefaultRoute>true"
            "</DisableClassBasedDefaultRoute></VPNProfile>");
    REQUIRE(d.state.view.allSettings.fixes.size() == 1);
    d.click("Fix");
    CHECK(d.state.doc.profile.nativeProfile->disableClassBasedDefaultRoute == true);
    CHECK(d.state.doc.profile.extra.empty());
    d.frames(2);
    CHECK(d.state.view.allSettings.fixes.empty());
    ui::undo(d.state);
    d.frames(2);
    CHECK(d.state.view.allSettings.fixes.size() == 1);
}

// Clicks each of the document's issues from the form, as a user does; each must be taken by a
// form widget or by the tree (at its row or an ancestor's). Returns the rules seen.
std::set<std::string> clickEveryIssue(UiDriver& d, std::size_t& checked) {
    std::set<std::string> fired;
    const std::vector<Issue> issues = d.state.derived.issues;
    for (const Issue& issue : issues) {
        CAPTURE(issue.rule);
        CAPTURE(issue.field);
        fired.insert(issue.rule);
        d.state.view.allSettings.selectForm = true;
        d.frames(2);
        REQUIRE_FALSE(d.state.view.allSettings.active);
        d.state.view.allSettings.lastFocused.clear();
        clickIssue(d, issue.field);
        for (int k = 0; k < 6 && !d.state.view.focusField.empty(); ++k)
            d.frame();
        CHECK(d.state.view.focusField.empty());
        const std::string& tree = d.state.view.allSettings.lastFocused;
        if (d.state.view.allSettings.active)
            CHECK((!tree.empty() && issue.field.compare(0, tree.size(), tree) == 0));
        ++checked;
    }
    return fired;
}

// Every field path the validator emits lands somewhere. The files: the real-world corpus, the
// reference profiles, and tests/data/field_paths, which make every validator rule fire; the test
// fails when a rule of the catalogue is not exercised, so a new rule needs a fixture there.
TEST_CASE("every emitted field path maps to a form location") {
    std::vector<std::string> files;
    for (const std::string& dir : {corpusDir(), profilesDir(), dataDir() + "/field_paths"})
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".xml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::set<std::string> fired;
    std::size_t checked = 0;
    for (const std::string& file : files) {
        CAPTURE(file);
        UiDriver d;
        load(d, readText(file));
        fired.merge(clickEveryIssue(d, checked));
    }
    {
        // A document always has a NativeProfile or a plug-in when loaded; only removing it in
        // the tree leaves neither.
        UiDriver d;
        load(d, readText(dataDir() + "/field_paths/no_connection.xml"));
        openTree(d);
        d.click("remove NativeProfile");
        d.frames(2);
        REQUIRE_FALSE(d.state.doc.profile.nativeProfile);
        fired.merge(clickEveryIssue(d, checked));
    }
    CHECK(checked > 100);
    // The validator's rules (the reader's come first in the catalogue and are not issues). Two
    // need what the document knows about the gateway, which the window does not pass yet.
    const std::set<std::string> needGateway{"crypto.custom-policy", "route.client-pool"};
    for (const RuleInfo& rule : validationRules()) {
        const std::string id(rule.id);
        const std::string family = id.substr(0, id.find('.'));
        if (family == "xml" || family == "text" || family == "structure" || family == "value" ||
            family == "eap" || needGateway.count(id) > 0)
            continue;
        CAPTURE(id);
        CHECK(fired.count(id) == 1);
    }
}
