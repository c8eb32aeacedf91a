#pragma once
// Where the tests find their data: ../shared beside the repository (the reference profiles and
// schema), tests/data in the repository, and a scratch folder inside the build tree.
#include <filesystem>
#include <string>

namespace aovpn::test {
inline std::string sharedDir() {
    return AOVPN_SHARED_DIR;
}
inline std::string referenceDir() {
    return sharedDir() + "/reference";
}
inline std::string profilesDir() {
    return referenceDir() + "/profiles";
}
inline std::string corpusDir() {
    return referenceDir() + "/corpus";
}
inline std::string dataDir() {
    return std::string(AOVPN_TESTS_DIR) + "/data";
}
// Made on first use: a test run alone (-tc=...) in a fresh build tree has nobody before it
// that made it.
inline std::string scratchDir() {
    const std::string dir = std::string(AOVPN_BUILD_DIR) + "/test-scratch";
    std::filesystem::create_directories(dir);
    return dir;
}
} // namespace aovpn::test
