#include "model/product.hpp"
#include "model/product_info.hpp"

#include <doctest/doctest.h>

using namespace aovpn;

TEST_CASE("window title names the document and marks unsaved changes") {
    CHECK(windowTitle("Contoso AOVPN", false) == "Contoso AOVPN \u2014 AOVPN Studio");
    CHECK(windowTitle("Contoso AOVPN", true) == "Contoso AOVPN* \u2014 AOVPN Studio");
    CHECK(windowTitle("", false) == "Untitled \u2014 AOVPN Studio");
}

TEST_CASE("banner carries the version CMake configured") {
    CHECK(productBanner() == std::string(kProductName) + " " + kProductVersion);
}
