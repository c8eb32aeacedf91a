#pragma once
// The generic reader: fills a described struct (model/describe.hpp) from an element, keeping
// what does not fit verbatim and attaching comments to the element they precede.
#include "model/describe.hpp"
#include "model/eap.hpp"

#include "xml_read.hpp"

namespace aovpn {

// Reads the children of `node` into `object`, whose struct `element` describes.
void readElement(xml::Reader& r, pugi::xml_node node, const schema::Element& element, void* object);
// Reads one child into its slot of `object`; false (with the reason in the Reader) when it
// does not fit there.
bool readField(xml::Reader& r, pugi::xml_node child, const schema::Field& field, void* object);

// In the order the writer puts them (its own first, then by child in schema order, the end
// last), so what is read from written text equals what was written. Stable: equal places keep
// the order they were read in.
void sortComments(const schema::Element& el, Comments& comments);

// Eap/Configuration content: typed when it maps exactly, else kept verbatim.
EapConfig readEapConfiguration(xml::Reader& r, pugi::xml_node configuration);

} // namespace aovpn
