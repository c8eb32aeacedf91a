#include "model/utf8_path.hpp"

#include <doctest/doctest.h>

TEST_CASE("UTF-8 paths survive the round trip through std::filesystem::path") {
    const std::string name = "Contoso \xC3\x9C"
                             "bung \xE2\x80\x94 VPN.xml"; // Ü and an em dash
    const auto p = aovpn::pathFromUtf8(name);
    CHECK(aovpn::pathToUtf8(p) == name);
    CHECK(aovpn::pathToUtf8(p.filename()) == name);
}
