#include "platform/system_paths.hpp"

#include <doctest/doctest.h>

using namespace aovpn::platform;

TEST_CASE("font candidates are existing files") {
    for (const auto& p : uiFontCandidates()) {
        INFO(p.string());
        CHECK(std::filesystem::is_regular_file(p));
    }
}

TEST_CASE("config folder is absolute and names the app") {
    auto dir = configDir();
    CHECK(dir.is_absolute());
    const auto leaf = dir.filename().string();
    CHECK((leaf == "aovpn-studio" || leaf == "AOVPN Studio"));
}
