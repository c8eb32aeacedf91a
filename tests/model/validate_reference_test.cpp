// The validator on the real-world samples in shared/reference/profiles, read by the reader.
#include "model/profile_xml.hpp"

#include "profile_test_util.hpp"
#include "validate_fixtures.hpp"

#include <algorithm>
#include <set>

using namespace aovpn;
using namespace aovpn::test;

namespace {
std::set<std::string> rulesOf(const std::string& file) {
    const ReadResult r = readProfileXml(readFile(profilesDir() + "/" + file));
    REQUIRE_MESSAGE(r.ok(), joinMessages(r.errors));
    std::set<std::string> rules;
    for (const Issue& i : validateProfile(r.profile))
        rules.insert(i.rule);
    return rules;
}
} // namespace

TEST_CASE("reference: the seed user tunnel shows the problems the seed article has") {
    const auto rules = rulesOf("seed_azure_user_tunnel.xml");
    const std::set<std::string> expected = {"general.name-missing", "general.always-on-no-tnd",
                                            "auth.server-validation-off", "auth.no-cert-filter",
                                            "crypto.missing"};
    CHECK(rules == expected);
}

TEST_CASE("reference: Hicks's user template flags the empty EAP block and IPv6 with filters") {
    const auto rules = rulesOf("hicks_ProfileXML_User.xml");
    for (const char* rule : {"auth.eap-missing", "filter.ipv6-routes", "general.proxy-split-tunnel",
                             "general.automatic-protocol"}) {
        CAPTURE(rule);
        CHECK(rules.count(rule) == 1);
    }
}

TEST_CASE("reference: Hicks's device tunnel passes apart from its missing name") {
    CHECK(rulesOf("hicks_ProfileXML_Device.xml") == std::set<std::string>{"general.name-missing"});
}

TEST_CASE("reference: no sample produces an unknown rule id") {
    std::set<std::string_view> known;
    for (const RuleInfo& r : validationRules())
        known.insert(r.id);
    for (const std::string& path : referenceProfiles()) {
        CAPTURE(path);
        const ReadResult r = readProfileXml(readFile(path));
        for (const Issue& i : validateProfile(r.profile))
            CHECK(known.count(i.rule) == 1);
    }
}
