#include "model/product_info.hpp"

#include "model/product.hpp"

#include <fmt/format.h>

namespace aovpn {

std::string productBanner() {
    return fmt::format("{} {}", kProductName, kProductVersion);
}

std::string windowTitle(std::string_view documentName, bool dirty) {
    std::string_view name = documentName.empty() ? std::string_view("Untitled") : documentName;
    return fmt::format("{}{} \u2014 {}", name, dirty ? "*" : "", kProductName);
}

} // namespace aovpn
