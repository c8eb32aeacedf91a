#include "platform/platform.hpp"

#include <doctest/doctest.h>

using namespace aovpn::platform;

TEST_CASE("every RAS code helpdesk staff meet has a meaning and a next step") {
    for (std::uint32_t code : {623u, 691u, 720u, 798u, 800u, 809u, 812u, 13801u, 13806u, 13868u}) {
        INFO(code);
        const auto h = hintFor(CodeKind::Ras, code);
        REQUIRE(h.has_value());
        CHECK(!h->meaning.empty());
        CHECK(!h->nextStep.empty());
    }
}

TEST_CASE("WMI codes map to the plain explanations") {
    CHECK(hintFor(CodeKind::HResult, 0x8004100E)->meaning.find("MDM bridge") != std::string::npos);
    CHECK(hintFor(CodeKind::HResult, 0x80041003)->nextStep.find("administrator") !=
          std::string::npos);
    CHECK(hintFor(CodeKind::HResult, 0x80041001)->nextStep.find("validator") != std::string::npos);
    CHECK_FALSE(hintFor(CodeKind::HResult, 0x12345678).has_value());
    CHECK_FALSE(hintFor(CodeKind::Win32, 809).has_value()); // kinds do not mix
}

TEST_CASE("makeError fills the hint and describe() tells all five parts") {
    const Error e = makeError("Connect to \"Contoso\"", CodeKind::Ras, 809,
                              "The network connection "
                              "... timed out.\r\n");
    CHECK(e.systemMessage == "The network connection ... timed out.");
    CHECK(e.codeText() == "RAS error 809");
    const auto text = e.describe();
    CHECK(text.find("Connect to \"Contoso\" failed (RAS error 809).") == 0);
    CHECK(text.find("System says: The network") != std::string::npos);
    CHECK(text.find("Usually means: ") != std::string::npos);
    CHECK(text.find("What to do: ") != std::string::npos);
    CHECK(makeError("x", CodeKind::HResult, 0x8004100E).codeText() == "HRESULT 0x8004100E");
}

TEST_CASE("an unknown code still says what was tried and the code") {
    const Error e = makeError("Do a thing", CodeKind::Win32, 4242, "");
    CHECK(e.meaning.empty());
    CHECK(e.describe() == "Do a thing failed (Windows error 4242).");
}

TEST_CASE("RAS connection states read as words") {
    CHECK(rasStateName(0) == "Opening the port");
    CHECK(rasStateName(5) == "Authenticating");
    CHECK(rasStateName(0x2000) == "Connected");
    CHECK(rasStateName(0x2001) == "Disconnected");
    CHECK(rasStateName(999) == "Unknown state");
}

TEST_CASE("every code issue 9 lists has a hint with a next step") {
    const std::pair<CodeKind, std::uint32_t> codes[] = {{CodeKind::HResult, 0x80041019},
                                                        {CodeKind::Ras, 703},
                                                        {CodeKind::Ras, 756},
                                                        {CodeKind::Ras, 798},
                                                        {CodeKind::Ras, 817},
                                                        {CodeKind::Ras, 853},
                                                        {CodeKind::Ras, 864},
                                                        {CodeKind::Ras, 13806},
                                                        {CodeKind::Ras, 18},
                                                        {CodeKind::HResult, 0x80070331},
                                                        {CodeKind::Win32, 18}};
    // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
    for (const auto& entry : codes) {
        const std::uint32_t code = entry.second;
        CAPTURE(code);
        const auto h = hintFor(entry.first, code);
        REQUIRE(h);
        CHECK(!h->meaning.empty());
        CHECK(!h->nextStep.empty());
    }
    CHECK(hintFor(CodeKind::Ras, 18)->meaning.find("There are no more files") !=
          std::string_view::npos);
    CHECK(hintFor(CodeKind::Ras, 703)->meaning.find("ERROR_INTERACTIVE_MODE") !=
          std::string_view::npos);
}
