// The one description per element: its order is the published schema's, it covers every
// member a Profile has (a fully set profile writes every element), and names are unique.
#include "model/describe.hpp"
#include "model/profile_xml.hpp"

#include "profile_test_util.hpp"

#include <pugixml.hpp>

#include <set>

using namespace aovpn;
using namespace aovpn::test;

namespace {

// The xs:element names directly in the content model of the XSD element `name`.
std::vector<std::string> xsdChildren(const pugi::xml_document& xsd, const std::string& name,
                                     const std::string& parent) {
    std::vector<std::string> out;
    for (const pugi::xpath_node& n :
         xsd.select_nodes(("//xs:element[@name='" + name + "']").c_str())) {
        const pugi::xml_node el = n.node();
        const pugi::xml_node up = el.parent().parent().parent(); // sequence/complexType/element
        if (!parent.empty() && std::string(up.attribute("name").value()) != parent) continue;
        for (const pugi::xpath_node& c : el.select_nodes("xs:complexType//xs:element"))
            if (c.node().parent().parent().parent() == el ||
                c.node().parent().parent().parent().parent() == el) // inside a choice
                out.push_back(c.node().attribute("name").value());
        return out;
    }
    return out;
}

} // namespace

TEST_CASE("the description's order is the schema's (XSD plus the Windows 11 nodes)") {
    pugi::xml_document xsd;
    REQUIRE(xsd.load_file((dataDir() + "/schema/VPNProfileSchema.aovpn.xsd").c_str()));
    for (const schema::Element* el : schema::allElements()) {
        CAPTURE(el->name);
        std::vector<std::string> described;
        for (const schema::Field& f : el->fields)
            described.push_back(std::string(f.name));
        std::vector<std::string> xsdOrder =
            xsdChildren(xsd, std::string(el->name), el->name == "Sso" ? "DeviceCompliance" : "");
        if (el->name == "Authentication") // the XSD's choice (UserMethod, Eap) | MachineMethod
            xsdOrder = {"UserMethod", "MachineMethod", "Eap"};
        CHECK(described == xsdOrder);
    }
}

TEST_CASE("element names are unique and every field names its element once") {
    std::set<std::string_view> names;
    for (const schema::Element* el : schema::allElements()) {
        CHECK(names.insert(el->name).second);
        std::set<std::string_view> children;
        for (const schema::Field& f : el->fields) {
            CHECK(children.insert(f.name).second);
            CHECK((f.kind == schema::Kind::Struct) == (f.element != nullptr));
            if (f.element) CHECK(schema::elementNamed(f.element->name) == f.element);
        }
    }
    CHECK(schema::elementNamed("VPNProfile") == &schema::vpnProfile());
}

TEST_CASE("the description reaches every element of a fully set profile") {
    const std::string xml = readFile(dataDir() + "/profiles/every_element.xml");
    const Profile p = readOk(xml);
    const std::string written = writeProfileXml(p);
    for (const schema::Element* el : schema::allElements())
        for (const schema::Field& f : el->fields) {
            CAPTURE(f.name);
            CHECK(written.find("<" + std::string(f.name)) != std::string::npos);
        }
}
