// A large profile is read in two halves at once, one per core: the text is cut just before an
// item of a top-level list (10,000 <TrafficFilter>s or <Route>s), the first half is closed with
// </VPNProfile> and the second opened with <VPNProfile>, both are parsed and read at the same
// time, and the second Profile is moved in after the first.
//
// The result must be the one-thread read's, so this path keeps only what it can vouch for, and
// anything else is read again on one thread:
// - both halves parse. A cut inside a comment, CDATA, a processing instruction, an attribute
//   or a DOCTYPE leaves the first half unclosed, and one below the top level (or outside the
//   root) makes </VPNProfile> close the wrong element: either way the first half fails;
// - the root has no attributes (the second half's root has none, and namespace declarations
//   on it would reach into the second half);
// - neither half has a finding: positions and field paths of the second half would be off, and
//   a finding's wording can depend on what the other half holds;
// - no single element (ProfileName, NativeProfile...) is in both halves: one read would have
//   kept the second as a duplicate;
// - the first half holds no NUL byte: pugixml stops there, and after the root one read would
//   not see the second half at all.
#include "split_read.hpp"

#include "cores.hpp"
#include "element_reader.hpp"
#include "second_thread.hpp"
#include "xml_support.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <new>
#include <stdexcept>

namespace aovpn {
namespace {

constexpr std::string_view kOpen = "<VPNProfile>";
constexpr std::string_view kClose = "</VPNProfile>";

bool parseHalf(pugi::xml_document& doc, char* data, std::size_t size) {
    if (!doc.load_buffer_inplace(data, size, xml::kReadOptions, pugi::encoding_utf8)) return false;
    const pugi::xml_node root = doc.document_element();
    return root && !root.first_attribute();
}

// Reads a parsed half; true when the read found nothing to say.
bool readHalf(std::string_view text, pugi::xml_document& doc, ReadResult& half) {
    readDocument(half, text, doc);
    return half.ok() && half.warnings.empty() && half.suppressed == 0;
}

// Room for `list` in the first half's Profile: its own items and an estimate of the second
// half's, from the bytes its items take (they were parsed in place, so a name points into
// `data`). An estimate, not the second half's count: waiting for that count after its parse
// kept this thread idle for a millisecond. Too few only costs a move at the join; too many,
// capacity never touched. So it is held to four times the items this half has, and items are
// taken to be at least 32 bytes (a real <Route> is 60 and more): a few small items before the cut
// and a long comment after it would otherwise reserve room for an item per few bytes of that
// comment (a bad_alloc for a text one read takes in its stride).
std::size_t roomFor(const pugi::xml_document& doc, const schema::Field& list, const char* data,
                    std::size_t cut, std::size_t rest) {
    std::size_t own = 0;
    const char* first = nullptr;
    for (pugi::xml_node c = doc.document_element().first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element || list.name != c.name()) continue;
        if (own++ == 0) first = c.name();
    }
    const std::less<const char*> before;
    if (own == 0 || !before(data, first) || !before(first, data + cut)) return own;
    const std::size_t bytesEach = std::max<std::size_t>(32, (data + cut - (first - 1)) / own);
    const std::size_t estimate = std::min(rest / bytesEach + 1, 4 * own);
    return own + estimate + estimate / 8;
}

// Makes that room, unless the system refuses it: the read then goes on without it.
void reserve(const schema::Field& list, Profile& profile, std::size_t n) {
    try {
        list.access.reserve(list.access.container(&profile), n);
    } catch (const std::bad_alloc&) {
    } catch (const std::length_error&) {
    }
}

// Moves `second` in after `first`, child by child as the description lists them; false when a
// single element is set in both.
bool join(Profile& first, Profile& second) {
    const schema::Element& root = schema::vpnProfile();
    for (const schema::Field& f : root.fields)
        if (!f.access.take(f.access.container(&first), f.access.container(&second))) return false;
    RawElements& extra = *root.extra(&first);
    for (std::string& e : *root.extra(&second))
        extra.push_back(std::move(e));
    Comments& comments = *root.comments(&first);
    for (Comment& c : *root.comments(&second))
        comments.push_back(std::move(c));
    sortComments(root, comments); // then in the order one read leaves them (a stable sort)
    return true;
}

} // namespace

Cut splitPoint(std::string_view t) {
    const schema::Element& root = schema::vpnProfile();
    // The '>' is looked for only as far as the longest name reaches: to the end of the text,
    // a text of many "</" would take quadratic time.
    std::size_t longest = 0;
    for (const schema::Field& f : root.fields)
        longest = std::max(longest, f.name.size());
    for (std::size_t at = t.find("</", t.size() / 100 * kFirstShare); at != std::string_view::npos;
         at = t.find("</", at + 2)) {
        const std::size_t end = t.substr(0, at + 3 + longest).find('>', at + 2);
        if (end == std::string_view::npos) continue;
        const std::string_view name = t.substr(at + 2, end - at - 2);
        const schema::Field* f = root.field(name);
        if (!f || !f->list || f->kind != schema::Kind::Struct) continue;
        const std::size_t next = t.find_first_not_of(" \t\r\n", end + 1);
        if (next == std::string_view::npos || next + 2 + name.size() > t.size()) break;
        const char after = t[next + 1 + name.size()];
        if (t[next] == '<' && t.substr(next + 1, name.size()) == name &&
            std::strchr("> \t\r\n/", after) != nullptr && after != '\0')
            return {next, f};
    }
    return {};
}

bool readSplit(ReadResult& result, std::string_view text, std::string& buffer, std::size_t from) {
    if (buffer.size() < from || coreCount() < 2) return false;
    const Cut cut = splitPoint(buffer);
    if (!cut.list || cut.at + kClose.size() > buffer.size()) return false;
    // pugixml ends the text at a NUL byte: after the root, one read ignores all that follows,
    // which the second half would read. (In the second half, the two reads stop at the same one.)
    if (std::memchr(buffer.data(), '\0', cut.at) != nullptr) return false;
    const std::size_t secondSize = kOpen.size() + text.size() - cut.at;

    ReadResult a, b;
    bool readA = false, readB = false;
    const auto readSecond = [&] {
        // Its copy of its half is made here, on its own thread; `text` stays intact.
        std::string second;
        second.reserve(secondSize);
        second.append(kOpen).append(text.substr(cut.at));
        pugi::xml_document doc;
        readB = parseHalf(doc, second.data(), second.size()) && readHalf(text, doc, b);
    };
    const auto readFirst = [&] {
        std::memcpy(buffer.data() + cut.at, kClose.data(), kClose.size());
        {
            pugi::xml_document doc;
            if (parseHalf(doc, buffer.data(), cut.at + kClose.size())) {
                // Room for the whole list from the start: joining then moves the second half's
                // items in without moving the first's again.
                reserve(*cut.list, a.profile,
                        roomFor(doc, *cut.list, buffer.data(), cut.at, secondSize));
                readA = readHalf(text, doc, a);
            }
        }
        // Parsed in place: made whole again here, while the second thread still reads, rather
        // than all 2.9 MB copied back once both are done. (The second half was never touched.)
        std::memcpy(buffer.data(), text.data(), cut.at + kClose.size());
    };
    if (!alongside(readSecond, readFirst)) return false; // no second thread: all on this one
    if (!readA || !readB || !join(a.profile, b.profile)) return false;
    result.profile = std::move(a.profile);
    return true;
}

} // namespace aovpn
