#pragma once
// Reading a large profile in two halves at once (split_read.cpp), and the one-thread read of a
// parsed document both halves use (profile_reader.cpp).
#include "model/describe.hpp"
#include "model/profile_xml.hpp"

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace aovpn {

// Reads the parsed `doc` into `result`; `text` is what positions refer to.
void readDocument(ReadResult& result, std::string_view text, pugi::xml_document& doc);

// When `buffer` (the decoded text, equal to `text`) is at least `from` bytes and can be cut
// between two items of a top-level list: reads both halves at once into result.profile and
// returns true. False when that could not give exactly the one-thread result (a half does not
// parse, has a finding, or an element appears in both; a NUL byte in the first half) or no
// second thread can be started. Either way `buffer` is then as it was.
bool readSplit(ReadResult& result, std::string_view text, std::string& buffer, std::size_t from);

// Percent of the text the first half takes. The second starts later (its copy, the thread's
// start), and in 10,000 routes + 10,000 filters it holds the filters, which take longer a byte
// to read: 55 gave the shortest read of that profile (50: 7.9 ms, 55: 7.3, 60: 7.5, 65: 7.6).
constexpr std::size_t kFirstShare = 55;

struct Cut {
    std::size_t at = 0;
    const schema::Field* list = nullptr;
};
// Where readSplit cuts `text`: the '<' of a list item (<TrafficFilter>, <Route>...) that
// follows, after blanks only, the end tag of another of the same name, at or after kFirstShare
// percent of it; no `list` when there is none. Whether that is at the top level is settled by
// parsing.
Cut splitPoint(std::string_view text);

} // namespace aovpn
