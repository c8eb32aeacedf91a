#pragma once
// Field paths: how a finding names the element it concerns, in the validator, the reader, the
// UI and the CLI. "Route[3]/Address", "TrafficFilter[1]/App/Id", "NativeProfile/Servers[0]",
// "NativeProfile/Authentication/Eap/ServerValidation/ServerNames". Segments are element names
// from the description (model/describe.hpp); an index is the 0-based position among siblings of
// that name (for a list item: its position in the Profile's vector). Inside a value that is a
// list (Servers, ServerUrlList) the index names an entry of that text. Below Eap the segments
// name EAP settings, not ProfileXML elements.
#include "model/describe.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn {

struct PathSegment {
    std::string name;
    std::optional<std::size_t> index;
    bool operator==(const PathSegment&) const = default;
};

class FieldPath {
  public:
    FieldPath() = default;
    // Nothing when the text is not a path (empty segment, bad index).
    static std::optional<FieldPath> parse(std::string_view text);

    FieldPath child(std::string_view name) const;
    FieldPath child(std::string_view name, std::size_t index) const;
    std::string str() const;
    const std::vector<PathSegment>& segments() const { return segments_; }
    bool empty() const { return segments_.empty(); }
    bool operator==(const FieldPath&) const = default;

    // What the path names in the description: the deepest Field reached and the Element that
    // holds it (nullptr field for the root), and how many segments that took. A path whose
    // every segment maps is complete; an EAP path stops at the Eap field (Kind::Eap).
    struct Resolved {
        const schema::Element* element = nullptr;
        const schema::Field* field = nullptr;
        std::size_t matched = 0;
    };
    Resolved resolve() const;

  private:
    std::vector<PathSegment> segments_;
};

struct TextPosition {
    int line = 0;   // 1-based; 0 when the text could not be parsed
    int column = 0; // 1-based, in code points
    bool operator==(const TextPosition&) const = default;
};

// The position of the element each path names (its '<'), or of the nearest ancestor present in
// `xml` (UTF-8, as ReadResult::source). One parse and one pass over the text for all paths, so
// 10,000 findings cost about what one does.
std::vector<TextPosition> locateFields(std::string_view xml, std::span<const std::string> paths);

} // namespace aovpn
