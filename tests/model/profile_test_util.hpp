#pragma once
// Shared helpers for the ProfileXML tests.
#include "model/profile_xml.hpp"

#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace aovpn::test {

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The shared reference profiles plus our own in tests/data/profiles.
inline std::vector<std::string> referenceProfiles() {
    std::vector<std::string> out;
    for (const auto& dir : {profilesDir(), dataDir() + "/profiles"})
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".xml") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

inline std::string joinMessages(const std::vector<XmlDiagnostic>& ds) {
    std::string out;
    for (const auto& d : ds)
        out += d.message + "\n";
    return out;
}

// Reads text that must be usable.
inline Profile readOk(std::string_view xml) {
    ReadResult r = readProfileXml(xml);
    INFO(joinMessages(r.errors));
    REQUIRE(r.ok());
    return r.profile;
}

} // namespace aovpn::test
