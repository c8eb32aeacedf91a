#pragma once
// Writing side: appends value elements with sanitised text and collects what had to change.
#include "model/known_value.hpp"
#include "model/profile_xml.hpp"

#include "xml_support.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aovpn::xml {

class Emitter {
  public:
    explicit Emitter(std::vector<XmlDiagnostic>& warnings) : warnings_(warnings) {}

    pugi::xml_node text(pugi::xml_node parent, const char* name, const std::string& value);
    void opt(pugi::xml_node parent, const char* name, const std::optional<std::string>& v) {
        if (v) text(parent, name, *v);
    }
    void opt(pugi::xml_node parent, const char* name, std::optional<bool> v) {
        if (v) text(parent, name, boolText(*v));
    }
    void opt(pugi::xml_node parent, const char* name, std::optional<std::uint32_t> v) {
        if (v) text(parent, name, std::to_string(*v));
    }
    template <typename E>
    void opt(pugi::xml_node parent, const char* name, const std::optional<Known<E>>& v) {
        if (v) text(parent, name, std::string(toText(*v)));
    }
    // Kept elements (or content) as read; a string that is not XML is reported and skipped.
    void raw(pugi::xml_node parent, const std::vector<std::string>& elements);
    void raw(pugi::xml_node parent, const std::string& content);

    void warn(std::string message) {
        XmlDiagnostic d;
        d.message = std::move(message);
        warnings_.push_back(std::move(d));
    }

  private:
    std::vector<XmlDiagnostic>& warnings_;
};

// Namespace-aware child element: <local xmlns="ns"> when ns differs from the parent's.
pugi::xml_node child(pugi::xml_node parent, const char* local, std::string_view ns = {});

} // namespace aovpn::xml
