// Test-only: prints the canonical ProfileXML of a file (read, then write). Exit 1 when the file
// cannot be read; diagnostics go to stderr.
#include "model/profile_xml.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: aovpn_canon <profile.xml>\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const aovpn::ReadResult r = aovpn::readProfileXml(text.str());
    for (const auto& e : r.errors)
        std::cerr << "error: " << e.message << "\n";
    for (const auto& w : r.warnings)
        std::cerr << "warning: " << w.message << "\n";
    if (!r.ok()) return 1;
    std::cout << aovpn::writeProfileXml(r.profile);
    return 0;
}
