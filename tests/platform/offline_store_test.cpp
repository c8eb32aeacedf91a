// Offline (Linux) profile folder: apply, replace, list, remove, and saves that never lose data.
#ifndef _WIN32
#include "platform/platform.hpp"

#include "offline/folder_profile_store.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

using namespace aovpn::platform;
using aovpn::platform::offline::FolderProfileStore;
namespace fs = std::filesystem;

namespace {
const ProfileTarget me{TunnelKind::User, {"me", "S-1-22-1-1000"}};

fs::path freshDir(const char* name) {
    const auto dir = fs::path(aovpn::test::scratchDir()) / "offline-store" / name;
    fs::remove_all(dir);
    return dir;
}

std::vector<std::string> filesIn(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

TEST_CASE("apply, read back, replace, list, remove") {
    FolderProfileStore store(freshDir("basic"));
    auto r = applyProfile(store, me, "Contoso VPN", "<VPNProfile>one</VPNProfile>");
    REQUIRE(r.ok);
    CHECK(filesIn(store.dir()) == std::vector<std::string>{"Contoso%20VPN.xml"});
    auto found = store.find(me, "Contoso VPN");
    REQUIRE(found);
    REQUIRE(found.value());
    CHECK(found.value()->xml == "<VPNProfile>one</VPNProfile>");
    CHECK(found.value()->instanceId == "Contoso%20VPN");

    r = applyProfile(store, me, "Contoso VPN", "<VPNProfile>two</VPNProfile>");
    CHECK(r.replaced);
    CHECK(r.previousXml == "<VPNProfile>one</VPNProfile>");
    CHECK(applyProfile(store, me, "R&D \"Lab\"", "<VPNProfile>3</VPNProfile>").ok);
    auto all = store.list(me);
    REQUIRE(all);
    REQUIRE(all.value().size() == 2);
    CHECK(all.value()[0].name == "Contoso VPN");
    CHECK(all.value()[0].xml == "<VPNProfile>two</VPNProfile>");
    CHECK(all.value()[1].name == "R&D \"Lab\"");

    auto removed = removeProfile(store, me, "Contoso VPN");
    CHECK(removed.ok);
    CHECK(removed.existed);
    CHECK(store.list(me).value().size() == 1);
    CHECK_FALSE(store.remove(me, "Contoso VPN").ok());
}

TEST_CASE("names that cannot be a profile are refused with a sentence") {
    FolderProfileStore store(freshDir("names"));
    auto s = store.create(me, "a/b", "<x/>");
    REQUIRE_FALSE(s.ok());
    CHECK(!s.error->meaning.empty());
    CHECK_FALSE(store.create(me, "", "<x/>").ok());
    CHECK_FALSE(fs::exists(store.dir() / "a"));
}

TEST_CASE("a leftover temp file from an interrupted save is ignored and harms nothing") {
    FolderProfileStore store(freshDir("leftover"));
    REQUIRE(store.create(me, "Contoso", "<VPNProfile>good</VPNProfile>").ok());
    // What a crash between write and rename leaves behind: a half-written temp file.
    std::ofstream(store.dir() / ".Contoso.xml.tmp-999-0") << "<VPNProf";
    auto all = store.list(me);
    REQUIRE(all.value().size() == 1);
    CHECK(all.value()[0].xml == "<VPNProfile>good</VPNProfile>");
    CHECK(applyProfile(store, me, "Contoso", "<VPNProfile>better</VPNProfile>").ok);
    CHECK(store.find(me, "Contoso").value()->xml == "<VPNProfile>better</VPNProfile>");
}

TEST_CASE("a save failing at any step loses nothing, and the old profile comes back") {
    for (const char* failAt : {"write", "fsync", "rename"}) {
        CAPTURE(failAt);
        int creates = 0;
        auto hook = [&](std::string_view step) -> std::optional<Error> {
            // The first create (setup) succeeds; the replacing one fails at `failAt`.
            if (step == "write") ++creates;
            if (creates == 2 && step == failAt)
                return makeError("Save", CodeKind::Errno, 28, "No space left on device");
            return std::nullopt;
        };
        FolderProfileStore store(freshDir(failAt), hook);
        REQUIRE(store.create(me, "Contoso", "<VPNProfile>old</VPNProfile>").ok());
        auto r = applyProfile(store, me, "Contoso", "<VPNProfile>new</VPNProfile>");
        CHECK_FALSE(r.ok);
        CHECK(r.error->meaning.find("disk is full") != std::string::npos);
        CHECK(r.restoredPrevious);
        CHECK(store.find(me, "Contoso").value()->xml == "<VPNProfile>old</VPNProfile>");
        CHECK(filesIn(store.dir()) == std::vector<std::string>{"Contoso.xml"}); // no temp left
    }
}

TEST_CASE("the factory uses the folders it is given, and XDG by default") {
    const auto dir = freshDir("factory");
    auto p = makeSystemPlatform({dir / "profiles", dir / "certs"});
    CHECK(p->name() == "Linux authoring mode");
    CHECK(applyProfile(p->profiles(), me, "X", "<VPNProfile/>").ok);
    CHECK(fs::exists(dir / "profiles" / "X.xml"));
    CHECK(p->certificates().listPersonal().value().empty());
    CHECK_FALSE(p->connections().available());
    auto r = p->connections().connect("X", {});
    CHECK_FALSE(r.ok);
    REQUIRE(r.error);
    CHECK(r.error->meaning.find(
              "Connect test is not available on this system (Linux authoring mode)") == 0);
    auto s = p->session().query();
    REQUIRE(s);
    CHECK(s.value().process.sid.rfind("S-1-22-1-", 0) == 0);
    CHECK_FALSE(wrongAccountWarning(s.value(), chooseTarget(s.value(), TunnelKind::User)));

    ::setenv("XDG_DATA_HOME", (dir / "xdg").c_str(), 1);
    auto q = makeSystemPlatform();
    CHECK(applyProfile(q->profiles(), me, "Y", "<VPNProfile/>").ok);
    CHECK(fs::exists(dir / "xdg" / "aovpn-studio" / "profiles" / "Y.xml"));
    ::unsetenv("XDG_DATA_HOME");
}
#endif
