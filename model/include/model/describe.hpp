#pragma once
// ONE description per ProfileXML element: each struct of model/profile.hpp lists its children
// once, in schema order (element name, member, kind). The reader, the writer, the canonical
// order, the checks on kept elements, field paths and the "All settings" editor all walk these
// tables; nothing else spells an element name twice.
//
// Order = the xs:sequence of the published VPNProfileSchema.xsd (Intune on Windows 11 rejects
// profiles out of that order). Nodes newer than the XSD follow, in the order of Richard Hicks's
// public Windows 11 24H2 samples (profiles deployed that way are known to work through Intune);
// AlwaysOnActive, absent from those samples, goes last. The XSD has a choice (UserMethod, Eap) |
// MachineMethod; Hicks's Intune samples need both methods, written UserMethod, MachineMethod, Eap.
// Kept unknown elements come after all known ones, in the order they were read.
#include "model/profile.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace aovpn::schema {

// What a child holds. Every member is a container of its values: std::optional<V> (0 or 1) or,
// for a list, std::vector<V> (0..n), where V is
enum class Kind : std::uint8_t {
    Text,    // std::string
    Bool,    // bool ("true"/"false")
    Number,  // std::uint32_t
    Enum,    // Known<E>: one of `enumNames`, or kept text
    Struct,  // a described struct (`element`)
    Servers, // std::vector<VpnServer> itself, written "fqdn;name,fqdn" (one element)
    Xml,     // std::string: the element's content kept as XML text (CustomConfiguration)
    Eap,     // EapConfig, under Eap/Configuration
};

struct Element;

// Type-erased access to the member a Field describes, inside a parent object of the Element's
// struct type. The container is the optional or vector member; item i is a V (see Kind).
struct FieldAccess {
    void* (*container)(void* parent);
    const void* (*ccontainer)(const void* parent);
    std::size_t (*count)(const void* container);
    void* (*item)(void* container, std::size_t i);
    const void* (*citem)(const void* container, std::size_t i);
    void* (*add)(void* container);                   // appends (list) or sets (optional) a V{}
    void (*erase)(void* container, std::size_t i);   // removes item i (optional: resets)
    void (*reserve)(void* container, std::size_t n); // lists only (else nullptr)
    // Moves the values of `from` (the same member of another parent) in after this one's: a
    // list appends them; an optional takes a value only when it has none (false when both have
    // one, nothing moved).
    bool (*take)(void* container, void* from);
    // Enum only, on an item (a Known<E>):
    std::string_view (*enumText)(const void* item);
    void (*setEnumText)(void* item, std::string_view text); // case-insensitive, else kept
};

struct Field {
    std::string_view name;  // the child element
    std::string_view inner; // a wrapper's one child (App/Id, Manual/Server), or empty
    Kind kind;
    bool list;                                   // repeats (std::vector member)
    bool windows11;                              // newer than the published XSD
    const Element* element;                      // Kind::Struct: the child's description
    std::span<const std::string_view> enumNames; // Kind::Enum: the canonical spellings
    FieldAccess access;

    // Convenience over `access`, on a parent object.
    std::size_t count(const void* parent) const { return access.count(access.ccontainer(parent)); }
    const void* at(const void* parent, std::size_t i) const {
        return access.citem(access.ccontainer(parent), i);
    }
    void* at(void* parent, std::size_t i) const { return access.item(access.container(parent), i); }
    void* add(void* parent) const { return access.add(access.container(parent)); }
    void erase(void* parent, std::size_t i) const { access.erase(access.container(parent), i); }
};

struct Element {
    std::string_view name;
    std::span<const Field> fields; // schema order
    RawElements* (*extra)(void* object);
    const RawElements* (*cextra)(const void* object);
    Comments* (*comments)(void* object);
    const Comments* (*ccomments)(const void* object);

    // The child called `name` (exact case), or nullptr.
    const Field* field(std::string_view childName) const;
    // Index of `name` in schema order; fields.size() when it is not a child (sorts last).
    std::size_t rank(std::string_view childName) const;
};

// The root: <VPNProfile> over a Profile.
const Element& vpnProfile();
// Every described element, parents before their children (VPNProfile first).
std::span<const Element* const> allElements();
// The element called `name`, or nullptr (names are unique across the description).
const Element* elementNamed(std::string_view name);

} // namespace aovpn::schema
