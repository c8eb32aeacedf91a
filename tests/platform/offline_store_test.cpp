// Offline (Linux) profile folder: apply, replace, list, remove, and saves that never lose data.
#ifndef _WIN32
#include "platform/atomic_file.hpp"
#include "platform/platform.hpp"

#include "offline/folder_profile_store.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <unistd.h>

using namespace aovpn::platform;
using aovpn::platform::offline::FolderProfileStore;
namespace fs = std::filesystem;

namespace {
const ProfileTarget me{TunnelKind::User, {"me", "S-1-22-1-1000"}};

// The offline store with its copies, as the offline platform builds it.
struct Offline {
    FolderProfileStore store;
    std::unique_ptr<AppliedCopies> copies;
    LocalProfileService service;
    explicit Offline(const fs::path& dir, WriteFaultHook hook = {})
        : store(dir, std::move(hook)), copies(makeFolderAppliedCopies(dir / ".applied")),
          service(store, *copies) {}
    const fs::path& dir() const { return store.dir(); }
};

fs::path freshDir(const char* name) {
    const auto dir = fs::path(aovpn::test::scratchDir()) / "offline-store" / name;
    fs::remove_all(dir);
    return dir;
}

// Regular files only (the .applied folder holds the copies).
std::vector<std::string> filesIn(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

TEST_CASE("apply, read back, replace, list, remove") {
    Offline o(freshDir("basic"));
    auto& store = o.store;
    auto r = o.service.apply(me, "Contoso VPN", "<VPNProfile>one</VPNProfile>");
    REQUIRE(r.ok);
    CHECK(filesIn(store.dir()) == std::vector<std::string>{"Contoso%20VPN.xml"});
    auto found = store.find(me, "Contoso VPN");
    REQUIRE(found);
    REQUIRE(found.value());
    CHECK(found.value()->xml == "<VPNProfile>one</VPNProfile>");
    CHECK(found.value()->instanceId == "Contoso%20VPN");

    r = o.service.apply(me, "Contoso VPN", "<VPNProfile>two</VPNProfile>");
    CHECK(r.replaced);
    CHECK(r.previousXml == "<VPNProfile>one</VPNProfile>");
    CHECK(o.service.apply(me, "R&D \"Lab\"", "<VPNProfile>3</VPNProfile>").ok);
    auto all = store.list(me);
    REQUIRE(all);
    REQUIRE(all.value().size() == 2);
    CHECK(all.value()[0].name == "Contoso VPN");
    CHECK(all.value()[0].xml == "<VPNProfile>two</VPNProfile>");
    CHECK(all.value()[1].name == "R&D \"Lab\"");

    auto removed = o.service.remove(me, "Contoso VPN");
    CHECK(removed.ok);
    CHECK(removed.existed);
    CHECK(store.list(me).value().size() == 1);
    CHECK_FALSE(store.remove(me, {"Contoso VPN", "Contoso%20VPN", ""}).ok());
}

TEST_CASE("names that cannot be a profile are refused with a sentence") {
    FolderProfileStore store(freshDir("names"));
    auto s = store.create(me, "a/b", "<x/>");
    REQUIRE_FALSE(s.ok());
    CHECK(!s.error->meaning.empty());
    CHECK_FALSE(store.create(me, "", "<x/>").ok());
    CHECK_FALSE(fs::exists(store.dir() / "a"));
}

TEST_CASE("temp files a crash left are removed on the next start; a running writer's are kept") {
    const auto dir = freshDir("leftover");
    {
        FolderProfileStore store(dir);
        REQUIRE(store.create(me, "Contoso", "<VPNProfile>good</VPNProfile>").ok());
    }
    // What a kill -9 between write and rename leaves: a half-written temp file of a dead pid,
    // and one of a process still running (ours: a save in progress).
    std::ofstream(dir / ".Contoso.xml.aovpn-tmp-999999999-0") << "<VPNProf";
    const std::string live = ".Contoso.xml.aovpn-tmp-" + std::to_string(::getpid()) + "-7";
    std::ofstream(dir / live) << "<VPN";
    FolderProfileStore next(dir); // a later start
    auto all = next.list(me);
    REQUIRE(all.value().size() == 1);
    CHECK(all.value()[0].xml == "<VPNProfile>good</VPNProfile>");
    CHECK(filesIn(dir) == std::vector<std::string>{live, "Contoso.xml"});
}

TEST_CASE("a save (GUI, CLI -o) removes the temps a killed save of the same file left") {
    const auto dir = freshDir("save-temps");
    fs::create_directories(dir);
    std::ofstream(dir / ".doc.xml.aovpn-tmp-999999999-0") << "<VPNProf"; // a dead writer's
    std::ofstream(dir / ".other.xml.aovpn-tmp-999999999-0") << "<VPN";   // another file's
    const std::string live = ".doc.xml.aovpn-tmp-" + std::to_string(::getppid()) + "-3";
    std::ofstream(dir / live) << "<V"; // a writer still running (our parent)
    REQUIRE(writeFileAtomically(dir / "doc.xml", "<VPNProfile/>", "Save doc.xml").ok());
    CHECK(filesIn(dir) ==
          std::vector<std::string>{live, ".other.xml.aovpn-tmp-999999999-0", "doc.xml"});
}

TEST_CASE("a profile whose name starts with '.' is stored AND listed") {
    Offline o(freshDir("dotname"));
    REQUIRE(o.service.apply(me, ".hidden", "<VPNProfile>dot</VPNProfile>").ok);
    REQUIRE(o.service.apply(me, "..", "<VPNProfile>dots</VPNProfile>").ok);
    auto all = o.service.list(me);
    REQUIRE(all);
    REQUIRE(all.value().size() == 2);
    CHECK(all.value()[0].name == "..");
    CHECK(all.value()[1].name == ".hidden");
    CHECK(o.service.remove(me, ".hidden").ok);
    CHECK(o.service.list(me).value().size() == 1);
}

TEST_CASE("a save failing at any step loses nothing, and the old profile comes back") {
    for (const char* failAt : {"write", "flush", "rename"}) {
        CAPTURE(failAt);
        int creates = 0;
        auto hook = [&](std::string_view step) -> std::optional<Error> {
            // The first create (setup) succeeds; the replacing one fails at `failAt`.
            if (step == "write") ++creates;
            if (creates == 2 && step == failAt)
                return makeError("Save", CodeKind::Errno, 28, "No space left on device");
            return std::nullopt;
        };
        Offline o(freshDir(failAt), hook);
        auto& store = o.store;
        REQUIRE(store.create(me, "Contoso", "<VPNProfile>old</VPNProfile>").ok());
        auto r = o.service.apply(me, "Contoso", "<VPNProfile>new</VPNProfile>");
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
    CHECK(p->profiles().apply(me, "X", "<VPNProfile/>").ok);
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
    CHECK(q->profiles().apply(me, "Y", "<VPNProfile/>").ok);
    CHECK(fs::exists(dir / "xdg" / "aovpn-studio" / "profiles" / "Y.xml"));
    ::unsetenv("XDG_DATA_HOME");
}
#endif
