#pragma once
#include "model/profile.hpp"

#include "xml_read.hpp"

namespace aovpn {

Proxy readProxy(xml::Reader& r, pugi::xml_node node);
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
