// applyFixes (model/fixes.hpp): walks the description, re-reads each kept element where it
// belongs, with the same generic reader that read the file.
#include "model/fixes.hpp"

#include "model/describe.hpp"
#include "model/escape.hpp"
#include "model/net.hpp"

#include "element_reader.hpp"
#include "structure_check.hpp"

#include <fmt/format.h>

namespace aovpn {
namespace {
using schema::Element;
using schema::Field;
using schema::Kind;

struct Step {
    const Field* field;
    const Element* element;
};

// Every chain of non-repeated struct fields from `from` down to an element with a child
// `name`: `found` counts them, `chain` keeps the first.
void findChains(const Element& from, std::string_view name, std::vector<Step>& chain, int& found,
                std::vector<Step>& path) {
    for (const Field& f : from.fields) {
        if (f.kind != Kind::Struct || f.list) continue;
        path.push_back({&f, f.element});
        if (f.element->field(name) && ++found == 1) chain = path;
        findChains(*f.element, name, chain, found, path);
        path.pop_back();
    }
}

// A kept element, parsed, inside a scratch Reader whose findings are dropped.
struct Parsed {
    pugi::xml_document doc;
    pugi::xml_node node;
    std::vector<std::string> comments;
};

bool parseKept(const std::string& raw, Parsed& p) {
    if (!p.doc.load_buffer(raw.data(), raw.size(), xml::kParseOptions | pugi::parse_fragment,
                           pugi::encoding_utf8))
        return false;
    for (pugi::xml_node c : p.doc.children()) {
        if (c.type() == pugi::node_comment) p.comments.push_back(c.value());
        if (c.type() == pugi::node_element) {
            p.node = c;
            break;
        }
    }
    return static_cast<bool>(p.node);
}

bool readInto(pugi::xml_node node, const Field& f, void* object) {
    ReadResult scratch;
    xml::Reader r({}, scratch);
    return readField(r, node, f, object);
}

class Fixer {
  public:
    explicit Fixer(Profile& root) : root_(root) {}
    std::vector<std::string> changes;

    void visit(const Element& el, void* object, const std::string& path) {
        RawElements& extra = *el.extra(object);
        for (std::size_t i = 0; i < extra.size();) {
            if (fixKept(el, object, extra[i], path))
                extra.erase(extra.begin() + static_cast<std::ptrdiff_t>(i));
            else
                ++i;
        }
        for (const Field& f : el.fields) {
            if (f.kind != Kind::Struct) continue;
            for (std::size_t k = 0; k < f.count(object); ++k)
                visit(*f.element, f.at(object, k),
                      f.list ? fmt::format("{}{}[{}]/", path, f.name, k)
                             : fmt::format("{}{}/", path, f.name));
        }
    }

  private:
    bool fixKept(const Element& el, void* object, const std::string& raw, const std::string& path) {
        Parsed p;
        if (!parseKept(raw, p)) return false;
        const std::string_view name = p.node.name();
        if (const Field* f = el.field(name)) return fixValue(el, object, *f, p, path);
        if (const Field* w = wrapperOf(el, name)) { // <Id> straight under <TrafficFilter>
            pugi::xml_node wrapper = p.doc.append_child(std::string(w->name).c_str());
            wrapper.append_move(p.node);
            return move(el, object, *w, wrapper, p, path, "into <" + std::string(w->name) + ">");
        }
        return moveToParent(el, p, path);
    }

    static const Field* wrapperOf(const Element& el, std::string_view inner) {
        for (const Field& f : el.fields)
            if (!f.inner.empty() && f.inner == inner) return &f;
        return nullptr;
    }

    // A known child kept because of its value: an empty boolean/number goes, a wrapper holding
    // its value as text gets its inner element.
    bool fixValue(const Element& el, void* object, const Field& f, Parsed& p,
                  const std::string& path) {
        const bool scalar = f.kind == Kind::Bool || f.kind == Kind::Number;
        if (scalar && xml::elementCount(p.node) == 0 && xml::trimmedText(p.node).empty()) {
            changes.push_back(
                fmt::format("Removed the empty <{}> from {}.", f.name, where(el, path)));
            return true;
        }
        if (f.inner.empty() || xml::elementCount(p.node) != 0 || !xml::hasSignificantText(p.node))
            return false;
        const std::string text = xml::trimmedText(p.node);
        p.node.remove_children();
        p.node.append_child(std::string(f.inner).c_str()).text().set(text.c_str());
        return move(el, object, f, p.node, p, path,
                    fmt::format("as <{0}><{1}>...</{1}></{0}>", f.name, f.inner));
    }

    bool move(const Element& el, void* object, const Field& f, pugi::xml_node node, Parsed& p,
              const std::string& path, const std::string& how) {
        if (!readInto(node, f, object)) return false;
        for (std::string& c : p.comments)
            el.comments(object)->push_back({xml::sanitizeComment(c), std::string(f.name)});
        changes.push_back(fmt::format("Wrote <{}> in {} {}.", f.name, where(el, path), how));
        return true;
    }

    // The one place in the whole profile (VPNProfile or a non-repeated element under it) that
    // has a child `name`; nowhere when there are several, or only repeated ones (which Route?).
    bool moveToParent(const Element& el, Parsed& p, const std::string& path) {
        std::vector<Step> chain, scratch;
        const std::string_view name = p.node.name();
        const Element& root = schema::vpnProfile();
        int found = root.field(name) ? 1 : 0;
        findChains(root, name, chain, found, scratch);
        if (found != 1) return false;
        // Not into a list: "which Route?" has no answer, and appending to a list could move
        // the item being visited.
        const Element& home = chain.empty() ? root : *chain.back().element;
        if (home.field(name)->list) return false;
        if (root.field(name))
            return move(root, &root_, *root.field(name), p.node, p, "",
                        fmt::format("(moved from {})", where(el, path)));
        void* target = &root_;
        std::string targetPath;
        for (const Step& s : chain) {
            void* next = s.field->count(target) ? s.field->at(target, 0) : s.field->add(target);
            targetPath += std::string(s.field->name) + "/";
            target = next;
        }
        const Element& dest = *chain.back().element;
        const Field* f = dest.field(name);
        return move(dest, target, *f, p.node, p, targetPath,
                    fmt::format("(moved from {})", where(el, path)));
    }

    // "<Authentication> (NativeProfile/Authentication)", "<Route> (Route[2])"; a path that only
    // repeats the name (NativeProfile) is left out.
    static std::string where(const Element& el, const std::string& path) {
        const std::string_view at = std::string_view(path).substr(0, path.size() - !path.empty());
        return at.empty() || at == el.name ? fmt::format("<{}>", el.name)
                                           : fmt::format("<{}> ({})", el.name, at);
    }

    Profile& root_;
};

void fixEap(Profile& p, std::vector<std::string>& changes) {
    if (!p.nativeProfile || !p.nativeProfile->authentication) return;
    auto& eap = p.nativeProfile->authentication->eap;
    if (!eap || eap->kind != EapKind::Opaque) return;
    pugi::xml_document outer;
    if (!outer.load_buffer(eap->opaqueXml.data(), eap->opaqueXml.size(),
                           xml::kParseOptions | pugi::parse_fragment, pugi::encoding_utf8))
        return;
    const std::string inner = xml::trimmedText(outer); // the escaped text, unescaped once
    if (xml::elementCount(outer) != 0 || !inner.starts_with("<")) return;
    pugi::xml_document doc;
    pugi::xml_node config = doc.append_child("Configuration");
    if (!xml::appendRaw(config, inner)) return;
    ReadResult scratch;
    xml::Reader r({}, scratch);
    eap = readEapConfiguration(r, config);
    changes.push_back("Unescaped the EAP configuration (it was an escaped EapHostConfig string).");
}

void fixServers(Profile& p, std::vector<std::string>& changes) {
    if (!p.nativeProfile) return;
    for (VpnServer& s : p.nativeProfile->servers) {
        const std::string trimmed(trimSpaces(s.fqdn));
        if (trimmed.empty() || trimmed == s.fqdn) continue;
        changes.push_back(fmt::format("Removed the spaces around the server {}.", trimmed));
        s.fqdn = trimmed;
    }
}

bool hasCandidates(const Element& el, const void* object) {
    if (!el.cextra(object)->empty()) return true;
    for (const Field& f : el.fields)
        if (f.kind == Kind::Struct)
            for (std::size_t k = 0; k < f.count(object); ++k)
                if (hasCandidates(*f.element, f.at(object, k))) return true;
    return false;
}

} // namespace

std::vector<std::string> applyFixes(Profile& profile) {
    Fixer fixer(profile);
    fixer.visit(schema::vpnProfile(), &profile, "");
    fixEap(profile, fixer.changes);
    fixServers(profile, fixer.changes);
    return std::move(fixer.changes);
}

std::vector<std::string> plannedFixes(const Profile& profile) {
    // Cheap when there is nothing to do (the usual case, also for 10,000 routes): only kept
    // elements, an opaque EAP block and server names can need a fix.
    const bool opaqueEap = profile.nativeProfile && profile.nativeProfile->authentication &&
                           profile.nativeProfile->authentication->eap &&
                           profile.nativeProfile->authentication->eap->kind == EapKind::Opaque;
    bool spaced = false;
    if (profile.nativeProfile)
        for (const VpnServer& s : profile.nativeProfile->servers)
            spaced = spaced || trimSpaces(s.fqdn).size() != s.fqdn.size();
    if (!opaqueEap && !spaced && !hasCandidates(schema::vpnProfile(), &profile)) return {};
    Profile copy = profile;
    return applyFixes(copy);
}

} // namespace aovpn
