#pragma once
// Where the tests find their data: ../shared beside the repository (the reference profiles and
// schema), tests/data in the repository, and a scratch folder inside the build tree.
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
inline std::string scratchDir() {
    return std::string(AOVPN_BUILD_DIR) + "/test-scratch";
}
} // namespace aovpn::test
