#include "xml_highlight.hpp"

namespace aovpn::ui {

namespace {

bool isNameChar(char c) {
    return c != ' ' && c != '\t' && c != '>' && c != '/' && c != '=' && c != '<' && c != '"' &&
           c != '\'';
}

// Inside a tag: name, then attributes until '>'. Returns the index after the tag.
std::size_t tag(std::string_view s, std::size_t i, std::vector<XmlSpan>& out) {
    std::size_t start = i;
    i += (i + 1 < s.size() && (s[i + 1] == '/' || s[i + 1] == '?')) ? 2 : 1;
    out.push_back({XmlToken::Punct, s.substr(start, i - start)});
    start = i;
    while (i < s.size() && isNameChar(s[i]))
        ++i;
    out.push_back({XmlToken::TagName, s.substr(start, i - start)});
    while (i < s.size() && s[i] != '>') {
        start = i;
        if (s[i] == '"' || s[i] == '\'') {
            const char q = s[i++];
            while (i < s.size() && s[i] != q)
                ++i;
            if (i < s.size()) ++i;
            out.push_back({XmlToken::AttrValue, s.substr(start, i - start)});
        } else if (isNameChar(s[i])) {
            while (i < s.size() && isNameChar(s[i]))
                ++i;
            out.push_back({XmlToken::AttrName, s.substr(start, i - start)});
        } else {
            ++i;
            out.push_back({XmlToken::Punct, s.substr(start, 1)});
        }
    }
    if (i < s.size()) out.push_back({XmlToken::Punct, s.substr(i++, 1)});
    return i;
}

} // namespace

std::vector<XmlSpan> highlightXmlLine(std::string_view s, bool& inComment) {
    std::vector<XmlSpan> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        if (inComment) {
            const std::size_t end = s.find("-->", i);
            i = end == std::string_view::npos ? s.size() : end + 3;
            inComment = end == std::string_view::npos;
            out.push_back({XmlToken::Comment, s.substr(start, i - start)});
        } else if (s.compare(i, 4, "<!--") == 0) {
            inComment = true;
        } else if (s[i] == '<') {
            i = tag(s, i, out);
        } else {
            while (i < s.size() && s[i] != '<')
                ++i;
            out.push_back({XmlToken::Text, s.substr(start, i - start)});
        }
    }
    return out;
}

} // namespace aovpn::ui
