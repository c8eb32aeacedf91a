#include "structure_check.hpp"

#include "model/describe.hpp"
#include "model/known_value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace aovpn::xml {
namespace {

// Every parent and its children, from the description; a wrapper (App, Manual, NativeProtocol,
// Eap) counts as the parent of its one child.
template <typename F> void forEachParent(F f) {
    for (const schema::Element* el : schema::allElements()) {
        std::vector<std::string_view> children;
        for (const schema::Field& field : el->fields) {
            children.push_back(field.name);
            if (!field.inner.empty()) f(field.name, std::vector<std::string_view>{field.inner});
        }
        f(el->name, children);
    }
}

std::string quotedList(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out +=
            fmt::format("{}<{}>", i == 0 ? "" : (i + 1 == names.size() ? " or " : ", "), names[i]);
    return out;
}

} // namespace

std::vector<std::string_view> parentsKnowing(std::string_view name) {
    std::vector<std::string_view> out;
    forEachParent([&](std::string_view parent, const std::vector<std::string_view>& children) {
        if (std::find(children.begin(), children.end(), name) != children.end() &&
            std::find(out.begin(), out.end(), parent) == out.end())
            out.push_back(parent);
    });
    return out;
}

std::string_view caseVariantIn(std::string_view parent, std::string_view name) {
    std::string_view found;
    forEachParent([&](std::string_view p, const std::vector<std::string_view>& children) {
        if (p != parent) return;
        for (std::string_view child : children)
            if (detail::equalsNoCase(child, name)) found = child;
    });
    return found;
}

KeptReason classifyUnknown(std::string_view parent, std::string_view name) {
    if (name == "DomainNameInformationList")
        return {"structure.csp-node",
                fmt::format("<{}> is the VPNv2 CSP's node name, not a ProfileXML element; each "
                            "NRPT rule is a <DomainNameInformation> element, and Windows rejects "
                            "the profile.",
                            name),
                "Rename it <DomainNameInformation> (and <DNSServers> inside it <DnsServers>); "
                "saving or aovpn normalize does both."};
    if (const std::string_view right = caseVariantIn(parent, name); !right.empty())
        return {"structure.name-case",
                fmt::format("<{}> is spelled <{}>: element names are case-sensitive, so Windows "
                            "does not recognise it.",
                            name, right),
                fmt::format("Rename it <{}> (saving or aovpn normalize does).", right)};
    const std::vector<std::string_view> parents = parentsKnowing(name);
    if (!parents.empty())
        return {"structure.misplaced",
                fmt::format("<{}> belongs inside {}, not <{}>; Windows and Intune (0x87d101f4) "
                            "reject it here.",
                            name, quotedList(parents), parent),
                fmt::format("Move it into {} (aovpn normalize --fix moves it when the place is "
                            "clear).",
                            quotedList(parents))};
    return {"structure.unknown",
            fmt::format("<{}> is not an element this tool knows. It is kept as it is, at the end "
                        "of <{}>.",
                        name, parent),
            {}};
}

} // namespace aovpn::xml
