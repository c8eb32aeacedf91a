// The writer's cursor: room is made as it goes (even from a size hint of 0), deep indents, and
// finish() leaves exactly what was written after what the string held.
#include "xml_out.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace aovpn;

TEST_CASE("XmlOut grows from no room and writes exactly the text, at any depth") {
    std::string out = "head\n";
    std::vector<XmlDiagnostic> warnings;
    xml::XmlOut x(out, warnings, true, 0);
    std::string expected = "head\n";
    for (int depth = 0; depth < 40; ++depth) { // past the 32-space indent copy
        const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
        x.open("A", depth);
        x.value("V", std::string(static_cast<std::size_t>(depth) * 300, '&'), depth);
        x.empty("E", depth);
        x.comment("c", depth);
        x.close("A", depth);
        std::string amps;
        for (int i = 0; i < depth * 300; ++i)
            amps += "&amp;";
        expected += pad + "<A>\n" + pad + "<V>" + amps + "</V>\n" + pad + "<E />\n" + pad +
                    "<!--c-->\n" + pad + "</A>\n";
    }
    x.append("tail");
    x.finish();
    CHECK(out == expected + "tail");
    CHECK(warnings.empty());
}

TEST_CASE("XmlOut reports and cleans a value XML cannot carry") {
    std::string out;
    std::vector<XmlDiagnostic> warnings;
    xml::XmlOut x(out, warnings, false, 16);
    x.value("N", std::string("a<\x01\xC3\xA9", 5), 1);
    x.comment("dropped", 1); // comments off
    x.finish();
    CHECK(out == "  <N>a&lt;\xC3\xA9</N>\n");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].message.find("<N>: control character U+0001 removed") == 0);
}
