// The reader's memory: pugixml parses the reader's one copy of the text in place (no second
// copy), in its compact tree, and `source` is still the text as given. Memory, not time: what a
// read holds is what the system must map for it, so it is asserted here (times never are).
#include "model/profile_xml.hpp"

#include "profile_test_util.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <atomic>
#include <cstdlib>

using namespace aovpn;
using namespace aovpn::test;

namespace {

// What pugixml allocates while installed: the total and the largest block. Atomic: a large
// text is parsed in two halves at once (model/src/split_read.cpp).
struct PugiHeap {
    static inline std::atomic<std::size_t> total = 0, largest = 0;

    static void* allocate(std::size_t n) {
        void* p = std::malloc(n);
        total += n;
        std::size_t seen = largest;
        while (n > seen && !largest.compare_exchange_weak(seen, n)) {
        }
        return p;
    }

    PugiHeap()
        : oldAllocate_(pugi::get_memory_allocation_function()),
          oldFree_(pugi::get_memory_deallocation_function()) {
        total = 0;
        largest = 0;
        pugi::set_memory_management_functions(allocate, std::free);
    }
    ~PugiHeap() { pugi::set_memory_management_functions(oldAllocate_, oldFree_); }
    PugiHeap(const PugiHeap&) = delete;
    PugiHeap& operator=(const PugiHeap&) = delete;

  private:
    pugi::allocation_function oldAllocate_;
    pugi::deallocation_function oldFree_;
};

// 2,000 routes, each with a traffic filter, as the writer lays them out.
std::string largeProfile() {
    std::string xml = "<VPNProfile>\n  <ProfileName>Large</ProfileName>\n";
    for (int i = 0; i < 2000; ++i)
        xml += fmt::format("  <TrafficFilter>\n    <Protocol>6</Protocol>\n    <RemotePortRanges>"
                           "443,8443</RemotePortRanges>\n    <RemoteAddressRanges>10.{0}.{1}.0/24"
                           "</RemoteAddressRanges>\n  </TrafficFilter>\n",
                           i / 256, i % 256);
    for (int i = 0; i < 2000; ++i)
        xml += fmt::format("  <Route>\n    <Address>10.{}.{}.0</Address>\n    <PrefixSize>24"
                           "</PrefixSize>\n    <Metric>1</Metric>\n  </Route>\n",
                           i / 256, i % 256);
    return xml + "</VPNProfile>\n";
}

} // namespace

TEST_CASE("pugixml parses the reader's copy in place, in its compact tree") {
    const std::string xml = largeProfile();
    PugiHeap heap;
    const ReadResult r = readProfileXml(xml);
    REQUIRE(r.ok());
    CHECK(r.profile.routes.size() == 2000);
    CHECK(r.source == xml);
    // A copy of the text would be one block as large as the text.
    CHECK(PugiHeap::largest < xml.size() / 4);
    // 28,000 nodes: 64 bytes each in pugixml's usual tree (more than 3 bytes per byte of this
    // text), about a fifth of that in the compact one.
    CHECK(PugiHeap::total < xml.size());
}

TEST_CASE("source is the text as given, whatever pugixml wrote into its buffer") {
    // Entities, character references, CRLF and attributes are what an in-place parse rewrites.
    const std::string body = "<VPNProfile xmlns=\"urn:x\">\r\n  <ProfileName>a &amp; b&#65;"
                             "</ProfileName>\r\n  <!-- c -->\r\n  <Bogus at='1'>x</Bogus>\r\n"
                             "</VPNProfile>\r\n";
    for (const std::string& input : {body, "\xEF\xBB\xBF" + body}) {
        const ReadResult r = readProfileXml(input);
        REQUIRE(r.ok());
        CHECK(r.source == body);
        CHECK(r.profile.profileName == "a & bA");
        bool kept = false;
        for (const XmlDiagnostic& d : r.warnings)
            if (d.rule == "structure.unknown") {
                kept = true;
                CHECK(d.line == 4);
                CHECK(d.column == 3);
            }
        CHECK(kept);
    }
    // Text that is refused keeps its source too: not well-formed, not a profile, a &#0;.
    for (const std::string bad :
         {"<VPNProfile>\r\n  <A>&amp;</B>\r\n</VPNProfile>", "<Other a='&lt;'>\r\n</Other>",
          "<VPNProfile>\r\n<ProfileName>a&#0;b</ProfileName></VPNProfile>"}) {
        const ReadResult r = readProfileXml(bad);
        CHECK_FALSE(r.ok());
        CHECK(r.source == bad);
    }
}
