#pragma once
#include "model/profile.hpp"

#include "xml_read.hpp"

#include <cstring>

namespace aovpn {

// Element name test for the readers. strcmp: names differ early (each child is tried against up
// to 30 names), so this is cheaper than measuring both first.
inline bool isElement(pugi::xml_node n, const char* name) {
    return std::strcmp(n.name(), name) == 0;
}

Proxy readProxy(xml::Reader& r, pugi::xml_node node);
ApnBinding readApnBinding(xml::Reader& r, pugi::xml_node node);
DeviceCompliance readDeviceCompliance(xml::Reader& r, pugi::xml_node node);
PluginProfile readPlugin(xml::Reader& r, pugi::xml_node node);
AppTrigger readAppTrigger(xml::Reader& r, pugi::xml_node node);
DomainNameInformation readDomain(xml::Reader& r, pugi::xml_node node);
TrafficFilter readFilter(xml::Reader& r, pugi::xml_node node);
NativeProfile readNative(xml::Reader& r, pugi::xml_node node);
Route readRoute(xml::Reader& r, pugi::xml_node node);
// Eap/Configuration content: typed when it maps exactly, else kept verbatim.
EapConfig readEapConfiguration(xml::Reader& r, pugi::xml_node configuration);

} // namespace aovpn
