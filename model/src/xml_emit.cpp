#include "xml_emit.hpp"

#include <fmt/format.h>

namespace aovpn::xml {

pugi::xml_node Emitter::text(pugi::xml_node parent, const char* name, const std::string& value) {
    pugi::xml_node n = parent.append_child(name);
    if (isPlainAscii(value)) { // the usual case: no copy
        n.text().set(value.c_str());
        return n;
    }
    std::string fixed = value;
    const std::string changed = sanitizeText(fixed);
    if (!changed.empty()) warn(fmt::format("<{}>: {} (XML cannot carry it).", name, changed));
    n.text().set(fixed.c_str());
    return n;
}

void Emitter::raw(pugi::xml_node parent, const std::vector<std::string>& elements) {
    for (const auto& e : elements)
        if (!appendRaw(parent, e))
            warn(fmt::format("A kept element inside <{}> is not valid XML and was left out.",
                             parent.name()));
}

void Emitter::raw(pugi::xml_node parent, const std::string& content) {
    if (!appendRaw(parent, content))
        warn(fmt::format("The content kept for <{}> is not valid XML and was left out.",
                         parent.name()));
}

pugi::xml_node child(pugi::xml_node parent, const char* local, std::string_view ns) {
    pugi::xml_node n = parent.append_child(local);
    if (!ns.empty() && namespaceUri(parent) != ns)
        n.append_attribute("xmlns").set_value(std::string(ns).c_str());
    return n;
}

} // namespace aovpn::xml
