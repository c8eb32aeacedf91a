// The Windows paths that Wine can only exercise on their error side: the MDM bridge is missing
// (0x8004100E) and no phonebook entry exists (623). Both must come back explained.
#ifdef _WIN32
#include "platform/platform.hpp"

#include <doctest/doctest.h>

#include <thread>

using namespace aovpn::platform;

namespace {
ProfileTarget currentUser(Platform& p) {
    auto s = p.session().query();
    REQUIRE(s);
    return chooseTarget(s.value(), TunnelKind::User);
}
} // namespace

TEST_CASE("apply through WMI without the MDM bridge fails explained and changes nothing") {
    auto p = makeSystemPlatform();
    CHECK(p->name() == "Windows");
    const auto target = currentUser(*p);
    auto r = p->profiles().apply(target, "AOVPN Wine & Test", "<VPNProfile/>");
    CHECK_FALSE(r.ok);
    REQUIRE(r.error);
    INFO(r.error->describe());
    CHECK(r.error->kind == CodeKind::HResult);
    CHECK(r.error->code == 0x8004100E);
    CHECK(r.error->meaning.find("MDM bridge") != std::string::npos);
    CHECK(!r.error->nextStep.empty());
    CHECK(r.error->action.find("root\\cimv2\\mdm\\dmmap") != std::string::npos);
    CHECK_FALSE(r.replaced);
    CHECK(r.steps.back().find("nothing was changed") != std::string::npos);

    auto listed = p->profiles().list(target);
    REQUIRE_FALSE(listed);
    CHECK(listed.error().code == 0x8004100E);
}

TEST_CASE("remove without the MDM bridge reports the error; leftover cleaning finds nothing") {
    auto p = makeSystemPlatform();
    const auto target = currentUser(*p);
    auto r = p->profiles().remove(target, "AOVPN Wine");
    CHECK_FALSE(r.ok);
    CHECK(r.error->code == 0x8004100E);
}

TEST_CASE("connect test to a missing phonebook entry returns RAS 623, explained") {
    auto p = makeSystemPlatform();
    REQUIRE(p->connections().available());
    std::vector<std::string> progress;
    ConnectOptions o;
    o.timeout = std::chrono::seconds(5);
    o.onProgress = [&](std::string_view s) { progress.emplace_back(s); };
    auto r = p->connections().connect("AOVPN No Such Entry", o);
    CHECK_FALSE(r.ok);
    CHECK(r.rasCode == 623);
    REQUIRE(r.error);
    INFO(r.error->describe());
    CHECK(r.error->kind == CodeKind::Ras);
    CHECK(r.hint.find("not installed") != std::string::npos);
    CHECK(r.duration < std::chrono::seconds(5));

    auto st = p->connections().status("AOVPN No Such Entry");
    REQUIRE(st);
    CHECK_FALSE(st.value().connected);
    CHECK(p->connections().disconnect("AOVPN No Such Entry", std::chrono::seconds(1)).ok());
}

TEST_CASE("session: this process's account has a SID and a name") {
    auto p = makeSystemPlatform();
    auto s = p->session().query();
    REQUIRE(s);
    INFO(s.value().process.name);
    CHECK(s.value().process.sid.rfind("S-1-5-", 0) == 0);
    CHECK(!s.value().process.name.empty());
    // Whatever Wine says about the console, the rules give an answer without crashing.
    const auto target = chooseTarget(s.value(), TunnelKind::User);
    CHECK(!target.user.sid.empty());
    (void)wrongAccountWarning(s.value(), target);
}

TEST_CASE("--user: a user resolves by SID and by name; a group, an alias or SYSTEM is refused") {
    auto p = makeSystemPlatform();
    auto s = p->session().query();
    REQUIRE(s);
    const Account me = s.value().process;
    auto bySid = p->session().resolveAccount(me.sid);
    REQUIRE(bySid);
    CHECK(bySid.value() == me);
    auto byName = p->session().resolveAccount(me.name);
    REQUIRE(byName);
    CHECK(byName.value().sid == me.sid);
    // BUILTIN\Administrators (an alias), Everyone (well-known group), SYSTEM: no profile for them.
    for (const char* notUser : {"S-1-5-32-544", "S-1-1-0", "S-1-5-18"}) {
        auto r = p->session().resolveAccount(notUser);
        REQUIRE_FALSE(r);
        INFO(r.error().describe());
        CHECK(r.error().meaning.find("is not a user account") != std::string::npos);
    }
    auto unknown = p->session().resolveAccount("S-1-5-21-1-2-3-987654");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == 1332); // ERROR_NONE_MAPPED
}
#endif
