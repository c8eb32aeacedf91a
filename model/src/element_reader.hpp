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

// Eap/Configuration content: typed when it maps exactly, else kept verbatim.
EapConfig readEapConfiguration(xml::Reader& r, pugi::xml_node configuration);

} // namespace aovpn
